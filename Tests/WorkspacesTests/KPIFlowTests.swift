import Domain
@testable import Store
import Testing
import TestSupport
@testable import Workspaces

/// `:kpi` and `:kpi-reps` in the app: `?` on a KPI shows its formula and inputs; `s` on the
/// per-rep table sorts by the next column of the tab in view; Enter on a rep opens their KPIs.
@Suite struct KPIFlowTests {
    let flow = EditorFlowTests()

    func card(_ model: AppModel) -> CardViewModel? { if case .card(let m)? = model.current { m } else { nil } }

    @Test func questionMarkOnAKPIExplainsIt() throws {
        let db = DemoFixture.make(inMemory: true)
        var (model, runner) = flow.loggedIn("manager", db)
        flow.palette("kpi", &model, runner)
        let m = try #require(card(model))
        #expect(m.currentSection?.title == "title.kpi" && m.selectedExplanation != nil)
        #expect(model.keyContext().bindings.first { $0.name == "help" }?.action == .explain)
        flow.drive(&model, runner, .explain)
        guard case .explanation(let title, _, let e)? = model.overlay else { Issue.record("no explanation"); return }
        #expect(title == "kpi.sales" && e.formula == "formula.sales")
        // `?` again there is the help.
        flow.drive(&model, runner, .showHelp)
        #expect(model.overlay == .help)
    }

    @Test func aRepEditsTheirOpportunityFromTheList() throws {
        let db = DemoFixture.make(inMemory: true)
        var (model, runner) = flow.loggedIn("rep", db)
        flow.palette("opportunities", &model, runner)
        guard case .list(let m)? = model.current else { Issue.record("no list"); return }
        #expect(m.kind == .opportunities && !m.rows.isEmpty)
        #expect(model.keyContext().bindings.contains { $0.name == "edit" })
        flow.drive(&model, runner, .edit)
        let e = try #require(flow.editor(model))
        #expect(e.title == "editor.edit-opportunity" && e.subject == m.rows[0].cells[1].plainText)
    }

    @Test func steppingThePeriodKeepsTheRowInView() throws {
        let db = DemoFixture.make(inMemory: true)
        var (model, runner) = flow.loggedIn("manager", db)
        flow.palette("kpi", &model, runner)
        for _ in 0..<5 { flow.drive(&model, runner, .card(.move(.down))) }
        let before = try #require(card(model))
        flow.drive(&model, runner, .stepReport(-1))
        let after = try #require(card(model))
        #expect(after.ref != before.ref && after.selectedRow == 5 && after.currentSection?.title == "title.kpi")
    }

    @Test func thePerRepTableSortsByTheTabsColumnsAndOpensARep() throws {
        let db = DemoFixture.make(inMemory: true)
        var (model, runner) = flow.loggedIn("manager", db)
        flow.palette("kpi-reps", &model, runner)
        var m = try #require(card(model))
        #expect(m.currentSection?.title == "kpi.tab-sales")
        flow.drive(&model, runner, .sort)
        m = try #require(card(model))
        #expect(m.card?.field("param.sorted-by") == .status("kpi.sales") && m.currentSection?.title == "kpi.tab-sales")
        for _ in 0..<4 { flow.drive(&model, runner, .sort) }
        m = try #require(card(model))
        // Past the tab's last column: the report's own order again.
        #expect(m.card?.field("param.sorted-by") == nil)
        flow.drive(&model, runner, .openInCard)
        let rep = try #require(card(model))
        #expect(rep.ref.kind == .report && Report.names[ReportPeriod.report(rep.ref.id)] == "kpi" && ReportPeriod.view(rep.ref.id).rep != nil)
        #expect(rep.currentSection?.title == "title.kpi")
    }
}

/// `[` pressed three times before the first month arrives still steps three months.
@Suite struct ReportStepTests {
    @Test func quickStepsEachCount() throws {
        let db = DemoFixture.make(inMemory: true)
        let flow = EditorFlowTests()
        var (model, runner) = flow.loggedIn("manager", db)
        flow.palette("kpi", &model, runner)
        guard case .card(let shown)? = model.current else { Issue.record("no card"); return }
        // Three steps asked before any is read; then their cards arrive.
        var pending: [Effect] = []
        for _ in 0..<3 { pending += model.handle(.stepReport(-1), now: 0) }
        for e in pending { for a in runner.perform(e, session: model.session) { _ = model.handle(a, now: 0) } }
        guard case .card(let now)? = model.current else { Issue.record("no card"); return }
        #expect(now.ref.id == ReportPeriod.id(report: ReportPeriod.report(shown.ref.id), monthsBack: 3))
        #expect(model.stack.count == 2)
    }
}
