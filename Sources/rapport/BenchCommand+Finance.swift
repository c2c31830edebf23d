import Domain
import Foundation
import Store
import Workspaces

extension BenchCommand {
    /// Finance: aging as of today and as of past days, cash for a year, a receipt form for the
    /// customer with the most open receivables, and posting it with every line allocated.
    func benchFinance(database: AppDatabase, actor: Actor, today: DateOnly) throws {
        guard actor.can(.viewAllReceivables) else { return }
        func aging(_ day: DateOnly, payables: Bool = false) throws -> Double {
            try BenchCommand.worst(3) {
                _ = try database.report(ReportRequest(name: payables ? "payables-aging" : "aging", period: DateRange(from: day, to: day)), for: actor)
            }
        }
        print(String(format: "  aging as of today: receivables %.1f ms, payables %.1f ms (worst of 3) [< 100 ms]", try aging(today), try aging(today, payables: true)))
        var past: [String] = []
        for back in [1, 6, 12, 24, 48] {
            let day = today.startOfMonth.adding(months: -back + 1).adding(days: -1)
            past.append(String(format: "%@ %.1f", day.iso, try aging(day)))
        }
        print("  aging as of past days (worst of 3, ms): " + past.joined(separator: ", ") + " [< 500 ms]")
        if actor.can(.viewCashStatistics) {
            let year = try BenchCommand.worst(3) { _ = try database.report(ReportRequest(name: "cash", period: .yearToDate(today)), for: actor) }
            let twelve = try BenchCommand.worst(3) {
                _ = try database.report(ReportRequest(name: "cash", period: DateRange(from: today.adding(days: -364), to: today)), for: actor)
            }
            print(String(format: "  cash statistics: year to date %.1f ms, last 365 days %.1f ms (worst of 3) [< 100 ms]", year, twelve))
        }
        if actor.can(.editExpenses) {
            let year = try BenchCommand.worst(3) { _ = try database.report(ReportRequest(name: "expenses", period: .yearToDate(today)), for: actor) }
            let analysis = try BenchCommand.worst(3) { _ = try database.report(ReportRequest(name: "receivables", period: DateRange(from: today, to: today)), for: actor) }
            print(String(format: "  expense statistics, year to date %.1f ms [< 100 ms]; receivables analysis as of today %.1f ms (worst of 3)", year, analysis))
        }
        guard actor.can(.postReceipts), let (customer, count) = try database.customerWithMostOpenReceivables() else { return }
        let t = Date()
        let items = try database.openReceivables(customerId: customer, by: actor)
        var form = EditorModel.receipt(customerId: customer, customerName: "", openItems: items, today: today)
        let opened = Date().timeIntervalSince(t) * 1000
        let all = items.reduce(Money.zero) { $0 + $1.open }
        for c in all.formatted(grouping: false) { _ = form.handle(.form(.type(c))) }
        let draft = form.receiptDraft(customerId: customer)
        let p = Date()
        let saved = try database.postReceipt(draft, by: actor, today: today, at: Int64(Date().timeIntervalSince1970))
        let posted = Date().timeIntervalSince(p) * 1000
        print(String(format: "  receipt form for a customer with %d open receivables: open %.1f ms [< 100 ms]; posting %@ with every line allocated %.1f ms [< 200 ms]",
                     count, opened, saved.number, posted))
    }
}
