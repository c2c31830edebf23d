import TestSupport
import Domain
import Foundation
import Store
import Testing
@testable import Workspaces

@Suite struct EffectRunnerTests {
    static let today = DemoFixture.today
    static let db: AppDatabase = DemoFixture.make(seed: 3, inMemory: true)

    @Test func loginThenHomeThroughTheRunner() throws {
        let runner = EffectRunner(database: EffectRunnerTests.db, clock: FixedClock(EffectRunnerTests.today))
        var model = AppModel(today: EffectRunnerTests.today, login: "finance")
        for c in "demo" { _ = model.handle(.login(.type(c)), now: 0) }
        let effects = model.handle(.login(.submit), now: 0)
        var pending = effects
        while !pending.isEmpty {
            let e = pending.removeFirst()
            for a in runner.perform(e, session: model.session) { pending += model.handle(a, now: 0) }
        }
        #expect(model.session?.role == .finance)
        #expect(!model.home.loading)
        #expect(model.home.groups.map(\.kind) == ReminderKind.kinds(for: .finance))
        #expect(model.home.dashboard?.chartTitle == "kpi.aging")
    }

    @Test func wrongPasswordComesBackAsARefusal() {
        let runner = EffectRunner(database: EffectRunnerTests.db, clock: FixedClock(EffectRunnerTests.today))
        let actions = runner.perform(.authenticate(login: "nobody", password: "x"), session: nil)
        #expect(actions == [.login(.result(.refused, now: FixedClock(EffectRunnerTests.today).nowSeconds()))])
    }

    @Test func forbiddenCardsBecomeAToastNotACrash() throws {
        let runner = EffectRunner(database: EffectRunnerTests.db, clock: FixedClock(EffectRunnerTests.today))
        let rep = try #require(try EffectRunnerTests.db.user(login: "rep")).actor
        let other = try EffectRunnerTests.db.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM customers WHERE owner_id <> ? LIMIT 1", arguments: [rep.userId]) ?? 0
        }
        let actions = runner.perform(.loadCard(RecordRef(.customer, other)), session: Session(actor: rep, today: EffectRunnerTests.today))
        guard case .cardFailed(_, let message)? = actions.first else { Issue.record("expected a refusal"); return }
        #expect(message == UserMessage("error.forbidden"))
    }
}
