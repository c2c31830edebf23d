import Domain
import Foundation
import Screens
import Store
import TerminalCore
import Workspaces

extension BenchCommand {
    /// The assistant's orders: the orders list's first page (and count) for every sort under
    /// every filter, its search per keystroke, the customer look-up per keystroke, the order form
    /// opened for the customer with the most orders and keyed with lines (key → frame), and the
    /// product look-up per keystroke over the demo's products and over 100,000.
    @MainActor func benchOrders(shell: AppShell, terminal: HeadlessTerminal, database: AppDatabase, actor: Actor, today: DateOnly) throws {
        guard let customer = try database.read({ db in
            try Int64.fetchOne(db, sql: "SELECT customer_id FROM sales_orders GROUP BY customer_id ORDER BY COUNT(*) DESC LIMIT 1")
        }), let rep = try database.read({ db in try Int64.fetchOne(db, sql: "SELECT owner_id FROM sales_orders WHERE customer_id = ? LIMIT 1", arguments: [customer]) }) else { return }
        let month = today.startOfMonth, yearStart = today.iso.prefix(4) + "-01-01"
        var filters: [(String, [String: String])] = [("none", [:])]
        filters += OrderStatus.allCases.map { ("status \($0.rawValue)", ["status": $0.rawValue]) }
        filters += [
            ("rep", ["rep": String(rep)]), ("customer", ["customer": String(customer)]), ("this month", ["from": month.iso, "to": today.iso]),
            ("shipped, rep, this year", ["status": "shipped", "rep": String(rep), "from": String(yearStart), "to": today.iso]),
        ]
        var worst = (0.0, ""), total = 0.0, n = 0, over: [String] = []
        for (name, filter) in filters {
            for sort in ListKind.orders.sorts {
                let query = ListQuery(.orders, sort: sort, filter: filter)
                let t = try BenchCommand.worst(2) {
                    _ = try database.listPage(query, after: nil, limit: ListViewModel.window, backwards: false, for: actor, today: today)
                    _ = try database.listCount(query, for: actor, today: today)
                }
                total += t; n += 1
                if t > worst.0 { worst = (t, "\(sort) / \(name)") }
                if t > 50 { over.append(String(format: "%@ / %@ %.0f ms", sort, name, t)) }
            }
        }
        print(String(format: "  orders list first page + count: mean %.1f ms, worst %.1f ms (%@) over %d sorts × filters [< 50 ms]", total / Double(max(n, 1)), worst.0, worst.1, n)
              + (over.isEmpty ? "" : "; over: " + over.joined(separator: ", ")))
        var searchTimes: [Double] = [], slowest = (0.0, "")
        for text in ["bjqc", "SO-2026-01", "1465", "beijing", "po-"] {
            for end in text.indices {
                let q = String(text[...end])
                let s = Date(); _ = try database.listSearch(ListQuery(.orders, sort: "order-date"), text: q, limit: 200, for: actor, today: today)
                searchTimes.append(Date().timeIntervalSince(s) * 1000)
                if searchTimes.last ?? 0 > slowest.0 { slowest = (searchTimes.last ?? 0, q) }
            }
        }
        var pickTimes: [Double] = []
        for text in ["bjqc", "杭州", "c0001", "hz", "zhang"] {
            for end in text.indices {
                let s = Date(); _ = try database.customerPicks(for: actor, query: String(text[...end]), limit: FormModel.matchLimit)
                pickTimes.append(Date().timeIntervalSince(s) * 1000)
            }
        }
        print(String(format: "  orders search per keystroke p50 %.2f ms, p99 %.2f ms (slowest '%@'); customer look-up per keystroke p50 %.2f ms, p99 %.2f ms [p99 < 10 ms]",
                     pct(searchTimes, 50), pct(searchTimes, 99), slowest.1, pct(pickTimes, 50), pct(pickTimes, 99)))
        guard actor.can(.editSalesOrders) else { return }
        let f = Date()
        let products = try database.productOptions()
        shell.apply(.editorReady(EditorModel.salesOrder(try database.orderEntrySource(customerId: customer, by: actor), products: products, today: today)))
        shell.step()
        let openTime = Date().timeIntervalSince(f) * 1000
        let keyTimes = keyLines(shell: shell, terminal: terminal)
        print(String(format: "  order form open %.1f ms (%d products) [< 50 ms]; key → frame while keying lines p50 %.2f ms, p99 %.2f ms over %d keys [p99 < 16 ms]",
                     openTime, products.count, pct(keyTimes, 50), pct(keyTimes, 99), keyTimes.count))
        shell.apply(.back)
        let demo = lookupTimes(products)
        let many = (0..<100_000).map { i in
            ProductOption(id: Int64(i), code: String(format: "X%06d", i), name: "Product \(i)", unit: "pcs", listPrice: Money(minorUnits: 100), searchKey: "x\(i) product \(i) cp\(i)")
        }
        let large = lookupTimes(many)
        print(String(format: "  product look-up per keystroke: %d products p99 %.2f ms; 100,000 products p99 %.2f ms [p99 < 10 ms]", products.count, demo, large))
    }

    /// p99 of the product look-up's matching per keystroke, typing codes, pinyin and names.
    func lookupTimes(_ products: [ProductOption]) -> Double {
        let options = products.map { FieldRule.Option(value: String($0.id), label: $0.code + " " + $0.name, search: $0.searchKey) }
        var field = FormModel.Field("product", label: "", rule: .lookup(options))
        var times: [Double] = []
        for text in ["p0012", "x0999", "tgg", "碳钢", "bearing", "product 9", "zzz"] {
            for end in text.indices {
                field.value = String(text[...end])
                let t = Date(); _ = field.matches; times.append(Date().timeIntervalSince(t) * 1000)
            }
        }
        return pct(times, 99)
    }
}
