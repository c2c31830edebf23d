import Domain
import Foundation
import Screens
import Store
import Workspaces

extension BenchCommand {
    /// Purchasing: the PO form opened for the supplier with the most orders and keyed with lines
    /// (key → frame); the goods receipt form on the open PO with the most lines still to come,
    /// posted and voided again; the stock list's first page for every filter.
    @MainActor func benchPurchasing(shell: AppShell, terminal: HeadlessTerminal, database: AppDatabase, actor: Actor, today: DateOnly) throws {
        guard actor.can(.editPurchaseOrders) else { return }
        let now = Int64(Date().timeIntervalSince1970)
        if let supplier = try database.read({ db in try Int64.fetchOne(db, sql: "SELECT supplier_id FROM purchase_orders GROUP BY 1 ORDER BY COUNT(*) DESC, 1 LIMIT 1") }) {
            let f = Date()
            let source = try database.purchaseOrderSource(supplierId: supplier, by: actor)
            shell.apply(.editorReady(EditorModel.purchaseOrder(source, today: today)))
            shell.step()
            let openTime = Date().timeIntervalSince(f) * 1000
            let keyTimes = keyLines(shell: shell, terminal: terminal)
            shell.apply(.back)
            print(String(format: "  PO form open %.1f ms (%d products, %d last costs) [< 50 ms]; key → frame while keying lines p50 %.2f ms, p99 %.2f ms over %d keys [p99 < 16 ms]",
                         openTime, source.products.count, source.lastCosts.count, pct(keyTimes, 50), pct(keyTimes, 99), keyTimes.count))
        }
        if let po = try database.read({ db in
            try Int64.fetchOne(db, sql: """
                SELECT l.po_id FROM purchase_order_lines l JOIN purchase_orders p ON p.id = l.po_id
                WHERE p.status IN ('open','partially_received') AND l.received_quantity < l.quantity GROUP BY 1 ORDER BY COUNT(*) DESC, 1 LIMIT 1
                """)
        }) {
            let o = Date()
            let editor = EditorModel.goodsReceipt(try database.goodsReceiptSource(poId: po, by: actor), today: today)
            let openTime = Date().timeIntervalSince(o) * 1000
            let p = Date()
            let saved = try database.postGoodsReceipt(editor.goodsReceiptDraft(poId: po), by: actor, today: today, at: now)
            let postTime = Date().timeIntervalSince(p) * 1000
            let v = Date()
            try database.voidGoodsReceipt(id: saved.id, reason: "rapport bench", by: actor, today: today, at: now)
            print(String(format: "  goods receipt form open %.1f ms (%d lines) [< 50 ms]; post %.1f ms [< 100 ms], void %.1f ms (%@, voided again)",
                         openTime, editor.lines?.items.count ?? 0, postTime, Date().timeIntervalSince(v) * 1000, saved.number))
        }
        var stock: [String] = []
        var worst = 0.0
        let warehouses = try database.warehouseOptions()
        for filter in [[:], ["below": "1"]] + warehouses.flatMap({ [["warehouse": String($0.id)], ["warehouse": String($0.id), "below": "1"]] }) {
            let query = ListQuery(.stock, sort: "code", filter: filter)
            let s = Date()
            _ = try database.listPage(query, after: nil, limit: ListViewModel.window, backwards: false, for: actor, today: today)
            _ = try database.listCount(query, for: actor, today: today)
            let t = Date().timeIntervalSince(s) * 1000
            worst = max(worst, t)
            stock.append(String(format: "%@ %.1f", filter.isEmpty ? "all" : filter.keys.sorted().map { "\($0)=\(filter[$0] ?? "")" }.joined(separator: "&"), t))
        }
        print(String(format: "  stock list first page + count, worst %.1f ms [< 50 ms]: ", worst) + stock.joined(separator: ", "))
    }
}
