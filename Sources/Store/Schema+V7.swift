import GRDB

/// A receipt or payment carries the payer's reference (a transfer or cheque number) and a note;
/// aging as of a past day finds the allocations made after it through an index by date.
enum SchemaV7 {
    static let identifier = "v7-money-references"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE receipts ADD COLUMN reference TEXT;
            ALTER TABLE receipts ADD COLUMN note TEXT;
            ALTER TABLE payments ADD COLUMN reference TEXT;
            ALTER TABLE payments ADD COLUMN note TEXT;
            CREATE INDEX receipt_allocations_date ON receipt_allocations(allocated_on, receivable_id, receipt_id);
            CREATE INDEX payment_allocations_date ON payment_allocations(allocated_on, payable_id, payment_id);
            ANALYZE receipt_allocations;
            ANALYZE payment_allocations;
            """)
    }
}
