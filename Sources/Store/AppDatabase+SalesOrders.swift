import Domain
import GRDB

/// What the order form needs to open for a customer: its name, the credit it already uses
/// (open receivables and unshipped orders) against its limit, and the price it last paid for
/// each product (a firm quotes its regulars their own price).
public struct OrderEntrySource: Sendable, Equatable {
    public var customerId: Int64
    public var customerName: String
    public var credit: CreditExposure
    /// Product id → the unit price on the customer's latest order line for it, and that order's date.
    public var lastPrices: [Int64: (price: Money, on: DateOnly)]
    /// How many of the customer's newest orders the last prices come from.
    public static let ordersRead = 1_000

    public static func == (a: OrderEntrySource, b: OrderEntrySource) -> Bool {
        a.customerId == b.customerId && a.customerName == b.customerName && a.credit == b.credit
            && a.lastPrices.mapValues(\.price) == b.lastPrices.mapValues(\.price) && a.lastPrices.mapValues(\.on) == b.lastPrices.mapValues(\.on)
    }
}

extension AppDatabase {
    public func orderEntrySource(customerId: Int64, by actor: Actor) throws(StoreError) -> OrderEntrySource {
        try orderEntrySource(customerId: customerId, excluding: nil, by: actor)
    }

    /// `excluding`: the order being edited, whose own prices are not what the customer last paid.
    public func orderEntrySource(customerId: Int64, excluding order: Int64?, by actor: Actor) throws(StoreError) -> OrderEntrySource {
        try read { db in
            let name = try AppDatabase.requireCustomerWrite(db, customerId: customerId, actor: actor, .editSalesOrders)
            let credit = try AppDatabase.creditExposures(db, ownerId: nil, customerId: customerId)[customerId]?.exposure
                ?? CreditExposure(openReceivables: .zero, unshippedOrders: .zero,
                                  limit: Money(minorUnits: try Int64.fetchOne(db, sql: "SELECT credit_limit FROM customers WHERE id = ?", arguments: [customerId]) ?? 0))
            var last: [Int64: (price: Money, on: DateOnly)] = [:]
            // Newest first: the first line seen for a product is its last price. The customer's
            // newest 1,000 orders are read (years of a busy customer's orders; the form opens in
            // a few milliseconds even for one with thousands).
            let rows = try Row.fetchCursor(db, sql: """
                SELECT l.product_id, l.unit_price, o.order_date FROM (
                    SELECT id, order_date FROM sales_orders WHERE customer_id = ? AND status <> 'cancelled' AND id <> ?
                    ORDER BY order_date DESC, id DESC LIMIT \(OrderEntrySource.ordersRead)
                ) o JOIN sales_order_lines l ON l.order_id = o.id ORDER BY o.order_date DESC, o.id DESC, l.line_no
                """, arguments: [customerId, order ?? 0])
            while let r = try rows.next() {
                let product: Int64 = r[0]
                if last[product] == nil, let day = DateOnly(iso: r[2] as String) { last[product] = (Money(minorUnits: r[1]), day) }
            }
            return OrderEntrySource(customerId: customerId, customerName: name, credit: credit, lastPrices: last)
        }
    }

    /// A sales order keyed in: validated, numbered, written with its lines in one transaction and
    /// audited (`sales_order.create`).
    @discardableResult
    public func saveSalesOrder(_ order: SalesOrderEntry, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) -> (id: Int64, number: String) {
        let saved = try save(try SalesOrderWriter(order, today: today), by: actor, at: now)
        return (saved.id, saved.number)
    }
}
