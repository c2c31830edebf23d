import Domain
import Foundation
import Screens
import Store

extension BenchCommand {
    /// The manager's KPI dashboard (`:kpi`): every KPI with the period before it, for this month,
    /// each of the three months before, and the year to date; then one rep's.
    func benchKPI(database: AppDatabase, actor: Actor, today: DateOnly) throws {
        guard actor.can(.viewAllKPIs) else { return }
        func time(_ period: DateRange, rep: Int64? = nil, report: String = "kpi") throws -> Double {
            let t = Date()
            _ = try database.report(ReportRequest(name: report, period: period, rep: rep), for: actor)
            return Date().timeIntervalSince(t) * 1000
        }
        var months: [String] = []
        for back in 0..<4 {
            let start = today.startOfMonth.adding(months: -back)
            months.append(String(format: "%@ %.0f", String(start.iso.prefix(7)), try time(DateRange(from: start, to: back == 0 ? today : start.endOfMonth))))
        }
        let year = try time(DateRange(from: today.startOfYear, to: today))
        let lastYear = try time(DateRange(from: today.startOfYear.adding(months: -12), to: today.startOfYear.adding(days: -1)))
        let rep = try database.ownerOptions().first.map { try time(DateRange(from: today.startOfMonth, to: today), rep: $0.id) } ?? 0
        print("  KPI dashboard (every KPI and the period before) by month, ms [< 200]: " + months.joined(separator: ", ")
              + String(format: "; year to date %.0f ms, last year %.0f ms [< 500]; one rep's month %.0f ms", year, lastYear, rep))
        let perRep = try time(DateRange(from: today.startOfMonth, to: today), report: "kpi-reps")
        let perRepYear = try time(DateRange(from: today.startOfYear, to: today), report: "kpi-reps")
        print(String(format: "  KPIs per rep (:kpi-reps, every rep and the company): this month %.0f ms, year to date %.0f ms [< 500]", perRep, perRepYear))
        let trend = try time(DateRange(from: today.startOfMonth, to: today), report: "kpi-trend")
        let feedback = try time(DateRange(from: today.startOfYear, to: today), report: "feedback")
        print(String(format: "  KPIs month by month (:kpi-trend, twelve months with sparklines) %.0f ms; feedback and complaints (:feedback, year to date) %.0f ms", trend, feedback))
        try benchHandover(database: database, actor: actor, today: today)
    }

    /// The rep with the most customers handed over to every other rep, evenly by count (the
    /// bench's copy keeps the change).
    func benchHandover(database: AppDatabase, actor: Actor, today: DateOnly) throws {
        guard actor.can(.reassignCustomers),
              let leaving = try database.read({ db in try Int64.fetchOne(db, sql: "SELECT owner_id FROM customers WHERE owner_id IS NOT NULL GROUP BY 1 ORDER BY COUNT(*) DESC LIMIT 1") })
        else { return }
        let takers = try database.handoverSource(from: leaving, by: actor).takers.map(\.id)
        guard !takers.isEmpty else { return }
        let t = Date()
        let moved = try database.handOver(from: leaving, to: takers, spread: .count, disable: false, by: actor, today: today, at: Int64(Date().timeIntervalSince1970))
        print(String(format: "  handover of %d customers to %d reps, each audited: %.0f ms [< 5 s]", moved, takers.count, Date().timeIntervalSince(t) * 1000))
    }

    /// `:audit`: paging through the trail (key → frame) and its first page with the count.
    @MainActor func benchAudit(shell: AppShell, terminal: HeadlessTerminal, database: AppDatabase, actor: Actor) async throws {
        let entries = try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log") ?? 0 }
        let open = Date()
        shell.apply(.openPalette)
        for ch in "audit" { shell.apply(.palette(.type(ch))) }
        shell.apply(.palette(.run))
        while shell.isBusy { shell.step(); try await Task.sleep(nanoseconds: 200_000) }
        let opened = Date().timeIntervalSince(open) * 1000
        var times: [Double] = []
        for i in 0..<keys {
            terminal.type([i < keys / 2 ? .pageDown : .pageUp])
            let k = Date(); shell.step(); times.append(Date().timeIntervalSince(k) * 1000)
            while shell.isBusy { shell.step(); try await Task.sleep(nanoseconds: 200_000) }
        }
        shell.apply(.back)
        print(String(format: "  audit trail (%d entries): opened %.1f ms; key → frame p50 %.2f ms, p99 %.2f ms [p99 < 16 ms]", entries, opened, pct(times, 50), pct(times, 99)))
    }
}
