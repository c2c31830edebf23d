import Domain
import GRDB

/// A purchase order: its header and lines with ordered, received and remaining quantities.
enum PurchaseOrderCard: CardBuilder {
    static func header(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> RecordCard {
        try AppDatabase.requireSupplierSide(actor)
        guard let r = try Row.fetchOne(db, sql: """
            SELECT p.number, s.name, p.order_date, p.expected_date, p.status, p.total, coalesce(w.code || ' ' || w.name, ''), p.note, p.cancel_reason
            FROM purchase_orders p JOIN suppliers s ON s.id = p.supplier_id LEFT JOIN warehouses w ON w.id = p.warehouse_id WHERE p.id = ?
            """, arguments: [id]) else { throw StoreError.notFound("purchase order \(id)") }
        return RecordCard(ref: RecordRef(.purchaseOrder, id), title: "\(r[0] as String)  \(r[1] as String)", fields: [
            .init("field.number", .text(r[0] as String)), .init("field.supplier", .text(r[1] as String)), .init("field.order-date", .date(iso: r[2])),
            // Still expected after the day it was due: marked.
            .init("field.expected-date", (["open", "partially_received"].contains(r[4] as String) && (r[3] as String) < today.iso) ? .warning(.date(iso: r[3])) : .date(iso: r[3])),
            .init("field.warehouse", .text(r[6] as String)),
            .init("field.status", .status("status.\(r[4] as String)")), .init("field.total", .money(minorUnits: r[5])),
            .init("field.note", .text(orEmpty: r[7])), .init("field.cancel-reason", .text(orEmpty: r[8])),
        ], sections: [])
    }

    static func sections(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> [CardSectionQuery] {
        try AppDatabase.requireSupplierSide(actor)
        return [CardSectionQuery(
            title: "section.lines",
            columns: [.integer("col.no"), .text("col.code"), .name("col.product"), .quantity("col.ordered"), .quantity("col.received"), .quantity("col.remaining"),
                      .money("col.unit-cost"), ColumnSpec("col.discount", .percent), .money("col.amount")],
            select: "l.line_no, pr.code, pr.name, l.quantity, l.received_quantity, l.unit_price, l.amount, l.discount_bp",
            from: "FROM purchase_order_lines l JOIN products pr ON pr.id = l.product_id WHERE l.po_id = ?", order: "l.line_no", arguments: [id]) { r in
            let ordered: Int64 = r[3], received: Int64 = r[4]
            return ([.integer(r[0]), .text(r[1] as String), .text(r[2] as String), .quantity(thousandths: ordered), .quantity(thousandths: received),
                     .quantity(thousandths: max(0, ordered - received)), .money(minorUnits: r[5]), .basisPoints(r[7], blankZero: true), .money(minorUnits: r[6])], nil)
        }, CardSectionQuery(
            title: "section.goods-receipts", columns: [.text("col.number"), .date("col.date"), .text("col.warehouse", flexible: true), .status(), .money("col.total")],
            select: "g.id, g.number, g.receipt_date, w.code, g.status, g.total",
            from: "FROM goods_receipts g JOIN warehouses w ON w.id = g.warehouse_id WHERE g.po_id = ?", order: "g.receipt_date DESC, g.id DESC", arguments: [id]) { r in
            ([.text(r[1] as String), .date(iso: r[2]), .text(r[3] as String), .status("status.\(r[4] as String)"), .money(minorUnits: r[5])], RecordRef(.goodsReceipt, r[0]))
        }]
    }
}

/// A payable to a supplier.
enum PayableCard: CardBuilder {
    static func header(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> RecordCard {
        try AppDatabase.requireSupplierSide(actor)
        guard let r = try Row.fetchOne(db, sql: """
            SELECT p.number, s.name, p.doc_date, p.due_date, p.amount, p.open_amount, p.status FROM payables p JOIN suppliers s ON s.id = p.supplier_id WHERE p.id = ?
            """, arguments: [id]) else { throw StoreError.notFound("payable \(id)") }
        return RecordCard(ref: RecordRef(.payable, id), title: "\(r[0] as String)  \(r[1] as String)", fields: [
            .init("field.supplier", .text(r[1] as String)), .init("field.doc-date", .date(iso: r[2])), .init("field.due-date", .date(iso: r[3])),
            .init("field.amount", .money(minorUnits: r[4])), .init("field.open", .money(minorUnits: r[5])), .init("field.status", .status("status.\(r[6] as String)")),
        ], sections: [])
    }
}

/// A supplier's master data.
enum SupplierCard: CardBuilder {
    static func header(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> RecordCard {
        try AppDatabase.requireSupplierSide(actor)
        guard let r = try Row.fetchOne(db, sql: "SELECT code, name, contact_person, phone, email, address, payment_terms_days FROM suppliers WHERE id = ?", arguments: [id]) else {
            throw StoreError.notFound("supplier \(id)")
        }
        var card = RecordCard(ref: RecordRef(.supplier, id), title: r[1], fields: [
            .init("field.code", .text(r[0] as String)), .init("field.contact-person", .text(orEmpty: r[2])), .init("field.phone", .text(orEmpty: r[3])),
            .init("field.email", .text(orEmpty: r[4])), .init("field.address", .text(orEmpty: r[5])), .init("field.payment-terms", .integer(r[6])),
        ], sections: [])
        // Its payables and payments on tabs, as a customer's documents are.
        card.tabbed = true
        return card
    }
}

/// A goods receipt: from which PO and supplier, into which warehouse, what came — and, once
/// voided, why.
enum GoodsReceiptCard: CardBuilder {
    static func header(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> RecordCard {
        try AppDatabase.requireSupplierSide(actor)
        guard let r = try Row.fetchOne(db, sql: """
            SELECT g.number, s.name, p.number, w.code || ' ' || w.name, g.receipt_date, g.status, g.total, g.void_reason,
                   (SELECT group_concat(pm.number, ', ') FROM payables pa JOIN payment_allocations a ON a.payable_id = pa.id
                    JOIN payments pm ON pm.id = a.payment_id AND pm.status = 'posted' WHERE pa.goods_receipt_id = g.id)
            FROM goods_receipts g JOIN suppliers s ON s.id = g.supplier_id JOIN purchase_orders p ON p.id = g.po_id JOIN warehouses w ON w.id = g.warehouse_id
            WHERE g.id = ?
            """, arguments: [id]) else { throw StoreError.notFound("goods receipt \(id)") }
        return RecordCard(ref: RecordRef(.goodsReceipt, id), title: "\(r[0] as String)  \(r[1] as String)", fields: [
            .init("field.number", .text(r[0] as String)), .init("field.supplier", .text(r[1] as String)), .init("field.purchase-order", .text(r[2] as String)),
            .init("field.warehouse", .text(r[3] as String)), .init("field.receipt-date", .date(iso: r[4])), .init("field.status", .status("status.\(r[5] as String)")),
            .init("field.total", .money(minorUnits: r[6])), .init("field.void-reason", .text(orEmpty: r[7])), .init("field.paid-by", .text(orEmpty: r[8])),
        ], sections: [])
    }

    static func sections(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> [CardSectionQuery] {
        try AppDatabase.requireSupplierSide(actor)
        return [CardSectionQuery(
            title: "section.lines", columns: [.text("col.code"), .name("col.product"), .quantity("col.quantity"), .text("col.unit"), .money("col.amount")],
            select: "p.code, p.name, l.quantity, p.unit, l.amount",
            from: "FROM goods_receipt_lines l JOIN products p ON p.id = l.product_id WHERE l.goods_receipt_id = ?", order: "l.id", arguments: [id]) { r in
            ([.text(r[0] as String), .text(r[1] as String), .quantity(thousandths: r[2]), .text(r[3] as String), .money(minorUnits: r[4])], nil)
        }]
    }
}
