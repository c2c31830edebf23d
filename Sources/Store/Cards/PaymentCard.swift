import Domain
import GRDB

/// A payment to a supplier: to whom, how much, how it was split, the prepayment left — and,
/// once voided, why.
enum PaymentCard: CardBuilder {
    static func header(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> RecordCard {
        try AppDatabase.requireSupplierSide(actor)
        guard let r = try Row.fetchOne(db, sql: """
            SELECT p.number, s.name, p.payment_date, p.method, p.amount, CASE WHEN p.status = 'posted' THEN p.unapplied ELSE 0 END, p.status, p.void_reason,
                   p.reference, p.note
            FROM payments p JOIN suppliers s ON s.id = p.supplier_id WHERE p.id = ?
            """, arguments: [id]) else { throw StoreError.notFound("payment \(id)") }
        return RecordCard(ref: RecordRef(.payment, id), title: "\(r[0] as String)  \(r[1] as String)", fields: [
            .init("field.number", .text(r[0] as String)), .init("field.supplier", .text(r[1] as String)), .init("field.date", .date(iso: r[2])),
            .init("field.pay-method", .status("method.\(r[3] as String)")), .init("field.amount", .money(minorUnits: r[4])),
            .init("field.prepayment", .money(minorUnits: r[5])), .init("field.reference", .text(orEmpty: r[8])), .init("field.note", .text(orEmpty: r[9])),
            .init("field.status", .status("status.\(r[6] as String)")), .init("field.void-reason", .text(orEmpty: r[7])),
        ], sections: [])
    }

    static func sections(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> [CardSectionQuery] {
        try AppDatabase.requireSupplierSide(actor)
        return [CardSectionQuery(
            title: "section.allocations", columns: [.text("col.number"), .date("col.date"), .date("col.due"), .date("col.allocated-on"), .money("col.amount")],
            select: "x.id, x.number, x.doc_date, x.due_date, a.allocated_on, a.amount",
            from: "FROM payment_allocations a JOIN payables x ON x.id = a.payable_id WHERE a.payment_id = ?", order: "a.allocated_on, x.due_date, x.id", arguments: [id]) { r in
            ([.text(r[1] as String), .date(iso: r[2]), .date(iso: r[3]), .date(iso: r[4]), .money(minorUnits: r[5])], RecordRef(.payable, r[0]))
        }]
    }
}

extension SupplierCard {
    /// Its contacts, purchase orders (still expected first), goods receipts, purchases by month,
    /// what the company owes it (payables, open first) and what it paid.
    static func sections(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> [CardSectionQuery] {
        try AppDatabase.requireSupplierSide(actor)
        return [
            CardSectionQuery(title: "section.contacts", columns: [.name("col.name"), .text("col.title"), .text("col.mobile"), .text("col.phone"), .text("col.email"),
                                                                  .text("col.wechat")],
                             select: "id, name, title, mobile, phone, email, wechat", from: "FROM supplier_contacts WHERE supplier_id = ?", order: "name, id", arguments: [id]) { r in
                ([.text(r[1] as String), .text(orEmpty: r[2]), .text(orEmpty: r[3]), .text(orEmpty: r[4]), .text(orEmpty: r[5]), .text(orEmpty: r[6])],
                 RecordRef(.supplierContact, r[0]))
            },
            CardSectionQuery(title: "section.purchase-orders", columns: [.text("col.number"), .date("col.date"), .date("col.expected"), .status(), .money("col.total")],
                             select: "id, number, order_date, expected_date, status, total",
                             from: "FROM purchase_orders WHERE supplier_id = ?", order: "status NOT IN ('open','partially_received'), order_date DESC, id DESC", arguments: [id]) { r in
                ([.text(r[1] as String), .date(iso: r[2]), .date(iso: r[3]), .status("status.\(r[4] as String)"), .money(minorUnits: r[5])], RecordRef(.purchaseOrder, r[0]))
            },
            CardSectionQuery(title: "section.goods-receipts", columns: [.text("col.number"), .date("col.date"), .text("col.order"), .status(), .money("col.total")],
                             select: "g.id, g.number, g.receipt_date, p.number, g.status, g.total",
                             from: "FROM goods_receipts g JOIN purchase_orders p ON p.id = g.po_id WHERE g.supplier_id = ?", order: "g.receipt_date DESC, g.id DESC", arguments: [id]) { r in
                ([.text(r[1] as String), .date(iso: r[2]), .text(r[3] as String), .status("status.\(r[4] as String)"), .money(minorUnits: r[5])], RecordRef(.goodsReceipt, r[0]))
            },
            CardSectionQuery(title: "section.purchases-by-month", columns: [.text("col.month"), .integer("col.goods-receipt-count"), .money("col.amount")],
                             select: "month, n, amount",
                             from: """
                                FROM (SELECT substr(receipt_date, 1, 7) AS month, COUNT(*) AS n, SUM(total) AS amount FROM goods_receipts
                                      WHERE supplier_id = ? AND status = 'posted' GROUP BY 1)
                                """, order: "month DESC", arguments: [id]) { r in
                ([.text(r[0] as String), .integer(r[1]), .money(minorUnits: r[2])], nil)
            },
            CardSectionQuery(title: "section.payables", columns: [.text("col.number"), .date("col.date"), .date("col.due"), .status(), .money("col.amount"), .money("col.open")],
                             select: "id, number, doc_date, due_date, status, amount, CASE WHEN status = 'posted' THEN open_amount ELSE 0 END",
                             from: "FROM payables WHERE supplier_id = ?", order: "open_amount = 0, due_date, id", arguments: [id]) { r in
                ([.text(r[1] as String), .date(iso: r[2]), .date(iso: r[3]), .status("status.\(r[4] as String)"), .money(minorUnits: r[5]), .money(minorUnits: r[6])],
                 RecordRef(.payable, r[0]))
            },
            CardSectionQuery(title: "section.payments", columns: [.text("col.number"), .date("col.date"), .status("col.method"), .status(), .money("col.amount"), .money("col.prepaid")],
                             select: "id, number, payment_date, method, status, amount, CASE WHEN status = 'posted' THEN unapplied ELSE 0 END",
                             from: "FROM payments WHERE supplier_id = ?", order: "payment_date DESC, id DESC", arguments: [id]) { r in
                ([.text(r[1] as String), .date(iso: r[2]), .status("method.\(r[3] as String)"), .status("status.\(r[4] as String)"), .money(minorUnits: r[5]),
                  .money(minorUnits: r[6])], RecordRef(.payment, r[0]))
            },
        ]
    }
}
