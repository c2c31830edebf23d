import Domain
import GRDB

private func text(_ v: String?) -> Sheet.Value { (v ?? "").isEmpty ? .empty : .text(v ?? "") }
private func date(_ v: String?) -> Sheet.Value { v.flatMap { DateOnly(iso: $0) }.map { .date($0) } ?? .empty }

/// Exports as typed tables. The master-data kinds use the import's field names as headers and
/// write what the import reads, so export → import → export gives the same file.
extension AppDatabase {
    public static let exportKinds = ["users", "warehouses", "stock", "customers", "contacts", "products", "suppliers", "receivables", "payables"]

    public func exportSheet(_ kind: String, for actor: Actor) throws(StoreError) -> Sheet {
        try AppDatabase.requireExport(kind, actor: actor)
        let own = actor.restrictedToOwnCustomers ? actor.userId : nil
        var sheet = try read { db in try AppDatabase.partySheet(db, kind, own: own) ?? AppDatabase.masterSheet(db, kind, own: own) }
        // Cost prices only for the roles that see them (a rep's or an assistant's export has none).
        if let cost = sheet.columns.firstIndex(where: { $0.title == "cost_price" }), !actor.seesCostPrices {
            sheet.columns.remove(at: cost)
            for i in sheet.rows.indices { sheet.rows[i].remove(at: cost) }
        }
        return sheet
    }

    /// Who may export what (a rep: their own customers' records only, see `own`).
    static func requireExport(_ kind: String, actor: Actor) throws(StoreError) {
        switch kind {
        case "customers", "contacts":
            guard actor.can(.viewAllCustomers) || actor.can(.viewOwnCustomers) else { throw .forbidden("\(actor.role.rawValue) cannot list customers") }
        case "suppliers":
            guard actor.can(.viewSuppliers) || actor.can(.viewPayables) else { throw .forbidden("\(actor.role.rawValue) cannot list suppliers") }
        case "products", "warehouses": break
        case "stock":
            guard actor.can(.viewStock) || actor.can(.editPurchaseOrders) else { throw .forbidden("\(actor.role.rawValue) cannot list stock") }
        case "users":
            guard actor.can(.manageUsers) else { throw .forbidden("only a manager lists users") }
        case "receivables":
            guard actor.can(.viewAllCustomers) || actor.can(.viewOwnCustomers) else { throw .forbidden("\(actor.role.rawValue) cannot list receivables") }
        case "payables":
            guard actor.can(.viewPayables) else { throw .forbidden("\(actor.role.rawValue) cannot list payables") }
        default: throw .notFound("export kind '\(kind)' (one of: \(AppDatabase.exportKinds.joined(separator: ", ")))")
        }
    }

    /// Customers, contacts and suppliers, as their imports read them; nil for another kind.
    static func partySheet(_ db: Database, _ kind: String, own: Int64?) throws -> Sheet? {
        switch kind {
        case "customers":
            let rows = try Row.fetchAll(db, sql: """
                SELECT c.code, c.name, c.short_name, c.status, u.login, c.region, c.industry, c.source, c.tags, c.contact_person, c.phone, c.email,
                       c.address, c.credit_limit, c.payment_terms_days, c.next_contact_on
                FROM customers c LEFT JOIN users u ON u.id = c.owner_id WHERE (? IS NULL OR c.owner_id = ?) ORDER BY c.code
                """, arguments: [own, own])
            return Sheet(name: "customers", columns: [
                .init("code"), .init("name"), .init("short_name"), .init("status"), .init("owner"), .init("region"), .init("industry"), .init("source"),
                .init("tags"), .init("contact_person"), .init("phone"), .init("email"), .init("address"), .init("credit_limit", .money),
                .init("payment_terms_days", .integer), .init("next_contact_on", .date),
            ], rows: rows.map { r in
                (0..<13).map { text(r[$0]) } + [.money(Money(minorUnits: r[13])), .integer(r[14]), date(r[15])]
            })
        case "contacts":
            let rows = try Row.fetchAll(db, sql: """
                SELECT c.code, k.name, k.title, k.mobile, k.phone, k.email, k.wechat, k.qq, k.birthday, k.notes
                FROM contacts k JOIN customers c ON c.id = k.customer_id WHERE (? IS NULL OR c.owner_id = ?) ORDER BY c.code, k.name, k.id
                """, arguments: [own, own])
            return Sheet(name: "contacts", columns: [
                .init("customer"), .init("name"), .init("title"), .init("mobile"), .init("phone"), .init("email"), .init("wechat"), .init("qq"),
                .init("birthday"), .init("notes"),
            ], rows: rows.map { r in (0..<8).map { text(r[$0]) } + [text((r[8] as String?).flatMap { Birthday(stored: $0)?.description }), text(r[9])] })
        case "suppliers":
            let rows = try Row.fetchAll(db, sql: "SELECT code, name, contact_person, phone, email, address, payment_terms_days FROM suppliers ORDER BY code")
            return Sheet(name: "suppliers", columns: [
                .init("code"), .init("name"), .init("contact_person"), .init("phone"), .init("email"), .init("address"), .init("payment_terms_days", .integer),
            ], rows: rows.map { r in (0..<6).map { text(r[$0]) } + [.integer(r[6])] })
        default:
            return nil
        }
    }

    /// Warehouses, stock, users, open receivables and payables, products.
    static func masterSheet(_ db: Database, _ kind: String, own: Int64?) throws -> Sheet {
        switch kind {
        case "warehouses":
            let rows = try Row.fetchAll(db, sql: "SELECT code, name FROM warehouses ORDER BY code")
            return Sheet(name: "warehouses", columns: [.init("code"), .init("name")], rows: rows.map { r in [text(r[0]), text(r[1])] })
        case "stock":
            // Today's stock as opening stock: on hand and the reorder level per product and warehouse.
            let rows = try Row.fetchAll(db, sql: """
                SELECT p.code, w.code, l.on_hand, l.reorder_level FROM stock_levels l JOIN products p ON p.id = l.product_id
                JOIN warehouses w ON w.id = l.warehouse_id ORDER BY p.code, w.code
                """)
            return Sheet(name: "stock", columns: [.init("product"), .init("warehouse"), .init("quantity", .quantity), .init("reorder_level", .quantity)],
                         rows: rows.map { r in [text(r[0]), text(r[1]), .quantity(Quantity(thousandths: r[2])), .quantity(Quantity(thousandths: r[3]))] })
        case "users":
            // Never a password or its hash.
            let rows = try Row.fetchAll(db, sql: "SELECT login, display_name, role, active FROM users ORDER BY login")
            return Sheet(name: "users", columns: [.init("login"), .init("display_name"), .init("role"), .init("active", .integer)],
                         rows: rows.map { r in [text(r[0]), text(r[1]), text(r[2]), .integer(r[3])] })
        case "receivables", "payables":
            // What is still open, as opening balances: the open amount is the amount.
            let receivable = kind == "receivables"
            let rows = try Row.fetchAll(db, sql: receivable ? """
                SELECT r.number, c.code, r.doc_date, r.due_date, r.open_amount FROM receivables r JOIN customers c ON c.id = r.customer_id
                WHERE r.status = 'posted' AND r.open_amount > 0 AND (? IS NULL OR c.owner_id = ?) ORDER BY r.doc_date, r.number
                """ : """
                SELECT p.number, s.code, p.doc_date, p.due_date, p.open_amount FROM payables p JOIN suppliers s ON s.id = p.supplier_id
                WHERE p.status = 'posted' AND p.open_amount > 0 AND ? IS NULL AND ? IS NULL ORDER BY p.doc_date, p.number
                """, arguments: [own, own])
            return Sheet(name: kind, columns: [
                .init("number"), .init(receivable ? "customer" : "supplier"), .init("doc_date", .date), .init("due_date", .date), .init("amount", .money),
            ], rows: rows.map { r in [text(r[0]), text(r[1]), date(r[2]), date(r[3]), .money(Money(minorUnits: r[4]))] })
        default:
            let rows = try Row.fetchAll(db, sql: "SELECT code, name, unit, list_price, cost_price, active, category FROM products ORDER BY code")
            return Sheet(name: "products", columns: [
                .init("code"), .init("name"), .init("unit"), .init("category"), .init("list_price", .money), .init("cost_price", .money), .init("active", .integer),
            ], rows: rows.map { r in [text(r[0]), text(r[1]), text(r[2]), text(r[6]), .money(Money(minorUnits: r[3])), .money(Money(minorUnits: r[4])), .integer(r[5])] })
        }
    }

    /// Every customer of a list as the user has it (sort and filter, or a search), for `x`.
    /// Titles are catalog keys; the screen translates them.
    public func customerListSheet(for actor: Actor, sort: CustomerSort, filter: CustomerFilter, query: String?) throws(StoreError) -> Sheet {
        func date(_ s: String) -> Sheet.Value { DateOnly(iso: s).map { .date($0) } ?? .empty }
        func values(_ r: CustomerRow) -> [Sheet.Value] {
            [.text(r.code), .text(r.name), .text("status.\(r.status)"), r.owner.isEmpty ? .empty : .text(r.owner), r.phone.isEmpty ? .empty : .text(r.phone),
             date(r.lastContact), .money(Money(minorUnits: r.openBalance)), date(r.nextContact), date(r.lastOrder)]
        }
        // Page by page, each page turned into sheet rows at once: the list is never held twice.
        var rows: [[Sheet.Value]] = []
        if let query, !query.isEmpty {
            rows = try customerSearch(for: actor, query: query, limit: 10_000).map(values)
        } else {
            var after: CustomerCursor?
            while true {
                let page = try customerPage(for: actor, sort: sort, filter: filter, after: after, limit: 2_000)
                rows += page.map(values)
                guard page.count == 2_000, let last = page.last else { break }
                after = sort.cursor(after: last)
            }
        }
        return Sheet(name: "customers", columns: [
            .init("col.code"), .init("col.customer"), .init("col.status"), .init("col.owner"), .init("col.phone"),
            .init("col.last-contact", .date), .init("col.open", .money), .init("col.next-contact", .date), .init("col.last-order", .date),
        ], rows: rows)
    }

    /// Sales orders as the import reads them: the orders and, separately, their lines. A fully
    /// shipped order carries its (last) shipment's date and warehouse; an open or partly shipped
    /// one carries none (a partial shipment does not travel — it imports as an open order).
    public func exportSalesOrders(for actor: Actor) throws(StoreError) -> (orders: Sheet, lines: Sheet) {
        guard actor.can(.viewAllCustomers) || actor.can(.viewOwnCustomers) else { throw .forbidden("\(actor.role.rawValue) cannot list orders") }
        let own = actor.restrictedToOwnCustomers ? actor.userId : nil
        return try read { db in
            func text(_ v: String?) -> Sheet.Value { (v ?? "").isEmpty ? .empty : .text(v ?? "") }
            func date(_ v: String?) -> Sheet.Value { v.flatMap { DateOnly(iso: $0) }.map { .date($0) } ?? .empty }
            let orders = try Row.fetchAll(db, sql: """
                SELECT o.number, c.code, o.order_date, o.due_date, u.login,
                       CASE WHEN o.status = 'shipped' THEN (SELECT w.code FROM shipments s JOIN warehouses w ON w.id = s.warehouse_id
                            WHERE s.order_id = o.id AND s.status = 'posted' ORDER BY s.ship_date DESC, s.id DESC LIMIT 1) END,
                       CASE WHEN o.status = 'shipped' THEN (SELECT max(s.ship_date) FROM shipments s WHERE s.order_id = o.id AND s.status = 'posted') END,
                       o.note
                FROM sales_orders o JOIN customers c ON c.id = o.customer_id JOIN users u ON u.id = o.owner_id
                WHERE o.status <> 'cancelled' AND (? IS NULL OR c.owner_id = ?) ORDER BY o.order_date, o.number
                """, arguments: [own, own])
            let lines = try Row.fetchAll(db, sql: """
                SELECT o.number, p.code, l.quantity, l.unit_price, l.discount_bp
                FROM sales_order_lines l JOIN sales_orders o ON o.id = l.order_id JOIN customers c ON c.id = o.customer_id JOIN products p ON p.id = l.product_id
                WHERE o.status <> 'cancelled' AND (? IS NULL OR c.owner_id = ?) ORDER BY o.order_date, o.number, l.line_no
                """, arguments: [own, own])
            return (
                Sheet(name: "sales-orders", columns: [
                    .init("number"), .init("customer"), .init("order_date", .date), .init("due_date", .date), .init("rep"), .init("warehouse"),
                    .init("shipped_on", .date), .init("note"),
                ], rows: orders.map { r in [text(r[0]), text(r[1]), date(r[2]), date(r[3]), text(r[4]), text(r[5]), date(r[6]), text(r[7])] }),
                Sheet(name: "sales-order-lines", columns: [
                    .init("number"), .init("product"), .init("quantity", .quantity), .init("unit_price", .money), .init("discount", .percent),
                ], rows: lines.map { r in
                    [text(r[0]), text(r[1]), .quantity(Quantity(thousandths: r[2])), .money(Money(minorUnits: r[3])), .percent(BasisPoints(r[4]))]
                })
            )
        }
    }
}
