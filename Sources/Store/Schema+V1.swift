import GRDB

/// The first schema: the whole domain of docs/domain.md. Landed migrations never change; later
/// changes are new migrations appended in `AppDatabase.migrator`.
enum SchemaV1 {
    static let identifier = "v1-domain"

    static func migrate(_ db: Database) throws {
        for statement in statements { try db.execute(sql: statement) }
    }

    static let roles = "'sales_rep','sales_assistant','finance','purchasing','manager'"
    static let methods = "'cash','bank_transfer','cheque','wechat_pay','alipay','other'"

    /// An FTS5 trigram index over one column of `customers` (external content), kept in step by
    /// triggers whatever writes the customer.
    static func trigramIndex(_ name: String, column: String) -> [String] {
        [
            "CREATE VIRTUAL TABLE \(name) USING fts5(\(column), content='customers', content_rowid='id', tokenize='trigram')",
            """
            CREATE TRIGGER \(name)_insert AFTER INSERT ON customers BEGIN
                INSERT INTO \(name) (rowid, \(column)) VALUES (NEW.id, NEW.\(column));
            END
            """,
            """
            CREATE TRIGGER \(name)_delete AFTER DELETE ON customers BEGIN
                INSERT INTO \(name) (\(name), rowid, \(column)) VALUES ('delete', OLD.id, OLD.\(column));
            END
            """,
            """
            CREATE TRIGGER \(name)_update AFTER UPDATE OF \(column) ON customers BEGIN
                INSERT INTO \(name) (\(name), rowid, \(column)) VALUES ('delete', OLD.id, OLD.\(column));
                INSERT INTO \(name) (rowid, \(column)) VALUES (NEW.id, NEW.\(column));
            END
            """,
        ]
    }

    static let statements: [String] = [
        """
        CREATE TABLE users (
            id INTEGER PRIMARY KEY,
            login TEXT NOT NULL UNIQUE CHECK (length(login) BETWEEN 1 AND 64),
            display_name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN (\(roles))),
            password_hash TEXT NOT NULL CHECK (password_hash LIKE '$%'),
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            failed_logins INTEGER NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
            locked_until INTEGER NOT NULL DEFAULT 0,
            created_at INTEGER NOT NULL,
            version INTEGER NOT NULL DEFAULT 1
        ) STRICT
        """,
        """
        CREATE TABLE company_settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 1
        ) STRICT
        """,
        """
        CREATE TABLE customers (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL CHECK (length(name) > 0),
            short_name TEXT,
            search_key TEXT NOT NULL DEFAULT '',
            name_key TEXT NOT NULL DEFAULT '',
            phone_key TEXT,
            email_key TEXT,
            email_domain TEXT,
            status TEXT NOT NULL CHECK (status IN ('lead','prospect','active','dormant','lost')),
            owner_id INTEGER REFERENCES users(id),
            owner_since TEXT,
            region TEXT,
            industry TEXT,
            source TEXT,
            tags TEXT NOT NULL DEFAULT '',
            contact_person TEXT,
            phone TEXT,
            email TEXT,
            address TEXT,
            credit_limit INTEGER NOT NULL DEFAULT 0 CHECK (credit_limit >= 0),
            open_balance INTEGER NOT NULL DEFAULT 0,
            payment_terms_days INTEGER NOT NULL DEFAULT 30 CHECK (payment_terms_days BETWEEN 0 AND 365),
            next_contact_on TEXT,
            last_contact_on TEXT,
            first_order_on TEXT,
            last_order_on TEXT,
            created_on TEXT NOT NULL,
            lost_on TEXT,
            archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
            version INTEGER NOT NULL DEFAULT 1
        ) STRICT
        """,
        // Keyset paging by name, and search scans that read only the index (search_key covered).
        "CREATE INDEX customers_owner_name ON customers(owner_id, name, search_key)",
        "CREATE INDEX customers_name ON customers(name, search_key)",
        // Duplicate guard (docs/domain.md): normalised keys, stored at write time, and a trigram index
        // of normalised names for similar-name candidates.
        "CREATE INDEX customers_name_key ON customers(name_key)",
        "CREATE INDEX customers_phone_key ON customers(phone_key) WHERE phone_key IS NOT NULL",
        "CREATE INDEX customers_email_key ON customers(email_key) WHERE email_key IS NOT NULL",
        "CREATE INDEX customers_email_domain ON customers(email_domain) WHERE email_domain IS NOT NULL",
    ] + trigramIndex("customer_search", column: "search_key") + trigramIndex("customer_names", column: "name_key") + [

        "CREATE INDEX customers_owner_next_contact ON customers(owner_id, next_contact_on) WHERE archived = 0",
        "CREATE INDEX customers_next_contact ON customers(next_contact_on) WHERE archived = 0",
        "CREATE INDEX customers_owner_status_last_order ON customers(owner_id, status, last_order_on) WHERE archived = 0",
        "CREATE INDEX customers_status ON customers(status, last_order_on) WHERE archived = 0",
        // Customers whose open receivables alone exceed their credit limit: a tiny index.
        "CREATE INDEX customers_over_limit ON customers(owner_id) WHERE credit_limit > 0 AND open_balance > credit_limit",
        "CREATE INDEX customers_first_order ON customers(first_order_on)",
        "CREATE INDEX customers_created ON customers(created_on)",
        """
        CREATE TABLE contacts (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customers(id),
            name TEXT NOT NULL CHECK (length(name) > 0),
            title TEXT,
            mobile TEXT,
            phone TEXT,
            email TEXT,
            wechat TEXT,
            qq TEXT,
            birthday TEXT,
            birthday_md TEXT GENERATED ALWAYS AS (substr(birthday, 6, 5)) VIRTUAL,
            notes TEXT,
            version INTEGER NOT NULL DEFAULT 1
        ) STRICT
        """,
        "CREATE INDEX contacts_customer ON contacts(customer_id)",
        "CREATE INDEX contacts_birthday_md ON contacts(birthday_md)",
        """
        CREATE TABLE contact_log (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customers(id),
            contact_id INTEGER REFERENCES contacts(id),
            user_id INTEGER NOT NULL REFERENCES users(id),
            kind TEXT NOT NULL CHECK (kind IN ('call','email','im','visit','meeting')),
            happened_on TEXT NOT NULL,
            summary TEXT NOT NULL,
            outcome TEXT,
            next_contact_on TEXT,
            done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
            version INTEGER NOT NULL DEFAULT 1
        ) STRICT
        """,
        "CREATE INDEX contact_log_customer ON contact_log(customer_id, happened_on)",
        "CREATE INDEX contact_log_user ON contact_log(user_id, happened_on)",
        "CREATE INDEX contact_log_happened ON contact_log(happened_on)",
        """
        CREATE TABLE opportunities (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customers(id),
            owner_id INTEGER NOT NULL REFERENCES users(id),
            title TEXT NOT NULL,
            stage TEXT NOT NULL CHECK (stage IN ('qualification','proposal','negotiation','won','lost')),
            amount INTEGER NOT NULL CHECK (amount >= 0),
            probability_bp INTEGER NOT NULL CHECK (probability_bp BETWEEN 0 AND 10000),
            expected_close TEXT,
            closed_on TEXT,
            lost_reason TEXT,
            created_on TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 1,
            CHECK ((stage IN ('won','lost')) = (closed_on IS NOT NULL))
        ) STRICT
        """,
        "CREATE INDEX opportunities_owner_stage ON opportunities(owner_id, stage)",
        "CREATE INDEX opportunities_open ON opportunities(stage, amount, probability_bp) WHERE stage NOT IN ('won','lost')",
        "CREATE INDEX opportunities_closed ON opportunities(closed_on)",
        "CREATE INDEX opportunities_customer ON opportunities(customer_id)",
        """
        CREATE TABLE products (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            search_key TEXT NOT NULL DEFAULT '',
            unit TEXT NOT NULL DEFAULT 'pcs',
            list_price INTEGER NOT NULL CHECK (list_price >= 0),
            cost_price INTEGER NOT NULL DEFAULT 0 CHECK (cost_price >= 0),
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            version INTEGER NOT NULL DEFAULT 1
        ) STRICT
        """,
        """
        CREATE TABLE warehouses (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 1
        ) STRICT
        """,
        """
        CREATE TABLE stock_levels (
            product_id INTEGER NOT NULL REFERENCES products(id),
            warehouse_id INTEGER NOT NULL REFERENCES warehouses(id),
            on_hand INTEGER NOT NULL DEFAULT 0,
            reorder_level INTEGER NOT NULL DEFAULT 0 CHECK (reorder_level >= 0),
            version INTEGER NOT NULL DEFAULT 1,
            PRIMARY KEY (product_id, warehouse_id)
        ) STRICT
        """,
        "CREATE INDEX stock_levels_low ON stock_levels(warehouse_id, product_id) WHERE on_hand <= reorder_level",
        """
        CREATE TABLE stock_moves (
            id INTEGER PRIMARY KEY,
            product_id INTEGER NOT NULL REFERENCES products(id),
            warehouse_id INTEGER NOT NULL REFERENCES warehouses(id),
            moved_on TEXT NOT NULL,
            quantity INTEGER NOT NULL CHECK (quantity <> 0),
            reason TEXT NOT NULL CHECK (reason IN ('opening','adjustment','transfer')),
            note TEXT,
            user_id INTEGER REFERENCES users(id)
        ) STRICT
        """,
        "CREATE INDEX stock_moves_product ON stock_moves(product_id, warehouse_id)",
        """
        CREATE TABLE quotes (
            id INTEGER PRIMARY KEY,
            number TEXT NOT NULL UNIQUE,
            customer_id INTEGER NOT NULL REFERENCES customers(id),
            owner_id INTEGER NOT NULL REFERENCES users(id),
            quote_date TEXT NOT NULL,
            valid_until TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('draft','sent','accepted','rejected','expired')),
            total INTEGER NOT NULL CHECK (total >= 0),
            sales_order_id INTEGER REFERENCES sales_orders(id),
            note TEXT,
            version INTEGER NOT NULL DEFAULT 1,
            CHECK (valid_until >= quote_date)
        ) STRICT
        """,
        "CREATE INDEX quotes_customer ON quotes(customer_id, quote_date)",
        "CREATE INDEX quotes_owner ON quotes(owner_id, quote_date)",
        """
        CREATE TABLE quote_lines (
            id INTEGER PRIMARY KEY,
            quote_id INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
            line_no INTEGER NOT NULL,
            product_id INTEGER NOT NULL REFERENCES products(id),
            quantity INTEGER NOT NULL CHECK (quantity > 0),
            unit_price INTEGER NOT NULL CHECK (unit_price >= 0),
            discount_bp INTEGER NOT NULL DEFAULT 0 CHECK (discount_bp BETWEEN 0 AND 10000),
            amount INTEGER NOT NULL CHECK (amount >= 0),
            UNIQUE (quote_id, line_no)
        ) STRICT
        """,
        """
        CREATE TABLE sales_orders (
            id INTEGER PRIMARY KEY,
            number TEXT NOT NULL UNIQUE,
            customer_id INTEGER NOT NULL REFERENCES customers(id),
            owner_id INTEGER NOT NULL REFERENCES users(id),
            order_date TEXT NOT NULL,
            due_date TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('open','partially_shipped','shipped','cancelled')),
            total INTEGER NOT NULL CHECK (total >= 0),
            quantity INTEGER NOT NULL DEFAULT 0 CHECK (quantity >= 0),
            quote_id INTEGER REFERENCES quotes(id),
            created_by INTEGER REFERENCES users(id),
            note TEXT,
            version INTEGER NOT NULL DEFAULT 1,
            CHECK (due_date >= order_date)
        ) STRICT
        """,
        "CREATE INDEX sales_orders_date ON sales_orders(order_date, status, total, quantity, owner_id, customer_id)",
        "CREATE INDEX sales_orders_owner_date ON sales_orders(owner_id, order_date, status, total, quantity, customer_id)",
        "CREATE INDEX sales_orders_customer_date ON sales_orders(customer_id, order_date)",
        "CREATE INDEX sales_orders_open_due ON sales_orders(due_date) WHERE status IN ('open','partially_shipped')",
        "CREATE INDEX sales_orders_open_customer ON sales_orders(customer_id) WHERE status IN ('open','partially_shipped')",
        // Booked sales per rep and month, kept by triggers so every write path keeps it right;
        // dashboards read 12 months from here instead of scanning a year of orders.
        """
        CREATE TABLE sales_monthly (
            owner_id INTEGER NOT NULL,
            month TEXT NOT NULL,
            total INTEGER NOT NULL,
            orders INTEGER NOT NULL,
            quantity INTEGER NOT NULL,
            PRIMARY KEY (owner_id, month)
        ) STRICT
        """,
        """
        CREATE TRIGGER sales_monthly_insert AFTER INSERT ON sales_orders WHEN NEW.status <> 'cancelled' BEGIN
            INSERT INTO sales_monthly (owner_id, month, total, orders, quantity)
            VALUES (NEW.owner_id, substr(NEW.order_date, 1, 7), NEW.total, 1, NEW.quantity)
            ON CONFLICT (owner_id, month) DO UPDATE SET total = total + excluded.total, orders = orders + 1, quantity = quantity + excluded.quantity;
        END
        """,
        """
        CREATE TRIGGER sales_monthly_delete AFTER DELETE ON sales_orders WHEN OLD.status <> 'cancelled' BEGIN
            UPDATE sales_monthly SET total = total - OLD.total, orders = orders - 1, quantity = quantity - OLD.quantity
            WHERE owner_id = OLD.owner_id AND month = substr(OLD.order_date, 1, 7);
        END
        """,
        """
        CREATE TRIGGER sales_monthly_update AFTER UPDATE OF status, total, quantity, owner_id, order_date ON sales_orders BEGIN
            UPDATE sales_monthly SET total = total - OLD.total, orders = orders - 1, quantity = quantity - OLD.quantity
            WHERE OLD.status <> 'cancelled' AND owner_id = OLD.owner_id AND month = substr(OLD.order_date, 1, 7);
            INSERT INTO sales_monthly (owner_id, month, total, orders, quantity)
            SELECT NEW.owner_id, substr(NEW.order_date, 1, 7), NEW.total, 1, NEW.quantity WHERE NEW.status <> 'cancelled'
            ON CONFLICT (owner_id, month) DO UPDATE SET total = total + excluded.total, orders = orders + excluded.orders, quantity = quantity + excluded.quantity;
        END
        """,
        """
        CREATE TABLE sales_order_lines (
            id INTEGER PRIMARY KEY,
            order_id INTEGER NOT NULL REFERENCES sales_orders(id),
            line_no INTEGER NOT NULL,
            product_id INTEGER NOT NULL REFERENCES products(id),
            quantity INTEGER NOT NULL CHECK (quantity > 0),
            shipped_quantity INTEGER NOT NULL DEFAULT 0 CHECK (shipped_quantity >= 0 AND shipped_quantity <= quantity),
            unit_price INTEGER NOT NULL CHECK (unit_price >= 0),
            discount_bp INTEGER NOT NULL DEFAULT 0 CHECK (discount_bp BETWEEN 0 AND 10000),
            amount INTEGER NOT NULL CHECK (amount >= 0),
            UNIQUE (order_id, line_no)
        ) STRICT
        """,
        "CREATE INDEX sales_order_lines_product ON sales_order_lines(product_id)",
        """
        CREATE TABLE shipments (
            id INTEGER PRIMARY KEY,
            number TEXT NOT NULL UNIQUE,
            order_id INTEGER NOT NULL REFERENCES sales_orders(id),
            customer_id INTEGER NOT NULL REFERENCES customers(id),
            warehouse_id INTEGER NOT NULL REFERENCES warehouses(id),
            ship_date TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('posted','voided')),
            total INTEGER NOT NULL CHECK (total >= 0),
            void_reason TEXT,
            created_by INTEGER REFERENCES users(id),
            CHECK ((status = 'voided') = (void_reason IS NOT NULL))
        ) STRICT
        """,
        "CREATE INDEX shipments_date ON shipments(ship_date, status, total, order_id)",
        "CREATE INDEX shipments_order ON shipments(order_id)",
        "CREATE INDEX shipments_customer ON shipments(customer_id, ship_date)",
        """
        CREATE TABLE shipment_lines (
            id INTEGER PRIMARY KEY,
            shipment_id INTEGER NOT NULL REFERENCES shipments(id),
            order_line_id INTEGER NOT NULL REFERENCES sales_order_lines(id),
            product_id INTEGER NOT NULL REFERENCES products(id),
            quantity INTEGER NOT NULL CHECK (quantity > 0),
            amount INTEGER NOT NULL CHECK (amount >= 0)
        ) STRICT
        """,
        "CREATE INDEX shipment_lines_shipment ON shipment_lines(shipment_id)",
        "CREATE INDEX shipment_lines_order_line ON shipment_lines(order_line_id)",
        """
        CREATE TABLE receivables (
            id INTEGER PRIMARY KEY,
            number TEXT NOT NULL UNIQUE,
            shipment_id INTEGER UNIQUE REFERENCES shipments(id),
            customer_id INTEGER NOT NULL REFERENCES customers(id),
            rep_id INTEGER REFERENCES users(id),
            doc_date TEXT NOT NULL,
            due_date TEXT NOT NULL,
            amount INTEGER NOT NULL CHECK (amount > 0),
            open_amount INTEGER NOT NULL CHECK (open_amount >= 0 AND open_amount <= amount),
            status TEXT NOT NULL CHECK (status IN ('posted','voided')),
            CHECK (due_date >= doc_date)
        ) STRICT
        """,
        "CREATE INDEX receivables_open_due ON receivables(due_date, open_amount, customer_id) WHERE open_amount > 0 AND status = 'posted'",
        "CREATE INDEX receivables_open_rep_due ON receivables(rep_id, due_date, open_amount, customer_id) WHERE open_amount > 0 AND status = 'posted'",
        "CREATE INDEX receivables_open_customer ON receivables(customer_id, open_amount) WHERE open_amount > 0 AND status = 'posted'",
        "CREATE INDEX receivables_customer_date ON receivables(customer_id, doc_date)",
        // customers.open_balance = Σ open amounts of the customer's posted receivables, kept by
        // triggers whatever writes the receivables.
        """
        CREATE TRIGGER receivables_balance_insert AFTER INSERT ON receivables WHEN NEW.status = 'posted' BEGIN
            UPDATE customers SET open_balance = open_balance + NEW.open_amount WHERE id = NEW.customer_id;
        END
        """,
        """
        CREATE TRIGGER receivables_balance_update AFTER UPDATE OF open_amount, status, customer_id ON receivables BEGIN
            UPDATE customers SET open_balance = open_balance - OLD.open_amount WHERE id = OLD.customer_id AND OLD.status = 'posted';
            UPDATE customers SET open_balance = open_balance + NEW.open_amount WHERE id = NEW.customer_id AND NEW.status = 'posted';
        END
        """,
        """
        CREATE TRIGGER receivables_balance_delete AFTER DELETE ON receivables WHEN OLD.status = 'posted' BEGIN
            UPDATE customers SET open_balance = open_balance - OLD.open_amount WHERE id = OLD.customer_id;
        END
        """,
        """
        CREATE TABLE receipts (
            id INTEGER PRIMARY KEY,
            number TEXT NOT NULL UNIQUE,
            customer_id INTEGER NOT NULL REFERENCES customers(id),
            receipt_date TEXT NOT NULL,
            amount INTEGER NOT NULL CHECK (amount > 0),
            unapplied INTEGER NOT NULL CHECK (unapplied >= 0 AND unapplied <= amount),
            method TEXT NOT NULL CHECK (method IN (\(methods))),
            rep_id INTEGER REFERENCES users(id),
            status TEXT NOT NULL CHECK (status IN ('posted','voided')),
            void_reason TEXT,
            created_by INTEGER REFERENCES users(id),
            CHECK ((status = 'voided') = (void_reason IS NOT NULL))
        ) STRICT
        """,
        "CREATE INDEX receipts_date ON receipts(receipt_date, status, amount, method, rep_id)",
        "CREATE INDEX receipts_unapplied ON receipts(customer_id) WHERE unapplied > 0 AND status = 'posted'",
        "CREATE INDEX receipts_customer ON receipts(customer_id, receipt_date)",
        "CREATE INDEX receipts_rep_date ON receipts(rep_id, receipt_date)",
        """
        CREATE TABLE receipt_allocations (
            id INTEGER PRIMARY KEY,
            receipt_id INTEGER NOT NULL REFERENCES receipts(id),
            receivable_id INTEGER NOT NULL REFERENCES receivables(id),
            amount INTEGER NOT NULL CHECK (amount > 0),
            allocated_on TEXT NOT NULL
        ) STRICT
        """,
        "CREATE INDEX receipt_allocations_receipt ON receipt_allocations(receipt_id)",
        "CREATE INDEX receipt_allocations_receivable ON receipt_allocations(receivable_id)",
        """
        CREATE TABLE suppliers (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL CHECK (length(name) > 0),
            contact_person TEXT,
            phone TEXT,
            email TEXT,
            address TEXT,
            payment_terms_days INTEGER NOT NULL DEFAULT 30 CHECK (payment_terms_days BETWEEN 0 AND 365),
            version INTEGER NOT NULL DEFAULT 1
        ) STRICT
        """,
        """
        CREATE TABLE purchase_orders (
            id INTEGER PRIMARY KEY,
            number TEXT NOT NULL UNIQUE,
            supplier_id INTEGER NOT NULL REFERENCES suppliers(id),
            buyer_id INTEGER REFERENCES users(id),
            order_date TEXT NOT NULL,
            expected_date TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('open','partially_received','received','cancelled')),
            total INTEGER NOT NULL CHECK (total >= 0),
            note TEXT,
            version INTEGER NOT NULL DEFAULT 1,
            CHECK (expected_date >= order_date)
        ) STRICT
        """,
        "CREATE INDEX purchase_orders_date ON purchase_orders(order_date, status, total)",
        "CREATE INDEX purchase_orders_open_expected ON purchase_orders(expected_date) WHERE status IN ('open','partially_received')",
        "CREATE INDEX purchase_orders_supplier ON purchase_orders(supplier_id, order_date)",
        """
        CREATE TABLE purchase_order_lines (
            id INTEGER PRIMARY KEY,
            po_id INTEGER NOT NULL REFERENCES purchase_orders(id),
            line_no INTEGER NOT NULL,
            product_id INTEGER NOT NULL REFERENCES products(id),
            quantity INTEGER NOT NULL CHECK (quantity > 0),
            received_quantity INTEGER NOT NULL DEFAULT 0 CHECK (received_quantity >= 0 AND received_quantity <= quantity),
            unit_price INTEGER NOT NULL CHECK (unit_price >= 0),
            amount INTEGER NOT NULL CHECK (amount >= 0),
            UNIQUE (po_id, line_no)
        ) STRICT
        """,
        """
        CREATE TABLE goods_receipts (
            id INTEGER PRIMARY KEY,
            number TEXT NOT NULL UNIQUE,
            po_id INTEGER NOT NULL REFERENCES purchase_orders(id),
            supplier_id INTEGER NOT NULL REFERENCES suppliers(id),
            warehouse_id INTEGER NOT NULL REFERENCES warehouses(id),
            receipt_date TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('posted','voided')),
            total INTEGER NOT NULL CHECK (total >= 0),
            void_reason TEXT,
            created_by INTEGER REFERENCES users(id),
            CHECK ((status = 'voided') = (void_reason IS NOT NULL))
        ) STRICT
        """,
        "CREATE INDEX goods_receipts_po ON goods_receipts(po_id)",
        "CREATE INDEX goods_receipts_date ON goods_receipts(receipt_date)",
        """
        CREATE TABLE goods_receipt_lines (
            id INTEGER PRIMARY KEY,
            goods_receipt_id INTEGER NOT NULL REFERENCES goods_receipts(id),
            po_line_id INTEGER NOT NULL REFERENCES purchase_order_lines(id),
            product_id INTEGER NOT NULL REFERENCES products(id),
            quantity INTEGER NOT NULL CHECK (quantity > 0),
            amount INTEGER NOT NULL CHECK (amount >= 0)
        ) STRICT
        """,
        "CREATE INDEX goods_receipt_lines_receipt ON goods_receipt_lines(goods_receipt_id)",
        "CREATE INDEX goods_receipt_lines_po_line ON goods_receipt_lines(po_line_id)",
        """
        CREATE TABLE payables (
            id INTEGER PRIMARY KEY,
            number TEXT NOT NULL UNIQUE,
            goods_receipt_id INTEGER UNIQUE REFERENCES goods_receipts(id),
            supplier_id INTEGER NOT NULL REFERENCES suppliers(id),
            doc_date TEXT NOT NULL,
            due_date TEXT NOT NULL,
            amount INTEGER NOT NULL CHECK (amount > 0),
            open_amount INTEGER NOT NULL CHECK (open_amount >= 0 AND open_amount <= amount),
            status TEXT NOT NULL CHECK (status IN ('posted','voided')),
            CHECK (due_date >= doc_date)
        ) STRICT
        """,
        "CREATE INDEX payables_open_due ON payables(due_date) WHERE open_amount > 0 AND status = 'posted'",
        "CREATE INDEX payables_supplier ON payables(supplier_id, doc_date)",
        """
        CREATE TABLE payments (
            id INTEGER PRIMARY KEY,
            number TEXT NOT NULL UNIQUE,
            supplier_id INTEGER NOT NULL REFERENCES suppliers(id),
            payment_date TEXT NOT NULL,
            amount INTEGER NOT NULL CHECK (amount > 0),
            unapplied INTEGER NOT NULL CHECK (unapplied >= 0 AND unapplied <= amount),
            method TEXT NOT NULL CHECK (method IN (\(methods))),
            status TEXT NOT NULL CHECK (status IN ('posted','voided')),
            void_reason TEXT,
            created_by INTEGER REFERENCES users(id),
            CHECK ((status = 'voided') = (void_reason IS NOT NULL))
        ) STRICT
        """,
        "CREATE INDEX payments_date ON payments(payment_date, status, amount)",
        "CREATE INDEX payments_unapplied ON payments(supplier_id) WHERE unapplied > 0 AND status = 'posted'",
        "CREATE INDEX payments_supplier ON payments(supplier_id, payment_date)",
        """
        CREATE TABLE payment_allocations (
            id INTEGER PRIMARY KEY,
            payment_id INTEGER NOT NULL REFERENCES payments(id),
            payable_id INTEGER NOT NULL REFERENCES payables(id),
            amount INTEGER NOT NULL CHECK (amount > 0),
            allocated_on TEXT NOT NULL
        ) STRICT
        """,
        "CREATE INDEX payment_allocations_payment ON payment_allocations(payment_id)",
        "CREATE INDEX payment_allocations_payable ON payment_allocations(payable_id)",
        """
        CREATE TABLE expenses (
            id INTEGER PRIMARY KEY,
            number TEXT NOT NULL UNIQUE,
            expense_date TEXT NOT NULL,
            category TEXT NOT NULL CHECK (category IN ('rent','utilities','office','salaries','commissions','sales','marketing','travel','other')),
            item TEXT NOT NULL,
            amount INTEGER NOT NULL CHECK (amount > 0),
            method TEXT NOT NULL CHECK (method IN (\(methods))),
            rep_id INTEGER REFERENCES users(id),
            note TEXT,
            created_by INTEGER REFERENCES users(id),
            version INTEGER NOT NULL DEFAULT 1
        ) STRICT
        """,
        "CREATE INDEX expenses_date ON expenses(expense_date, category, amount)",
        "CREATE INDEX expenses_rep_date ON expenses(rep_id, expense_date)",
        """
        CREATE TABLE feedback (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customers(id),
            kind TEXT NOT NULL CHECK (kind IN ('csat','nps','complaint')),
            score INTEGER,
            received_on TEXT NOT NULL,
            note TEXT,
            resolved INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1)),
            CHECK ((kind = 'csat' AND score BETWEEN 1 AND 5) OR (kind = 'nps' AND score BETWEEN 0 AND 10) OR (kind = 'complaint' AND score IS NULL))
        ) STRICT
        """,
        "CREATE INDEX feedback_received ON feedback(received_on, kind)",
        "CREATE INDEX feedback_customer ON feedback(customer_id)",
        """
        CREATE TABLE quotas (
            id INTEGER PRIMARY KEY,
            rep_id INTEGER NOT NULL REFERENCES users(id),
            period_start TEXT NOT NULL,
            period_end TEXT NOT NULL,
            amount INTEGER NOT NULL CHECK (amount >= 0),
            version INTEGER NOT NULL DEFAULT 1,
            UNIQUE (rep_id, period_start),
            CHECK (period_end >= period_start)
        ) STRICT
        """,
        """
        CREATE TABLE commission_rates (
            id INTEGER PRIMARY KEY,
            rep_id INTEGER REFERENCES users(id),
            rate_bp INTEGER NOT NULL CHECK (rate_bp BETWEEN 0 AND 10000),
            effective_from TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 1
        ) STRICT
        """,
        """
        CREATE TABLE claims (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customers(id),
            claimant_id INTEGER NOT NULL REFERENCES users(id),
            status TEXT NOT NULL CHECK (status IN ('pending','approved','rejected')),
            reason TEXT NOT NULL,
            filed_on TEXT NOT NULL,
            decided_by INTEGER REFERENCES users(id),
            decided_on TEXT,
            version INTEGER NOT NULL DEFAULT 1
        ) STRICT
        """,
        "CREATE INDEX claims_status ON claims(status)",
        """
        CREATE TABLE document_sequences (
            kind TEXT NOT NULL,
            year INTEGER NOT NULL,
            last INTEGER NOT NULL CHECK (last >= 0),
            PRIMARY KEY (kind, year)
        ) STRICT
        """,
        """
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at INTEGER NOT NULL,
            user_id INTEGER,
            login TEXT NOT NULL,
            action TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id INTEGER,
            before TEXT,
            after TEXT
        ) STRICT
        """,
        "CREATE INDEX audit_log_entity ON audit_log(entity, entity_id)",
        "CREATE INDEX audit_log_at ON audit_log(at)",
    ]
}
