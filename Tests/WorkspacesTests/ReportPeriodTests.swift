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
        #expect(ReportPeriod.report(id) == 2 && ReportPeriod.span(id) == .month(back: 7))
        // Any from–to range, and its steps: the same length before and after, never past today.
        let q1 = DateRange(from: try #require(DateOnly(iso: "2025-01-01")), to: try #require(DateOnly(iso: "2025-03-31")))
        let custom = ReportPeriod.id(report: 1, range: q1)
        #expect(ReportPeriod.report(custom) == 1 && ReportPeriod.range(custom, today: today) == q1)
        let before = try #require(ReportPeriod.step(custom, by: -1, today: today))
        // Whole months step by as many months: the quarter before, the quarter after.
        #expect(ReportPeriod.range(before, today: today) == DateRange(from: try #require(DateOnly(iso: "2024-10-01")), to: try #require(DateOnly(iso: "2024-12-31"))))
        let after = try #require(ReportPeriod.step(custom, by: 1, today: today))
        #expect(ReportPeriod.range(after, today: today) == DateRange(from: try #require(DateOnly(iso: "2025-04-01")), to: try #require(DateOnly(iso: "2025-06-30"))))
        // Any other range by its own length.
        let days = DateRange(from: try #require(DateOnly(iso: "2025-01-10")), to: try #require(DateOnly(iso: "2025-01-19")))
        let odd = try #require(ReportPeriod.step(ReportPeriod.id(report: 1, range: days), by: -1, today: today))
        #expect(ReportPeriod.range(odd, today: today) == days.previous)
        #expect(ReportPeriod.step(ReportPeriod.id(report: 1, monthsBack: 0), by: 1, today: today) == nil)
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
        #expect(model.stack.count == depth && ReportPeriod.span(before.ref.id) == .month(back: 1))
        #expect(before.card?.field("param.from") == .date(try #require(DateOnly(iso: "2026-10-01"))))
        #expect(before.card?.field("param.to") == .date(try #require(DateOnly(iso: "2026-10-31"))))
        // The team's October sales are the October orders' total (cancelled ones aside).
        let october = try db.read { db in try Int64.fetchOne(db, sql: "SELECT SUM(total) FROM sales_orders WHERE order_date BETWEEN '2026-10-01' AND '2026-10-31' AND status <> 'cancelled'") ?? 0 }
        #expect(before.card?.sections.first?.rows.last?[1] == .money(Money(minorUnits: october)))
        flow.drive(&model, runner, .stepReport(1))
        guard case .card(let back)? = model.current else { Issue.record("no report"); return }
        #expect(back.ref == first.ref && model.stack.count == depth)
    }

    /// `f` on the department report: a from–to form; a range that ends before it starts is
    /// refused beside "to"; a whole year opens in the card's place, its title saying so.
    @Test func anyPeriodFromTheForm() throws {
        let db = DemoFixture.make(inMemory: true)
        var (model, runner) = flow.loggedIn("assistant", db)
        let index = Int64(Report.names.firstIndex(of: "team-performance") ?? -1)
        flow.drive(&model, runner, .open(RecordRef(.report, index)))
        let depth = model.stack.count
        flow.drive(&model, runner, .filter)
        #expect(flow.editor(model)?.purpose == .reportPeriod(index, section: ""))
        flow.key(.clear, &model, runner); flow.type("2026-06-30", &model, runner); flow.key(.enter, &model, runner)
        flow.key(.clear, &model, runner); flow.type("2026-01-01", &model, runner); flow.key(.enter, &model, runner)
        #expect(flow.editor(model)?.form.fields.first { $0.key == "to" }?.error?.key == "error.before")
        flow.key(.clear, &model, runner); flow.type("2026-12-31", &model, runner)
        flow.key(.clear, &model, runner)
        flow.type("2026-12-31", &model, runner); flow.key(.save, &model, runner)
        guard case .card(let year)? = model.current else { Issue.record("no report"); return }
        let range = DateRange(from: try #require(DateOnly(iso: "2026-06-30")), to: try #require(DateOnly(iso: "2026-12-31")))
        #expect(year.ref == RecordRef(.report, ReportPeriod.id(report: Int(index), range: range)) && model.stack.count == depth)
        #expect(year.card?.field("param.from") == .date(range.from) && year.card?.field("param.to") == .date(range.to))
    }
}

/// The aging on screen: `s` steps through its sorts (a bucket, the credit, the name, its own
/// order), `f` narrows it to one rep's customers as of a day, and `[` keeps both.
@Suite struct AgingViewTests {
    let flow = EditorFlowTests()

    func money(_ v: CellValue?) -> Int64 { if case .money(let m)? = v { m.minorUnits } else { 0 } }

    @Test func sortByABucketAndNarrowToOneRep() throws {
        let db = DemoFixture.make(inMemory: true)
        var (model, runner) = flow.loggedIn("finance", db)
        let index = Int64(Report.names.firstIndex(of: "aging") ?? -1)
        flow.drive(&model, runner, .open(RecordRef(.report, index)))
        guard case .card(let shown)? = model.current, let count = shown.card?.sortCount else { Issue.record("no aging"); return }
        #expect(count == 9 && model.keyContext().bindings.contains { $0.name == "sort" && $0.applies })
        // First: by the not-due bucket, largest first.
        flow.drive(&model, runner, .sort)
        guard case .card(let sorted)? = model.current, let table = sorted.card?.sections.first else { Issue.record("no aging"); return }
        #expect(sorted.card?.field("param.sorted-by") == .status("aging.not-due"))
        let notDue = table.rows.dropLast().map { money($0[1]) }
        #expect(notDue == notDue.sorted(by: >) && notDue.count > 1)
        // By the name, after the buckets and the credit.
        for _ in 0..<7 { flow.drive(&model, runner, .sort) }
        guard case .card(let byName)? = model.current else { Issue.record("no aging"); return }
        #expect(byName.card?.field("param.sorted-by") == .status("col.customer"))
        // `f`: as of the end of October, for rep's customers only.
        flow.drive(&model, runner, .filter)
        guard case .editor(var form)? = model.stack.last, let i = form.form.fields.firstIndex(where: { $0.key == "rep" }) else { Issue.record("no rep field"); return }
        let rep = try #require(try db.user(login: "rep"))
        form.form.fields[i].value = String(rep.id)
        form.form.fields[0].value = "2026-10-31"
        model.stack[model.stack.count - 1] = .editor(form)
        flow.key(.save, &model, runner)
        guard case .card(let mine)? = model.current else { Issue.record("no aging"); return }
        #expect(ReportPeriod.view(mine.ref.id) == ReportPeriod.View(sort: 8, rep: rep.id))
        let october = try #require(DateOnly(iso: "2026-10-31")), september = try #require(DateOnly(iso: "2026-09-30"))
        #expect(mine.card?.field("param.rep") == .text(rep.displayName) && mine.card?.field("param.as-of") == .date(october))
        let customers = try db.read { db in Set(try Int64.fetchAll(db, sql: "SELECT id FROM customers WHERE owner_id = ?", arguments: [rep.id])) }
        let refs = mine.card?.sections.first?.refs.compactMap { $0?.id } ?? []
        #expect(!refs.isEmpty && refs.allSatisfy(customers.contains))
        // A month end before: the same rep, the same sort.
        flow.drive(&model, runner, .stepReport(-1))
        guard case .card(let previous)? = model.current else { Issue.record("no aging"); return }
        #expect(ReportPeriod.view(previous.ref.id) == ReportPeriod.View(sort: 8, rep: rep.id))
        #expect(previous.card?.field("param.as-of") == .date(september))
    }

    /// The aging's tabs show the same customers' columns: moving between them keeps the row.
    /// `d` on a receipt in the receipts-and-payments list opens its void form.
    @Test func tabsKeepTheRowAndAListRowIsVoided() throws {
        let db = DemoFixture.make(inMemory: true)
        var (model, runner) = flow.loggedIn("finance", db)
        flow.drive(&model, runner, .open(RecordRef(.report, Int64(Report.names.firstIndex(of: "aging") ?? -1))))
        flow.drive(&model, runner, .card(.showTab(1)))
        for _ in 0..<3 { flow.drive(&model, runner, .card(.move(.down))) }
        guard case .card(let before)? = model.current else { Issue.record("no aging"); return }
        flow.drive(&model, runner, .card(.showTab(2)))
        guard case .card(let after)? = model.current else { Issue.record("no aging"); return }
        #expect(before.selectedRow == 3 && after.selectedRow == 3 && after.selectedRef == before.selectedRef, "\(before.tab) \(before.selectedRow) \(after.tab) \(after.selectedRow)")
        flow.palette("money", &model, runner)
        flow.drive(&model, runner, .list(.setFilter(["side": "in", "status": "posted"], labels: [:])))
        #expect(model.keyContext().bindings.contains { $0.name == "delete" && $0.applies })
        flow.drive(&model, runner, .document(.void))
        guard case .voidDocument(let ref, let number)? = flow.editor(model)?.purpose else { Issue.record("no void form"); return }
        #expect(ref.kind == .receipt && number.hasPrefix("RC-"))
    }
}
