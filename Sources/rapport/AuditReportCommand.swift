import ArgumentParser
import Domain
import Foundation
import Screens
import Store

extension ReportCommand {
    /// `rapport report audit`: the audit trail as `:audit` lists it (the manager's), newest first.
    struct AuditReport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "audit", abstract: "Who changed what and when, newest first, as :audit lists it.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var auth: AuthOptions
        @Option(name: .customLong("by"), help: "Only the changes made by this login.") var by: String?
        @Option(help: "Only changes to this kind of record, by its table (customers, quotes, sales_orders, …).") var entity: String?
        @Option(help: "Only this record (its id; with --entity).") var record: Int64?
        @Option(help: "First day, YYYY-MM-DD.") var from: String?
        @Option(help: "Last day, YYYY-MM-DD.") var to: String?
        @Option(help: "Only entries whose login, action or table holds this text.") var search: String?
        @Option(help: "table, csv or json.") var format: String = "table"

        func run() throws {
            guard ["table", "csv", "json"].contains(format) else { throw ValidationError("--format must be table, csv or json") }
            for (name, day) in [("from", from), ("to", to)] where day.map({ DateOnly(iso: $0) == nil }) == true {
                throw ValidationError("--\(name) '\(day ?? "")' is not a date (YYYY-MM-DD)")
            }
            if let f = from.flatMap(DateOnly.init(iso:)), let t = to.flatMap(DateOnly.init(iso:)), f > t { throw ValidationError("--from is after --to") }
            let (db, actor, clock) = try global.openAuthenticated(auth)
            var filter: [String: String] = [:]
            filter["user"] = by; filter["entity"] = entity; filter["record"] = record.map(String.init); filter["from"] = from; filter["to"] = to
            let query = ListQuery(.audit, sort: "newest", filter: filter), today = clock.today()
            var columns: [ColumnSpec] = [], rows: [[CellValue]] = []
            if let search, !search.isEmpty {
                let found = try db.listSearch(query, text: search, limit: 100_000, for: actor, today: today)
                columns = found.columns; rows = found.rows.map(\.cells)
            } else {
                var after: ListCursor?
                repeat {
                    let page = try db.listPage(query, after: after, limit: 2_000, backwards: false, for: actor, today: today)
                    columns = page.columns; rows += page.rows.map(\.cells)
                    after = page.rows.count == 2_000 ? page.rows.last?.cursor : nil
                } while after != nil
            }
            let parameters = filter.keys.sorted().map { Report.Parameter("audit.\($0)", .text(filter[$0] ?? "")) }
            let report = Report(name: "audit", title: "list.audit", parameters: parameters, columns: columns, rows: rows)
            print(ReportPrinter(catalog: Catalog(Catalog.language(flag: nil, environment: ProcessInfo.processInfo.environment))).render(report, format: format), terminator: "")
        }
    }
}
