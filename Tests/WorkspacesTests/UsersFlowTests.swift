import Domain
import GRDB
@testable import Store
import Testing
import TestSupport
@testable import Workspaces

/// `:users` in the app: `a` adds a user and shows the one-time password once; that user's
/// first login opens "change my password" before anything else.
@Suite struct UsersFlowTests {
    let flow = EditorFlowTests()

    @Test func aNewUserGetsAOneTimePasswordAndSetsTheirOwn() throws {
        let db = DemoFixture.make(inMemory: true)
        var (model, runner) = flow.loggedIn("manager", db)
        flow.palette("users", &model, runner)
        guard case .card(let card)? = model.current else { Issue.record("no users card"); return }
        let users = try db.users().count
        #expect(card.ref.kind == .users)
        #expect(card.card?.sections.first?.rows.count == users)
        flow.drive(&model, runner, .newRecord)
        #expect(flow.editor(model)?.purpose == .newUser)
        flow.type("wangf", &model, runner); flow.key(.next, &model, runner)
        flow.type("王芳", &model, runner)
        flow.key(.save, &model, runner)
        guard case .oneTimePassword(let login, let password)? = model.overlay else { Issue.record("no one-time password shown"); return }
        #expect(login == "wangf" && flow.editor(model) == nil)
        flow.drive(&model, runner, .closeOverlay)
        #expect(model.overlay == nil)
        // The new user logs in with it and is asked for their own first.
        var first = AppModel(today: EditorFlowTests.today, login: "wangf")
        for c in password { _ = first.handle(.login(.type(c)), now: 0) }
        flow.drive(&first, runner, .login(.submit))
        #expect(first.session?.actor.login == "wangf")
        #expect(flow.editor(first)?.purpose == .changePassword && flow.editor(first)?.notice?.key == "user.set-own-password")
        // Leaving the form logs out: the one-time password is spent, nobody is let in without one of their own.
        var escaped = first
        flow.key(.cancel, &escaped, runner)
        #expect(escaped.session == nil && escaped.loginModel.message?.key == "login.password-not-set")
        flow.type("new-pw", &first, runner); flow.key(.next, &first, runner); flow.type("new-pw", &first, runner)
        flow.key(.save, &first, runner)
        #expect(flow.editor(first) == nil && first.toast?.text == "saved.password")
        guard case .success = try db.authenticate(login: "wangf", password: "new-pw", at: 0) else { Issue.record("the new password does not log in"); return }
        // Nobody but the manager has :users.
        var (rep, repRunner) = flow.loggedIn("rep", db)
        flow.palette("users", &rep, repRunner)
        if case .card? = rep.current { Issue.record("a rep opened :users") }
    }
}
