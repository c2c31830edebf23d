import Domain
import GRDB

extension AppDatabase {
    /// Deliveries due as of a day (the request's last day): every open or part-shipped order due
    /// by the next day, grouped overdue, today, tomorrow — soonest first — with what is still
    /// to ship (each open line's remaining quantity at its price and discount, rounded per line
    /// as the order's own lines are) and the order's total. Each row opens its order. A rep
    /// sees their own customers' orders.
    static func deliveriesReport(_ db: Database, _ request: ReportRequest, for actor: Actor) throws -> Report {
        guard actor.can(.viewAllCustomers) || actor.can(.viewOwnCustomers) else { throw StoreError.forbidden("\(actor.role.rawValue) cannot see orders") }
        let asOf = request.period.to, tomorrow = asOf.adding(days: 1)
        let own = actor.restrictedToOwnCustomers ? " AND o.owner_id = \(actor.userId)" : ""
        let orders = try Row.fetchAll(db, sql: """
            SELECT o.id, o.number, c.name, o.due_date, o.total FROM sales_orders o JOIN customers c ON c.id = o.customer_id
            WHERE o.status IN ('open','partially_shipped') AND o.due_date <= ?\(own) ORDER BY o.due_date, o.number
            """, arguments: [tomorrow.iso])
        var remaining: [Int64: Money] = [:]
        let ids = orders.map { String($0[0] as Int64) }.joined(separator: ",")
        if !ids.isEmpty {
            for l in try Row.fetchAll(db, sql: "SELECT order_id, quantity - shipped_quantity, unit_price, discount_bp FROM sales_order_lines WHERE order_id IN (\(ids)) AND shipped_quantity < quantity") {
                let amount = try LineAmount.compute(quantity: Quantity(thousandths: l[1]), unitPrice: Money(minorUnits: l[2]), discountBasisPoints: l[3])
                remaining[l[0], default: .zero] = remaining[l[0], default: .zero] + amount
            }
        }
        let rows: [[CellValue]] = orders.map { r in
            let due = DateOnly(iso: r[3] as String) ?? asOf
            let when = due < asOf ? "delivery.overdue" : due == asOf ? "delivery.today" : "delivery.tomorrow"
            return [.status(when), .date(due), .text(r[1] as String), .text(r[2] as String), .money(remaining[r[0]] ?? .zero), .money(minorUnits: r[4])]
        }
        return Report(name: request.name, title: "title.deliveries", parameters: [.init("param.as-of", .date(asOf))],
                      // Fits 80 columns; the rep is on the order's card.
                      columns: [ColumnSpec("col.delivery-when", .status, width: 8), ColumnSpec("col.due", .date, width: 10), ColumnSpec("col.number", width: 13),
                                ColumnSpec("col.customer", flexible: true, shrinks: true), .money("col.to-ship"), .money("col.total")],
                      rows: rows, refs: orders.map { RecordRef(.salesOrder, $0[0]) })
    }
}
