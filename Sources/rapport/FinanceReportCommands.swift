import ArgumentParser
import Documents
import Domain
import Foundation
import Screens
import Store

extension ReportCommand {
    /// `rapport report aging --as-of D [--payables] [--rep LOGIN] [--sort BUCKET]`: what `:aging`
    /// (`:payables-aging`) shows — one row per customer (supplier), the buckets of the company
    /// setting, unapplied credit and the balance, the total last.
    struct AgingReport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "aging",
                                                        abstract: "Receivables (or payables) aging as of a day, as :aging and :payables-aging show it.")
        @OptionGroup var options: AsOfReportOptions
        @Flag(help: "Payables to suppliers instead of receivables.") var payables = false
        @Option(help: "Only this rep's customers (login).") var rep: String?
        @Option(help: "Order rows by a bucket (not-due, 1–30 or 1-30 …), unapplied, name or balance (the default, largest first).") var sort: String?

        func run() throws {
            if payables, rep != nil { throw ValidationError("--rep applies to receivables: suppliers have no rep") }
            try options.run { db, day in
                let labels = try db.settings().agingBuckets.labels
                var order: String?
                if let sort {
                    let typed = sort.replacingOccurrences(of: "-", with: "–")
                    if let label = labels.first(where: { $0 == sort || $0 == typed }) { order = label }
                    else if ["name", "unapplied", "balance"].contains(sort) { order = sort }
                    else { throw ValidationError("--sort '\(sort)' is not one of: \((labels + ["unapplied", "name", "balance"]).joined(separator: ", "))") }
                }
                var repId: Int64?
                if let rep {
                    guard let subject = try db.user(login: rep) else { throw StoreError.notFound("user '\(rep)'") }
                    repId = subject.id
                }
                return ReportRequest(name: payables ? "payables-aging" : "aging", period: DateRange(from: day, to: day), rep: repId, sort: order)
            }
        }
    }
}

extension ReportCommand {
    /// `rapport report cash --from --to --by month|method|rep|party`: what `:cash` shows.
    struct CashReport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "cash", abstract: "Receipts in and payments out for a period, grouped as :cash shows them.")
        @OptionGroup var options: TypedReportOptions
        @Option(help: "month, method, rep or party (customer or supplier).") var by: String = "month"
        func run() throws { try options.run("cash", by: by, of: ["month", "method", "rep", "party"]) }
    }
}

extension ReportCommand {
    /// `rapport report purchases --from --to --by supplier|product|month`: what `:purchases` shows.
    struct PurchasesReport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "purchases",
                                                        abstract: "Goods received in a period by supplier (with the on-time rate), product or month, as :purchases shows them.")
        @OptionGroup var options: TypedReportOptions
        @Option(help: "supplier, product or month.") var by: String = "supplier"
        func run() throws { try options.run("purchases", by: by, of: ["supplier", "product", "month"]) }
    }
}

extension ReportCommand {
    /// `rapport report stock [--warehouse CODE] [--category NAME] [--below]`: what `:stock` shows.
    struct StockReport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "stock",
                                                        abstract: "Stock per product — on hand, reorder level, on order, reserved, available — as :stock shows it.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var auth: AuthOptions
        @Option(help: "One warehouse's stock, by its code.") var warehouse: String?
        @Option(help: "Only the products filed under this category.") var category: String?
        @Flag(help: "Only what is at or under its reorder level.") var below = false
        @Option(help: "table, csv or json.") var format: String = "table"
        func run() throws {
            guard ["table", "csv", "json"].contains(format) else { throw ValidationError("--format must be table, csv or json") }
            let (db, actor, clock) = try global.openAuthenticated(auth)
            let report = try db.stockReport(warehouseCode: warehouse, category: category, below: below, for: actor, today: clock.today())
            print(ReportPrinter(catalog: Catalog(Catalog.language(flag: nil, environment: ProcessInfo.processInfo.environment))).render(report, format: format), terminator: "")
        }
    }
}

extension ReportCommand {
    /// `rapport report expenses --from --to --by category|item|month|rep`: what `:expense-stats` shows.
    struct ExpensesReport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "expenses",
                                                        abstract: "Expenses for a period against the same days a year before, grouped as :expense-stats shows them.")
        @OptionGroup var options: TypedReportOptions
        @Option(help: "category, item, month or rep; or list (every expense of the period).") var by: String = "category"
        func run() throws { try options.run("expenses", by: by, of: ["category", "item", "month", "rep", "list"]) }
    }
}

/// `rapport expenses category list|add NAME`: the company's expense categories, which finance keeps.
struct ExpensesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "expenses", abstract: "List or add the company's expense categories.",
                                                    subcommands: [Categories.self])

    struct Categories: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "category", abstract: "list, or add NAME (finance and the manager).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var auth: AuthOptions
        @Argument(help: "list or add.") var action: String = "list"
        @Argument(help: "The new category's name (add).") var name: String?

        func run() throws {
            let (db, actor, clock) = try global.openAuthenticated(auth)
            switch action {
            case "list":
                for c in try db.expenseCategories() { print(c) }
            case "add":
                guard let name else { throw ValidationError("add needs the category's name") }
                try db.addExpenseCategory(name, by: actor, at: clock.nowSeconds())
                print("added: \(name.trimmingCharacters(in: .whitespaces))")
            default:
                throw ValidationError("the action is list or add, not '\(action)'")
            }
        }
    }
}

extension ReportCommand {
    /// `rapport report receivables-concentration --as-of D`: the concentration table of `:receivables`.
    struct ConcentrationReport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "receivables-concentration",
                                                        abstract: "Every customer owing as of a day, largest first, with its share and the cumulative share, as :receivables shows it.")
        @OptionGroup var options: AsOfReportOptions
        func run() throws { try options.run("receivables") }
    }
}

extension ReportCommand {
    /// `rapport report commissions --from --to`: what `:commissions` shows.
    struct CommissionsReport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "commissions",
                                                        abstract: "Each rep's commission due for a period beside the commission and salary paid, as :commissions shows it.")
        @OptionGroup var options: TypedReportOptions
        func run() throws { try options.run("commissions") }
    }
}
