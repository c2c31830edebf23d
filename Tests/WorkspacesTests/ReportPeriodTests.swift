import Foundation
import TestSupport
import Domain
@testable import Store
import Testing
@testable import Workspaces

/// `:department` opens the team's figures for this month to date; `[` shows the whole month
/// before in its place (not on top), `]` comes back, and never past this month.
@Suite struct ReportPeriodTests {
    let flow = EditorFlowTests()

    @Test func monthsPackIntoTheCardsId() throws {
        let today = try #require(DateOnly(iso: "2026-03-31"))
        #expect(ReportPeriod.range(monthsBack: 0, today: today) == .monthToDate(today))
        #expect(ReportPeriod.range(monthsBack: 1, today: today) == DateRange(from: try #require(DateOnly(iso: "2026-02-01")), to: try #require(DateOnly(iso: "2026-02-28"))))
        #expect(ReportPeriod.range(monthsBack: 3, today: today) == DateRange(from: try #require(DateOnly(iso: "2025-12-01")), to: try #require(DateOnly(iso: "2025-12-31"))))
        let id = ReportPeriod.id(report: 2, monthsBack: 7)
        #expect(ReportPeriod.report(id) == 2 && ReportPeriod.monthsBack(id) == 7)
    }

    @Test func bracketsStepTheDepartmentReportByMonth() throws {
        let db = DemoFixture.make(inMemory: true)
        var (model, runner) = flow.loggedIn("assistant", db)
        _ = model.handle(.openPalette, now: 0)
        for c in "department" { _ = model.handle(.palette(.type(c)), now: 0) }
        var pending = model.handle(.palette(.run), now: 0)
        while !pending.isEmpty { let e = pending.removeFirst(); for a in runner.perform(e, session: model.session) { pending += model.handle(a, now: 0) } }
        let depth = model.stack.count
        guard case .card(let first)? = model.current else { Issue.record("no report"); return }
        #expect(first.ref == RecordRef(.report, Int64(Report.names.firstIndex(of: "team-performance") ?? -1)))
        #expect(model.keyContext().bindings.first { $0.name == "next-tab" }?.applies == false)
        flow.drive(&model, runner, .stepReport(-1))
        guard case .card(let before)? = model.current else { Issue.record("no report"); return }
        #expect(model.stack.count == depth && ReportPeriod.monthsBack(before.ref.id) == 1)
        #expect(before.card?.field("param.from") == .date(try #require(DateOnly(iso: "2026-10-01"))))
        #expect(before.card?.field("param.to") == .date(try #require(DateOnly(iso: "2026-10-31"))))
        // The team's October sales are the October orders' total (cancelled ones aside).
        let october = try db.read { db in try Int64.fetchOne(db, sql: "SELECT SUM(total) FROM sales_orders WHERE order_date BETWEEN '2026-10-01' AND '2026-10-31' AND status <> 'cancelled'") ?? 0 }
        #expect(before.card?.sections.first?.rows.last?[1] == .money(Money(minorUnits: october)))
        flow.drive(&model, runner, .stepReport(1))
        guard case .card(let back)? = model.current else { Issue.record("no report"); return }
        #expect(back.ref == first.ref && model.stack.count == depth)
    }
}
