import GRDB

/// Revenue (posted shipments) per order owner and month, kept by triggers like `sales_monthly`,
/// so a KPI's year of revenue reads twelve rows per rep instead of a year of shipments. A
/// shipment counts for its order's owner: a handover that moves an order moves its months too.
/// And the customers marked lost, by the day, for churn; which passwords are one-time; who
/// handles a complaint and when it was resolved.
enum SchemaV14 {
    static let identifier = "v14-revenue-monthly"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE revenue_monthly (
                owner_id INTEGER NOT NULL,
                month TEXT NOT NULL,
                total INTEGER NOT NULL,
                PRIMARY KEY (owner_id, month)
            ) WITHOUT ROWID, STRICT;
            INSERT INTO revenue_monthly (owner_id, month, total)
                SELECT o.owner_id, substr(s.ship_date, 1, 7), SUM(s.total) FROM shipments s JOIN sales_orders o ON o.id = s.order_id
                WHERE s.status = 'posted' GROUP BY 1, 2;
            -- A password a manager set (a new user's, a reset): good for one login to the app,
            -- where its user sets their own.
            ALTER TABLE users ADD COLUMN password_once INTEGER NOT NULL DEFAULT 0 CHECK (password_once IN (0, 1));
            -- A complaint is handled by someone (at first the customer's owner) until resolved.
            ALTER TABLE feedback ADD COLUMN handler_id INTEGER REFERENCES users(id);
            ALTER TABLE feedback ADD COLUMN resolved_on TEXT;
            ALTER TABLE feedback ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
            UPDATE feedback SET handler_id = (SELECT owner_id FROM customers WHERE id = feedback.customer_id) WHERE kind = 'complaint';
            CREATE INDEX feedback_open_complaints ON feedback(received_on) WHERE kind = 'complaint' AND resolved = 0;
            -- Churn reads the customers marked lost in its windows.
            CREATE INDEX customers_lost ON customers(lost_on) WHERE lost_on IS NOT NULL;
            CREATE TRIGGER revenue_monthly_insert AFTER INSERT ON shipments WHEN NEW.status = 'posted' BEGIN
                INSERT INTO revenue_monthly (owner_id, month, total)
                    SELECT owner_id, substr(NEW.ship_date, 1, 7), NEW.total FROM sales_orders WHERE id = NEW.order_id
                    ON CONFLICT (owner_id, month) DO UPDATE SET total = total + excluded.total;
            END;
            CREATE TRIGGER revenue_monthly_update AFTER UPDATE OF status, total, ship_date, order_id ON shipments BEGIN
                UPDATE revenue_monthly SET total = total - OLD.total
                    WHERE OLD.status = 'posted' AND month = substr(OLD.ship_date, 1, 7) AND owner_id = (SELECT owner_id FROM sales_orders WHERE id = OLD.order_id);
                INSERT INTO revenue_monthly (owner_id, month, total)
                    SELECT owner_id, substr(NEW.ship_date, 1, 7), NEW.total FROM sales_orders WHERE id = NEW.order_id AND NEW.status = 'posted'
                    ON CONFLICT (owner_id, month) DO UPDATE SET total = total + excluded.total;
            END;
            CREATE TRIGGER revenue_monthly_delete AFTER DELETE ON shipments WHEN OLD.status = 'posted' BEGIN
                UPDATE revenue_monthly SET total = total - OLD.total
                    WHERE month = substr(OLD.ship_date, 1, 7) AND owner_id = (SELECT owner_id FROM sales_orders WHERE id = OLD.order_id);
            END;
            CREATE TRIGGER revenue_monthly_owner AFTER UPDATE OF owner_id ON sales_orders WHEN OLD.owner_id <> NEW.owner_id BEGIN
                UPDATE revenue_monthly SET total = total - coalesce((SELECT SUM(total) FROM shipments
                    WHERE order_id = NEW.id AND status = 'posted' AND substr(ship_date, 1, 7) = revenue_monthly.month), 0)
                    WHERE owner_id = OLD.owner_id AND month IN (SELECT substr(ship_date, 1, 7) FROM shipments WHERE order_id = NEW.id AND status = 'posted');
                INSERT INTO revenue_monthly (owner_id, month, total)
                    SELECT NEW.owner_id, substr(ship_date, 1, 7), SUM(total) FROM shipments WHERE order_id = NEW.id AND status = 'posted' GROUP BY 2
                    ON CONFLICT (owner_id, month) DO UPDATE SET total = total + excluded.total;
            END;
            """)
    }
}
