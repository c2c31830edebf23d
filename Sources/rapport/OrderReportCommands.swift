import ArgumentParser
import Domain
import Foundation
import Screens
import Store

extension ReportCommand {
    /// `rapport report orders`: the orders list as `:orders` shows it — the same sorts, filters
    /// and search, every row (not only the first page).
    struct OrdersReport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "orders", abstract: "Orders as :orders lists them: the same filters, sorts and search.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var auth: AuthOptions
        @Option(help: "open, partially_shipped, shipped or cancelled.") var status: String?
        @Option(help: "Login of the rep whose customers' orders to list.") var rep: String?
        @Option(help: "Customer code.") var customer: String?
        @Option(help: "First order date, YYYY-MM-DD.") var from: String?
        @Option(help: "Last order date, YYYY-MM-DD.") var to: String?
        @Option(help: "order-date, due-date, number, customer or value.") var sort: String = "order-date"
        @Option(help: "Find by number, customer (pinyin too) or PO reference, as / does.") var search: String?
        @Option(help: "table, csv or json.") var format: String = "table"

        func run() throws {
            guard ["table", "csv", "json"].contains(format) else { throw ValidationError("--format must be table, csv or json") }
            guard ListKind.orders.sorts.contains(sort) else { throw ValidationError("--sort '\(sort)' is not one of \(ListKind.orders.sorts.joined(separator: ", "))") }
            if let status, OrderStatus(rawValue: status) == nil { throw ValidationError("--status '\(status)' is not one of open, partially_shipped, shipped, cancelled") }
            for (name, value) in [("from", from), ("to", to)] where value != nil && DateOnly(iso: value ?? "") == nil {
                throw ValidationError("--\(name) '\(value ?? "")' is not a date (YYYY-MM-DD)")
            }
            if let from, let to, to < from { throw ValidationError("--to \(to) is before --from \(from)") }
            let (db, actor, clock) = try global.openAuthenticated(auth)
            let today = clock.today()
            var filter = ["status": status ?? "", "from": from ?? "", "to": to ?? ""]
            if let rep {
                guard let user = try db.user(login: rep) else { throw StoreError.notFound("user '\(rep)'") }
                // A rep's list is their own customers' orders: another rep's would be silently empty.
                if actor.restrictedToOwnCustomers && user.id != actor.userId {
                    throw ValidationError("--rep \(rep): a sales rep's report holds only their own customers' orders")
                }
                filter["rep"] = String(user.id)
            }
            if let customer {
                guard let hit = try db.customerPicks(for: actor, query: customer, limit: 50).first(where: { $0.code.lowercased() == customer.lowercased() }) else {
                    throw StoreError.notFound("customer '\(customer)'")
                }
                filter["customer"] = String(hit.id)
            }
            let query = ListQuery(.orders, sort: sort, filter: filter)
            var rows: [ListRow] = []
            var columns = try db.listPage(query, after: nil, limit: 1, backwards: false, for: actor, today: today).columns
            if let search {
                let page = try db.listSearch(query, text: search, limit: 100_000, for: actor, today: today)
                rows = page.rows; columns = page.columns
            } else {
                var after: ListCursor?
                while true {
                    let page = try db.listPage(query, after: after, limit: 2_000, backwards: false, for: actor, today: today).rows
                    rows += page
                    guard page.count == 2_000, let last = page.last else { break }
                    after = last.cursor
                }
            }
            let parameters: [Report.Parameter] = [("status", status), ("rep", rep), ("customer", customer), ("from", from), ("to", to), ("search", search)]
                .compactMap { key, value in value.map { Report.Parameter("param.\(key)", .text($0)) } } + [Report.Parameter("param.sort", .text(sort))]
            let report = Report(name: "orders", title: "list.orders", parameters: parameters, columns: columns, rows: rows.map(\.cells))
            print(ReportPrinter(catalog: Catalog(Catalog.language(flag: nil, environment: ProcessInfo.processInfo.environment))).render(report, format: format), terminator: "")
        }
    }

    /// `rapport report deliveries --as-of D`: what `:deliveries` shows — open orders due by the
    /// next day, overdue, today and tomorrow.
    struct DeliveriesReport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "deliveries", abstract: "Deliveries due as of a day: overdue, today and tomorrow, as :deliveries shows them.")
        @OptionGroup var options: AsOfReportOptions
        func run() throws { try options.run("deliveries") }
    }
}
