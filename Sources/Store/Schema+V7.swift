import GRDB

/// A receipt or payment carries the payer's reference (a transfer or cheque number) and a note.
/// Aging as of a past day reads only what was open on that day: an item paid in full records
/// the day it was settled, and a receipt (payment) whose credit was allocated after its own date
/// records the last such day — each behind an index, so neither a million settled items nor a
/// million receipts are read to find the few open on the day.
enum SchemaV7 {
    static let identifier = "v7-money-references"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE receipts ADD COLUMN reference TEXT;
            ALTER TABLE receipts ADD COLUMN note TEXT;
            ALTER TABLE payments ADD COLUMN reference TEXT;
            ALTER TABLE payments ADD COLUMN note TEXT;
            ALTER TABLE receivables ADD COLUMN settled_on TEXT;
            ALTER TABLE payables ADD COLUMN settled_on TEXT;
            ALTER TABLE receipts ADD COLUMN credit_allocated_on TEXT;
            ALTER TABLE payments ADD COLUMN credit_allocated_on TEXT;
            """)
        try SettlementDates.derive(db)
        try db.execute(sql: """
            CREATE INDEX receivables_settled ON receivables(settled_on, doc_date, customer_id, due_date, amount) WHERE open_amount = 0 AND status = 'posted';
            CREATE INDEX payables_settled ON payables(settled_on, doc_date, supplier_id, due_date, amount) WHERE open_amount = 0 AND status = 'posted';
            CREATE INDEX receivables_open_aging ON receivables(doc_date, due_date, customer_id, open_amount, amount) WHERE open_amount > 0 AND status = 'posted';
            CREATE INDEX payables_open_aging ON payables(doc_date, due_date, supplier_id, open_amount, amount) WHERE open_amount > 0 AND status = 'posted';
            CREATE INDEX receipts_credit_allocated ON receipts(credit_allocated_on, receipt_date, customer_id) WHERE credit_allocated_on IS NOT NULL;
            CREATE INDEX payments_credit_allocated ON payments(credit_allocated_on, payment_date, supplier_id) WHERE credit_allocated_on IS NOT NULL;
            ANALYZE receivables;
            ANALYZE payables;
            ANALYZE receipts;
            """)
    }
}

/// The days the as-of reads rely on, derived from the allocations (by the migration, and by the
/// demo once its history is written): an item fully paid was settled on its last allocation's
/// day; a document's credit allocated after its own date, on the last such day.
public enum SettlementDates {
    public static func derive(_ db: Database) throws {
        for (items, allocations, documents, itemKey, documentKey, date) in [
            ("receivables", "receipt_allocations", "receipts", "receivable_id", "receipt_id", "receipt_date"),
            ("payables", "payment_allocations", "payments", "payable_id", "payment_id", "payment_date"),
        ] {
            try db.execute(sql: """
                UPDATE \(items) SET settled_on = (SELECT max(a.allocated_on) FROM \(allocations) a JOIN \(documents) d ON d.id = a.\(documentKey)
                                                  WHERE a.\(itemKey) = \(items).id AND d.status = 'posted')
                WHERE open_amount = 0 AND status = 'posted';
                UPDATE \(documents) SET credit_allocated_on = (SELECT max(a.allocated_on) FROM \(allocations) a WHERE a.\(documentKey) = \(documents).id)
                WHERE id IN (SELECT a.\(documentKey) FROM \(allocations) a JOIN \(documents) d ON d.id = a.\(documentKey) WHERE a.allocated_on > d.\(date));
                """)
        }
    }
}
