import Domain
import GRDB

extension AppDatabase {
    /// Historical sales orders with their lines. Shipped ones (a `shipped_on` date) are booked as
    /// shipped with one posted shipment from the named (or first) warehouse, so sales, revenue
    /// and every report include them; they get no receivable — what is still owed comes in as
    /// opening receivables. Where a stock level exists, an `opening` move puts the shipped
    /// quantity back: today's stock was counted after those shipments.
    public func importHistoricalOrders(_ rows: ImportBatches<HistoricalOrder>, by actor: Actor, today: DateOnly, at now: Int64,
                                       options: ImportOptions) throws(StoreError) -> ImportOutcome {
        try AppDatabase.requireImport(actor)
        return try bulkWrite { db in
            let customers = try PartyLookup.load(db, table: "customers")
            let users = try AppDatabase.userLookup(db)
            let products = try CodeNameLookup.products(db), warehouses = try CodeNameLookup.warehouses(db)
            let firstWarehouse = try Int64.fetchOne(db, sql: "SELECT min(id) FROM warehouses")
            var numbers = Set(try String.fetchAll(db, sql: "SELECT number FROM sales_orders"))
            let shipmentNumbers = Set(try String.fetchAll(db, sql: "SELECT number FROM shipments"))
            var seen: [String: Int] = [:]
            let by: Int64? = actor.userId == 0 ? nil : actor.userId
            let order = try db.makeStatement(sql: """
                INSERT INTO sales_orders (number, customer_id, owner_id, order_date, due_date, status, total, quantity, created_by, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let line = try db.makeStatement(sql: """
                INSERT INTO sales_order_lines (order_id, line_no, product_id, quantity, shipped_quantity, unit_price, discount_bp, amount)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let shipment = try db.makeStatement(sql: """
                INSERT INTO shipments (number, order_id, customer_id, warehouse_id, ship_date, status, total, created_by) VALUES (?, ?, ?, ?, ?, 'posted', ?, ?)
                """)
            let shipmentLine = try db.makeStatement(sql: "INSERT INTO shipment_lines (shipment_id, order_line_id, product_id, quantity, amount) VALUES (?, ?, ?, ?, ?)")
            // The shipment's move out, and the same quantity put back as an opening move: the
            // stock imported (or counted) today already lacks what was shipped long ago.
            let moveOut = try db.makeStatement(sql: """
                INSERT INTO stock_moves (product_id, warehouse_id, moved_on, quantity, reason, shipment_id, user_id) VALUES (?, ?, ?, ?, 'shipment', ?, ?)
                """)
            let putBack = try db.makeStatement(sql: """
                INSERT INTO stock_moves (product_id, warehouse_id, moved_on, quantity, reason, note, user_id) VALUES (?, ?, ?, ?, 'opening', 'historical shipment (import)', ?)
                """)
            let dates = try db.makeStatement(sql: """
                UPDATE customers SET first_order_on = min(coalesce(first_order_on, ?1), ?1), last_order_on = max(coalesce(last_order_on, ?1), ?1) WHERE id = ?2
                """)
            return try AppDatabase.importRows(db, rows, kind: "sales_orders", options: options, actor: actor, at: now) { row, problems, _ in
                let o: HistoricalOrder
                do throws(DomainError) { o = try row.record.validated(today: today) } catch {
                    problems.append(AppDatabase.problem(row.line, error, values: ["number": row.record.number, "order_date": row.record.orderDate.iso,
                                                                                  "due_date": row.record.dueDate?.iso ?? "", "shipped_on": row.record.shippedOn?.iso ?? ""]))
                    return nil
                }
                guard let customer = customers.resolve(row, column: "customer", into: &problems) else { return nil }
                var owner = customer.ownerId
                if let rep = row.references["rep"], !rep.isEmpty {
                    guard let id = users[rep.lowercased()] else {
                        problems.append(ImportProblem(line: row.line, column: "rep", value: rep, message: "no active user with this login or name")); return nil
                    }
                    owner = id
                }
                guard let owner else {
                    problems.append(ImportProblem(line: row.line, column: "rep", value: "", message: "the customer has no rep: name one in a rep column")); return nil
                }
                var warehouse: Int64?
                if o.shippedOn != nil {
                    if (row.references["warehouse"] ?? "").isEmpty {
                        warehouse = firstWarehouse
                        if warehouse == nil { problems.append(ImportProblem(line: row.line, column: "warehouse", value: "", message: "no warehouse to ship from")); return nil }
                    } else {
                        guard let w = warehouses.resolve(row, column: "warehouse", into: &problems) else { return nil }
                        warehouse = w
                    }
                }
                var resolved: [(product: Int64, quantity: Int64, price: Int64, discount: Int64, amount: Int64)] = []
                for l in o.lines {
                    guard let p = products.find(l.product, line: row.line, column: "product", into: &problems, prefix: "lines file row \(l.line): ") else { return nil }
                    let price = l.unitPrice ?? Money(minorUnits: p.price)
                    let amount: Money
                    do throws(DomainError) { amount = try LineAmount.compute(quantity: l.quantity, unitPrice: price, discountBasisPoints: l.discount.value) } catch {
                        problems.append(ImportProblem(line: row.line, column: "quantity", value: l.quantity.description, message: "lines file row \(l.line): \(error.message)")); return nil
                    }
                    resolved.append((p.id, l.quantity.thousandths, price.minorUnits, l.discount.value, amount.minorUnits))
                }
                var taken = numbers
                if let problem = AppDatabase.codeProblem(o.number, line: row.line, seen: &seen, taken: &taken, what: "sales order", column: "number") {
                    problems.append(problem); return nil
                }
                if o.shippedOn != nil, shipmentNumbers.contains(o.number) {
                    problems.append(ImportProblem(line: row.line, column: "number", value: o.number, message: "a shipment already has this number")); return nil
                }
                numbers = taken
                let total = resolved.reduce(0) { $0 + $1.amount }, quantity = resolved.reduce(0) { $0 + $1.quantity }
                return {
                    let shipped = o.shippedOn != nil
                    try order.execute(arguments: [o.number, customer.id, owner, o.orderDate.iso, (o.dueDate ?? o.orderDate).iso, shipped ? "shipped" : "open",
                                                  total, quantity, by, o.note])
                    let orderId = db.lastInsertedRowID
                    var lineIds: [Int64] = []
                    for (n, l) in resolved.enumerated() {
                        try line.execute(arguments: [orderId, n + 1, l.product, l.quantity, shipped ? l.quantity : 0, l.price, l.discount, l.amount])
                        lineIds.append(db.lastInsertedRowID)
                    }
                    try dates.execute(arguments: [o.orderDate.iso, customer.id])
                    guard let day = o.shippedOn, let warehouse else { return }
                    try shipment.execute(arguments: [o.number, orderId, customer.id, warehouse, day.iso, total, by])
                    let shipmentId = db.lastInsertedRowID
                    for (l, lineId) in zip(resolved, lineIds) {
                        try shipmentLine.execute(arguments: [shipmentId, lineId, l.product, l.quantity, l.amount])
                        try moveOut.execute(arguments: [l.product, warehouse, day.iso, -l.quantity, shipmentId, by])
                        try putBack.execute(arguments: [l.product, warehouse, day.iso, l.quantity, by])
                    }
                }
            }
        }
    }
}
