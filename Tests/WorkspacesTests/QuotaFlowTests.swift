import Domain
@testable import Store
import Testing
import TestSupport
@testable import Workspaces

/// `:quotas` in the app: `[` `]` step the year (up to next year); in a rep's year, Ctrl-D copies
/// a month's quota to every month after it, and the save keeps them.
@Suite struct QuotaFlowTests {
    let flow = EditorFlowTests()

    @Test func nextYearsQuotasKeyedOnceAndCopiedDown() throws {
        let db = DemoFixture.make(inMemory: true)
        var (model, runner) = flow.loggedIn("manager", db)
        flow.palette("quotas", &model, runner)
        flow.drive(&model, runner, .stepReport(1))
        guard case .card(let m)? = model.current else { Issue.record("no quotas card"); return }
        let next = Int64(EditorFlowTests.today.year + 1)
        #expect(m.ref == RecordRef(.quotas, next))
        #expect(model.stack.count == 2, "\(model.stack)")
        #expect(model.keyContext().bindings.first { $0.name == "next-tab" }?.unavailable != nil)
        let rep = try #require(m.selectedRef?.id)
        flow.drive(&model, runner, .edit)
        #expect(flow.editor(model)?.purpose == .editQuotas(rep: rep, year: Int(next)))
        flow.key(.next, &model, runner, times: 2)
        flow.type("300000", &model, runner)
        flow.key(.fillDown, &model, runner)
        let e = try #require(flow.editor(model))
        #expect(e.form.fields.map(\.value) == ["", ""] + Array(repeating: "300000", count: 10))
        flow.key(.save, &model, runner)
        #expect(flow.editor(model) == nil)
        let saved = try db.quotaYear(rep: rep, year: Int(next), by: try #require(model.session?.actor))
        #expect(saved.months == [nil, nil] + Array(repeating: Money(minorUnits: 300_000_00), count: 10))
    }
}
