import Domain
import Foundation
import Store
import Workspaces

extension BenchCommand {
    /// The assistant's and finance's documents: the open-orders list; a shipment form opened on the
    /// open order with the most lines and posted; a receipt form opened for the customer with the
    /// most open receivables and posted over all of them. Each posted document is voided again
    /// (the demo keeps it, voided, and its number), so the file's figures stay as they were.
    func benchPosting(database: AppDatabase, actor: Actor, today: DateOnly) throws {
        let now = Int64(Date().timeIntervalSince1970)
        if actor.can(.postShipments) {
            let query = ListQuery(.openOrders, sort: "due-date")
            let l = Date()
            let page = try database.listPage(query, after: nil, limit: ListViewModel.window, backwards: false, for: actor, today: today)
            let count = try database.listCount(query, for: actor, today: today)
            let listTime = Date().timeIntervalSince(l) * 1000
            let n = Date()
            if let last = page.rows.last { _ = try database.listPage(query, after: last.cursor, limit: ListViewModel.window, backwards: false, for: actor, today: today) }
            print(String(format: "  open orders list: first page + count %.1f ms (%d orders), next page %.1f ms [part of key → frame < 16 ms]",
                         listTime, count, Date().timeIntervalSince(n) * 1000))
            try benchShipment(database: database, actor: actor, today: today, now: now)
        }
        if actor.can(.postReceipts) { try benchReceipt(database: database, actor: actor, today: today, now: now) }
    }

    func benchShipment(database: AppDatabase, actor: Actor, today: DateOnly, now: Int64) throws {
        guard let orderId = try database.read({ db in
            try Int64.fetchOne(db, sql: """
                SELECT l.order_id FROM sales_order_lines l JOIN sales_orders o ON o.id = l.order_id
                WHERE o.status IN ('open','partially_shipped') AND l.shipped_quantity < l.quantity GROUP BY l.order_id ORDER BY COUNT(*) DESC, l.order_id LIMIT 1
                """)
        }) else { return }
        let o = Date()
        let editor = EditorModel.shipment(try database.shipmentSource(orderId: orderId, by: actor), today: today)
        let openTime = Date().timeIntervalSince(o) * 1000
        let draft = editor.shipmentDraft(orderId: orderId)
        guard draft.lines.contains(where: { $0.quantity.thousandths > 0 }) else {
            print(String(format: "  shipment form open %.1f ms [< 50 ms]; nothing in stock to post", openTime))
            return
        }
        let p = Date()
        let saved = try database.postShipment(draft, by: actor, today: today, at: now)
        let postTime = Date().timeIntervalSince(p) * 1000
        let v = Date()
        try database.voidShipment(id: saved.id, reason: "rapport bench", by: actor, today: today, at: now)
        print(String(format: "  shipment form open %.1f ms (%d lines) [< 50 ms]; post %.1f ms, void %.1f ms [< 100 ms] (%@, voided again)",
                     openTime, editor.lines?.items.count ?? 0, postTime, Date().timeIntervalSince(v) * 1000, saved.number))
    }

    func benchReceipt(database: AppDatabase, actor: Actor, today: DateOnly, now: Int64) throws {
        guard let customer = try database.read({ db in
            try Int64.fetchOne(db, sql: """
                SELECT customer_id FROM receivables WHERE status = 'posted' AND open_amount > 0 GROUP BY customer_id ORDER BY COUNT(*) DESC, customer_id LIMIT 1
                """)
        }) else { return }
        let o = Date()
        let items = try database.openReceivables(customerId: customer, by: actor)
        var editor = EditorModel.receipt(customerId: customer, customerName: "", openItems: items, today: today)
        let openTime = Date().timeIntervalSince(o) * 1000
        let total = items.reduce(Money.zero) { $0 + $1.open }
        let t = Date()
        for c in total.formatted(grouping: false) { _ = editor.handle(.form(.type(c))) }
        let typeTime = Date().timeIntervalSince(t) * 1000
        let p = Date()
        let saved = try database.postReceipt(editor.receiptDraft(customerId: customer), by: actor, today: today, at: now)
        let postTime = Date().timeIntervalSince(p) * 1000
        let v = Date()
        try database.voidReceipt(id: saved.id, reason: "rapport bench", by: actor, at: now)
        print(String(format: "  receipt form open %.1f ms over %d open receivables [< 100 ms]; typing the amount (split as typed) %.1f ms; post %.1f ms, void %.1f ms [< 200 ms] (%@, voided again)",
                     openTime, items.count, typeTime, postTime, Date().timeIntervalSince(v) * 1000, saved.number))
    }
}
