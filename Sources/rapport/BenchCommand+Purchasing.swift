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
        let categories = try database.productCategories().prefix(1).map { ["category": $0] }
        for filter in [[:], ["below": "1"]] + categories + warehouses.flatMap({ [["warehouse": String($0.id)], ["warehouse": String($0.id), "below": "1"]] }) {
            let query = ListQuery(.stock, sort: "code", filter: filter)
            let s = Date()
            _ = try database.listPage(query, after: nil, limit: ListViewModel.window, backwards: false, for: actor, today: today)
            _ = try database.listCount(query, for: actor, today: today)
            let t = Date().timeIntervalSince(s) * 1000
            worst = max(worst, t)
            stock.append(String(format: "%@ %.1f", filter.isEmpty ? "all" : filter.keys.sorted().map { "\($0)=\(filter[$0] ?? "")" }.joined(separator: "&"), t))
        }
        print(String(format: "  stock list first page + count, worst %.1f ms [< 50 ms]: ", worst) + stock.joined(separator: ", "))
        try benchStockCard(database: database, actor: actor, today: today, now: now)
    }

    /// The stock card of the product with the most moves (opened, and paged 10,000 moves down),
    /// and a count and a transfer of it posted (and undone by the opposite ones).
    func benchStockCard(database: AppDatabase, actor: Actor, today: DateOnly, now: Int64) throws {
        guard let product = try database.read({ db in try Int64.fetchOne(db, sql: "SELECT product_id FROM stock_moves GROUP BY 1 ORDER BY COUNT(*) DESC LIMIT 1") }) else { return }
        let moves = try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM stock_moves WHERE product_id = ?", arguments: [product]) } ?? 0
        let ref = RecordRef(.product, product)
        let o = Date()
        let card = try database.card(ref, for: actor, today: today)
        for section in card.sections { _ = try database.cardPage(ref, section: section.title, offset: 0, limit: ListViewModel.window, for: actor, today: today) }
        let open = Date().timeIntervalSince(o) * 1000
        let d = Date()
        _ = try database.cardPage(ref, section: "section.moves", offset: min(10_000, max(0, moves - ListViewModel.window)), limit: ListViewModel.window, for: actor, today: today)
        let deep = Date().timeIntervalSince(d) * 1000
        var line = String(format: "  stock card of the product with the most moves (%d): open %.1f ms, a page 10,000 moves down %.1f ms [< 50 ms]", moves, open, deep)
        guard actor.can(.adjustStock) else { print(line); return }
        let source = try database.stockMoveSource(productId: product, by: actor)
        if let from = source.warehouses.max(by: { (source.onHand[$0.id] ?? .zero) < (source.onHand[$1.id] ?? .zero) }), let to = source.warehouses.first(where: { $0.id != from.id }),
           let held = source.onHand[from.id], held.thousandths >= 2_000 {
            let c = Date()
            try database.postStockAdjustment(StockAdjustment(productId: product, warehouseId: from.id, counted: Quantity(thousandths: held.thousandths - 1_000), reason: "rapport bench"),
                                             by: actor, today: today, at: now)
            let count = Date().timeIntervalSince(c) * 1000
            try database.postStockAdjustment(StockAdjustment(productId: product, warehouseId: from.id, counted: held, reason: "rapport bench"), by: actor, today: today, at: now)
            let t = Date()
            try database.postStockTransfer(StockTransfer(productId: product, fromWarehouseId: from.id, toWarehouseId: to.id, quantity: Quantity(thousandths: 1_000)),
                                           by: actor, today: today, at: now)
            let transfer = Date().timeIntervalSince(t) * 1000
            try database.postStockTransfer(StockTransfer(productId: product, fromWarehouseId: to.id, toWarehouseId: from.id, quantity: Quantity(thousandths: 1_000)),
                                           by: actor, today: today, at: now)
            line += String(format: "; count posted %.1f ms, transfer %.1f ms (each undone)", count, transfer)
        }
        print(line)
    }
}
