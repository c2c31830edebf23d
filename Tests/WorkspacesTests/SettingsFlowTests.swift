import Domain
import GRDB
@testable import Store
import Testing
import TestSupport
@testable import Workspaces

/// `:settings` (the manager's): every setting as `rapport settings set` types it; a value out of
/// range refused beside its field with nothing written; a good one saved and audited.
@Suite struct SettingsFlowTests {
    let flow = EditorFlowTests()

    func focus(_ key: String, _ model: inout AppModel, _ runner: EffectRunner) {
        guard var e = flow.editor(model), let i = e.form.fields.firstIndex(where: { $0.key == key }) else { return }
        e.form.focus = i
        model.stack[model.stack.count - 1] = .editor(e)
    }

    @Test func aBadValueIsRefusedBesideItsFieldAndAGoodOneSaved() throws {
        let db = DemoFixture.make(inMemory: true)
        let before = try db.settings()
        var (model, runner) = flow.loggedIn("manager", db)
        flow.palette("settings", &model, runner)
        var e = try #require(flow.editor(model))
        #expect(e.purpose == .editSettings && e.value("dormant_days") == String(before.dormantDays) && e.value("aging_bounds") == "30,60,90,180")
        // A dormant period of zero: refused beside it, nothing written.
        focus("dormant_days", &model, runner)
        flow.key(.clear, &model, runner); flow.type("0", &model, runner)
        flow.key(.save, &model, runner)
        e = try #require(flow.editor(model))
        #expect(e.form.fields.first { $0.key == "dormant_days" }?.error != nil)
        #expect(try db.settings() == before)
        // Buckets that do not rise: refused beside them.
        flow.key(.clear, &model, runner); flow.type("60", &model, runner)
        focus("aging_bounds", &model, runner)
        flow.key(.clear, &model, runner); flow.type("30,20", &model, runner)
        flow.key(.save, &model, runner)
        e = try #require(flow.editor(model))
        #expect(e.form.fields.first { $0.key == "aging_bounds" }?.error != nil)
        #expect(try db.settings() == before)
        // Fixed: saved, audited, the form closed.
        flow.key(.clear, &model, runner); flow.type("30,60,120", &model, runner)
        flow.key(.save, &model, runner)
        #expect(flow.editor(model) == nil)
        let after = try db.settings()
        #expect(after.dormantDays == 60 && after.agingBounds == [30, 60, 120])
        #expect(try db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log WHERE action = 'settings.save' AND login = 'manager'") } == 1)
        // Nobody else is offered it.
        var (other, otherRunner) = flow.loggedIn("finance", db)
        flow.palette("settings", &other, otherRunner)
        #expect(flow.editor(other) == nil)
    }
}
