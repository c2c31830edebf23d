import GRDB

/// Cash in and out for any period without reading every receipt: per day, side, method and rep,
/// and per month, side and party, kept by triggers on receipts and payments (a posted document
/// counts, a voided one no longer does). The date indexes carry the party, so the days of a
/// period's first and last month that are not whole months are summed from the index alone.
enum SchemaV8 {
    static let identifier = "v8-cash-aggregates"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE cash_daily (
                day TEXT NOT NULL,
                side TEXT NOT NULL CHECK (side IN ('in', 'out')),
                method TEXT NOT NULL,
                rep_id INTEGER NOT NULL,
                documents INTEGER NOT NULL,
                amount INTEGER NOT NULL,
                PRIMARY KEY (day, side, method, rep_id)
            ) WITHOUT ROWID, STRICT;
            CREATE TABLE cash_party_monthly (
                month TEXT NOT NULL,
                side TEXT NOT NULL CHECK (side IN ('in', 'out')),
                party_id INTEGER NOT NULL,
                documents INTEGER NOT NULL,
                amount INTEGER NOT NULL,
                PRIMARY KEY (month, side, party_id)
            ) WITHOUT ROWID, STRICT;
            DROP INDEX receipts_date;
            CREATE INDEX receipts_date ON receipts(receipt_date, status, amount, method, rep_id, customer_id);
            DROP INDEX payments_date;
            CREATE INDEX payments_date ON payments(payment_date, status, amount, method, supplier_id);
            """)
        for side in CashSide.all {
            try db.execute(sql: side.triggers)
            try db.execute(sql: """
                INSERT INTO cash_daily (day, side, method, rep_id, documents, amount)
                SELECT \(side.date), '\(side.name)', method, \(side.rep), COUNT(*), SUM(amount) FROM \(side.table) WHERE status = 'posted' GROUP BY 1, 3, 4;
                INSERT INTO cash_party_monthly (month, side, party_id, documents, amount)
                SELECT substr(\(side.date), 1, 7), '\(side.name)', \(side.party), COUNT(*), SUM(amount) FROM \(side.table) WHERE status = 'posted' GROUP BY 1, 3;
                """)
        }
        try db.execute(sql: "ANALYZE cash_daily; ANALYZE cash_party_monthly; ANALYZE receipts; ANALYZE payments;")
    }
}

/// Receipts (cash in) and payments (cash out) as the cash tables see them.
struct CashSide: Sendable {
    var name: String, table: String, date: String, party: String, rep: String

    static let receipts = CashSide(name: "in", table: "receipts", date: "receipt_date", party: "customer_id", rep: "coalesce(rep_id, 0)")
    static let payments = CashSide(name: "out", table: "payments", date: "payment_date", party: "supplier_id", rep: "0")
    static let all = [receipts, payments]

    /// A posted document adds to both tables; any change takes the old figures out (if they
    /// counted) and puts the new ones in (if they count).
    var triggers: String {
        func add(_ row: String) -> String {
            """
            INSERT INTO cash_daily (day, side, method, rep_id, documents, amount)
            VALUES (\(row).\(date), '\(name)', \(row).method, \(rep.replacingOccurrences(of: "rep_id", with: "\(row).rep_id")), 1, \(row).amount)
            ON CONFLICT (day, side, method, rep_id) DO UPDATE SET documents = documents + 1, amount = amount + excluded.amount;
            INSERT INTO cash_party_monthly (month, side, party_id, documents, amount)
            VALUES (substr(\(row).\(date), 1, 7), '\(name)', \(row).\(party), 1, \(row).amount)
            ON CONFLICT (month, side, party_id) DO UPDATE SET documents = documents + 1, amount = amount + excluded.amount;
            """
        }
        func remove(_ row: String) -> String {
            """
            UPDATE cash_daily SET documents = documents - 1, amount = amount - \(row).amount
            WHERE day = \(row).\(date) AND side = '\(name)' AND method = \(row).method AND rep_id = \(rep.replacingOccurrences(of: "rep_id", with: "\(row).rep_id"));
            UPDATE cash_party_monthly SET documents = documents - 1, amount = amount - \(row).amount
            WHERE month = substr(\(row).\(date), 1, 7) AND side = '\(name)' AND party_id = \(row).\(party);
            """
        }
        let columns = table == "receipts" ? "status, amount, method, rep_id, receipt_date, customer_id" : "status, amount, method, payment_date, supplier_id"
        return """
            CREATE TRIGGER \(table)_cash_insert AFTER INSERT ON \(table) WHEN NEW.status = 'posted' BEGIN
            \(add("NEW"))
            END;
            CREATE TRIGGER \(table)_cash_out AFTER UPDATE OF \(columns) ON \(table) WHEN OLD.status = 'posted' BEGIN
            \(remove("OLD"))
            END;
            CREATE TRIGGER \(table)_cash_in AFTER UPDATE OF \(columns) ON \(table) WHEN NEW.status = 'posted' BEGIN
            \(add("NEW"))
            END;
            CREATE TRIGGER \(table)_cash_delete AFTER DELETE ON \(table) WHEN OLD.status = 'posted' BEGIN
            \(remove("OLD"))
            END;
            """
    }
}
