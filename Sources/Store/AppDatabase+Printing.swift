import Domain
import GRDB

extension AppDatabase {
    /// A document by its number, as print templates see it; the same access rule as its card
    /// (a rep prints only their own customers' documents, purchase orders need the supplier side).
    public func printableDocument(_ kind: PrintableDocument.Kind, number: String, for actor: Actor) throws(StoreError) -> PrintableDocument {
        try read { db in try AppDatabase.printableDocument(db, kind: kind, number: number, actor: actor) }
    }

    /// The number of the document a card shows, for `p` on the card.
    public func documentNumber(_ ref: RecordRef) throws(StoreError) -> (PrintableDocument.Kind, String)? {
        let table: (PrintableDocument.Kind, String)?
        switch ref.kind {
        case .quote: table = (.quote, "quotes")
        case .salesOrder: table = (.order, "sales_orders")
        case .shipment: table = (.shipment, "shipments")
        case .purchaseOrder: table = (.purchaseOrder, "purchase_orders")
        default: table = nil
        }
        guard let (kind, name) = table else { return nil }
        let number = try read { db in try String.fetchOne(db, sql: "SELECT number FROM \(name) WHERE id = ?", arguments: [ref.id]) }
        return number.map { (kind, $0) }
    }

    /// The company as printed on documents: name, address and phone from the settings.
    public func companyParty() throws(StoreError) -> PrintableDocument.Party {
        try read { db in try AppDatabase.companyParty(db) }
    }

    static func companyParty(_ db: Database) throws -> PrintableDocument.Party {
        let s = try settings(db)
        return .init(name: s.companyName, address: s.companyAddress, phone: s.companyPhone)
    }

    static func printableDocument(_ db: Database, kind: PrintableDocument.Kind, number: String, actor: Actor) throws -> PrintableDocument {
        let rows = PrintRows(db: db, company: try companyParty(db), currency: try settings(db).currency)
        let document: PrintableDocument
        switch kind {
        case .quote, .order: document = try salesDocument(rows, kind: kind, number: number, actor: actor)
        case .shipment: document = try shipmentDocument(rows, kind: kind, number: number, actor: actor)
        case .purchaseOrder: document = try purchaseOrderDocument(rows, kind: kind, number: number, actor: actor)
        }
        // A voided shipment or a cancelled order on paper would look valid: goods could leave on it.
        if ["voided", "cancelled"].contains(document.status) {
            throw StoreError.invalid(DomainError("\(number) is \(document.status); it is not printed", field: nil, code: "error.print-void", number, "status.\(document.status)"))
        }
        return document
    }

    /// A quote or a sales order.
    static func salesDocument(_ r: PrintRows, kind: PrintableDocument.Kind, number: String, actor: Actor) throws -> PrintableDocument {
        let db = r.db, partyColumns = PrintRows.partyColumns
        let (table, dateColumn, dueColumn, lineTable, key, reference) = kind == .quote
            ? ("quotes", "quote_date", "valid_until", "quote_lines", "quote_id", "(SELECT number FROM sales_orders WHERE id = d.sales_order_id)")
            : ("sales_orders", "order_date", "due_date", "sales_order_lines", "order_id", "(SELECT number FROM quotes WHERE id = d.quote_id)")
        guard let row = try Row.fetchOne(db, sql: """
            SELECT d.id, d.number, d.\(dateColumn), d.\(dueColumn), d.status, d.total, d.note, u.display_name, \(reference), d.customer_id, \(partyColumns)
            FROM \(table) d JOIN customers p ON p.id = d.customer_id JOIN users u ON u.id = d.owner_id WHERE d.number = ?
            """, arguments: [number]) else { throw StoreError.notFound("\(kind.rawValue) \(number)") }
        try requireCustomerAccess(db, customerId: row[9], actor: actor)
        let ls = try r.lines("""
            SELECT pr.code, pr.name, pr.unit, l.quantity, l.unit_price, l.discount_bp, l.amount, NULL
            FROM \(lineTable) l JOIN products pr ON pr.id = l.product_id WHERE l.\(key) = ? ORDER BY l.line_no
            """, row[0])
        return PrintableDocument(kind: kind, number: row[1], date: r.date(row[2]) ?? DateOnly(daysSinceEpoch: 0), dueDate: r.date(row[3]),
                                 status: row[4], company: r.company, currency: r.currency, party: r.party(row, from: 10), owner: row[7],
                                 reference: row[8] ?? "", note: row[6] ?? "", lines: ls, total: Money(minorUnits: row[5]))
    }

    /// A shipment note: the order's prices, what shipped, out of which warehouse.
    static func shipmentDocument(_ r: PrintRows, kind: PrintableDocument.Kind, number: String, actor: Actor) throws -> PrintableDocument {
        let db = r.db, partyColumns = PrintRows.partyColumns
        guard let row = try Row.fetchOne(db, sql: """
            SELECT s.id, s.number, s.ship_date, s.status, s.total, o.note, COALESCE(u.display_name, ''), o.number, s.customer_id, w.name, \(partyColumns)
            FROM shipments s JOIN sales_orders o ON o.id = s.order_id JOIN customers p ON p.id = s.customer_id
            JOIN warehouses w ON w.id = s.warehouse_id LEFT JOIN users u ON u.id = s.created_by WHERE s.number = ?
            """, arguments: [number]) else { throw StoreError.notFound("shipment \(number)") }
        try requireCustomerAccess(db, customerId: row[8], actor: actor)
        let ls = try r.lines("""
            SELECT pr.code, pr.name, pr.unit, l.quantity, ol.unit_price, ol.discount_bp, l.amount, ol.quantity
            FROM shipment_lines l JOIN sales_order_lines ol ON ol.id = l.order_line_id JOIN products pr ON pr.id = l.product_id
            WHERE l.shipment_id = ? ORDER BY ol.line_no
            """, row[0])
        return PrintableDocument(kind: kind, number: row[1], date: r.date(row[2]) ?? DateOnly(daysSinceEpoch: 0), dueDate: nil,
                                 status: row[3], company: r.company, currency: r.currency, party: r.party(row, from: 10), owner: row[6],
                                 reference: row[7], warehouse: row[9], note: row[5] ?? "", lines: ls, total: Money(minorUnits: row[4]))
    }

    /// A purchase order, for its supplier.
    static func purchaseOrderDocument(_ r: PrintRows, kind: PrintableDocument.Kind, number: String, actor: Actor) throws -> PrintableDocument {
        let db = r.db, partyColumns = PrintRows.partyColumns
        try requireSupplierSide(actor)
        guard let row = try Row.fetchOne(db, sql: """
            SELECT d.id, d.number, d.order_date, d.expected_date, d.status, d.total, d.note, COALESCE(u.display_name, ''), \(partyColumns),
                   (SELECT w.code || ' ' || w.name FROM warehouses w WHERE w.id = d.warehouse_id)
            FROM purchase_orders d JOIN suppliers p ON p.id = d.supplier_id LEFT JOIN users u ON u.id = d.buyer_id WHERE d.number = ?
            """, arguments: [number]) else { throw StoreError.notFound("purchase order \(number)") }
        let ls = try r.lines("""
            SELECT pr.code, pr.name, pr.unit, l.quantity, l.unit_price, l.discount_bp, l.amount, NULL
            FROM purchase_order_lines l JOIN products pr ON pr.id = l.product_id WHERE l.po_id = ? ORDER BY l.line_no
            """, row[0])
        return PrintableDocument(kind: kind, number: row[1], date: r.date(row[2]) ?? DateOnly(daysSinceEpoch: 0), dueDate: r.date(row[3]),
                                 status: row[4], company: r.company, currency: r.currency, party: r.party(row, from: 8), owner: row[7],
                                 warehouse: row[row.count - 1] ?? "", note: row[6] ?? "", lines: ls, total: Money(minorUnits: row[5]))
    }
}

/// What every printed document reads the same way: the company, the currency, a party, dates, lines.
struct PrintRows {
    let db: Database
    let company: PrintableDocument.Party
    let currency: String
    static let partyColumns = "p.code, p.name, p.address, p.contact_person, p.phone"

    func party(_ row: Row, from i: Int) -> PrintableDocument.Party {
        .init(code: row[i], name: row[i + 1], address: row[i + 2] ?? "", contact: row[i + 3] ?? "", phone: row[i + 4] ?? "")
    }

    func date(_ v: String?) -> DateOnly? { v.flatMap { DateOnly(iso: $0) } }

    func lines(_ sql: String, _ id: Int64) throws -> [PrintableDocument.Line] {
        try Row.fetchAll(db, sql: sql, arguments: [id]).map { r in
            PrintableDocument.Line(code: r[0], name: r[1], unit: r[2], quantity: Quantity(thousandths: r[3]),
                                   ordered: (r[7] as Int64?).map { Quantity(thousandths: $0) }, unitPrice: Money(minorUnits: r[4]),
                                   discount: BasisPoints(r[5]), amount: Money(minorUnits: r[6]))
        }
    }
}
