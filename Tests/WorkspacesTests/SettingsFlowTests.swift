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

    /// Each rep's commission rate and a new expense category are set on the same form, in one
    /// save: a changed rate applies from today (the days before keep theirs), as does a new
    /// company rate; a bad rate or an existing category is refused beside its field with
    /// nothing written.
    @Test func repRatesTheCompanyRateAndANewCategorySavedTogether() throws {
        let db = DemoFixture.make(inMemory: true)
        let today = DemoFixture.today, yesterday = today.adding(days: -1)
        let manager = try #require(try db.user(login: "manager")).actor
        let extras = try db.settingsExtras(by: manager, today: today)
        let rep = try #require(extras.reps.first { $0.rate.value == 350 }), other = try #require(extras.reps.first { $0.rate.value == 300 })
        var (model, runner) = flow.loggedIn("manager", db)
        flow.palette("settings", &model, runner)
        let e = try #require(flow.editor(model))
        #expect(e.value("rate.\(rep.id)") == "3.5" && e.value("rate.\(other.id)") == "3" && e.value("new_category").isEmpty)
        func rate(_ id: Int64, on day: DateOnly) throws -> Int64 {
            try db.read { db in try AppDatabase.commissionRate(db, rep: id, on: day, settings: try AppDatabase.settings(db)) }
        }
        let categories = try db.expenseCategories()
        func audited() throws -> Int {
            try db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log WHERE action IN ('commission.rate', 'expense_category.add', 'settings.save')") ?? 0 }
        }
        let auditedBefore = try audited()
        // A rate over 100 %: refused beside it; and nothing else of the form written.
        focus("rate.\(rep.id)", &model, runner)
        flow.key(.clear, &model, runner); flow.type("120", &model, runner)
        focus("new_category", &model, runner)
        flow.type("展会 Trade fairs", &model, runner)
        flow.key(.save, &model, runner)
        #expect(flow.editor(model)?.form.fields.first { $0.key == "rate.\(rep.id)" }?.error != nil)
        #expect(try db.expenseCategories() == categories && rate(rep.id, on: today) == 350)
        // An existing category: refused beside it.
        focus("rate.\(rep.id)", &model, runner)
        flow.key(.clear, &model, runner); flow.type("4", &model, runner)
        focus("new_category", &model, runner)
        flow.key(.clear, &model, runner); flow.type(" " + (try #require(categories.first)).uppercased() + " ", &model, runner)
        flow.key(.save, &model, runner)
        #expect(flow.editor(model)?.form.fields.first { $0.key == "new_category" }?.error != nil)
        #expect(try rate(rep.id, on: today) == 350)
        // Fixed, with the company's rate changed too: all saved at once.
        flow.key(.clear, &model, runner); flow.type("展会 Trade fairs", &model, runner)
        focus("commission", &model, runner)
        flow.key(.clear, &model, runner); flow.type("2.5", &model, runner)
        flow.key(.save, &model, runner)
        #expect(flow.editor(model) == nil)
        #expect(try rate(rep.id, on: today) == 400 && rate(rep.id, on: yesterday) == 350)
        #expect(try rate(other.id, on: today) == 250 && rate(other.id, on: yesterday) == 300)
        #expect(try db.expenseCategories() == categories + ["展会 Trade fairs"])
        #expect(try audited() == auditedBefore + 3)
        // This month's commission: the old rate up to yesterday, the new one from today — the
        // same on "My performance", the team's figures (:commissions) and the KPIs.
        let month = DateRange(from: today.startOfMonth, to: today)
        let (before, on) = try db.read { db in
            (try AppDatabase.collections(db, DateRange(from: month.from, to: yesterday), rep: rep.id), try AppDatabase.collections(db, DateRange(from: today, to: today), rep: rep.id))
        }
        #expect(!before.isZero)
        let want = KPI.commission(base: before, rateBasisPoints: 350) + KPI.commission(base: on, rateBasisPoints: 400)
        #expect(try db.read { db in try AppDatabase.repPerformance(db, rep: rep.id, period: month) }.commission == want)
        #expect(try db.read { db in try AppDatabase.teamFigures(db, month) }.first { $0.rep == rep.id }?.figures.commission == want)
        let kpi = try db.report(ReportRequest(name: "kpi", period: month, rep: rep.id), for: manager)
        #expect(kpi.rows.first { $0.first == .status("kpi.commission") }?[1] == .money(want))
    }
}
