import Foundation
import GRDB
import Testing
import Domain
@testable import Store

@Suite struct UserTests {
    @Test func passwordsAreHashedWithYescrypt() throws {
        let db = try AppDatabase.inMemory()
        _ = try db.addUser(login: "zhang", displayName: "张伟", role: .salesRep, password: "s3cret-密码", by: .system, at: 100)
        let stored = try db.read { db in try String.fetchOne(db, sql: "SELECT password_hash FROM users") ?? "" }
        #expect(stored.hasPrefix("$y$"))
        #expect(!stored.contains("s3cret"))
        let audit = try db.read { db in try String.fetchAll(db, sql: "SELECT coalesce(after, '') FROM audit_log") }
        #expect(!audit.joined().contains("s3cret"))
        guard case .success(let actor) = try db.authenticate(login: "zhang", password: "s3cret-密码", at: 200) else {
            Issue.record("login refused"); return
        }
        #expect(actor.role == .salesRep)
        #expect(actor.displayName == "张伟")
    }

    @Test func threeWrongPasswordsMakeYouWait() throws {
        let db = try AppDatabase.inMemory()
        _ = try db.addUser(login: "li", displayName: "", role: .finance, password: "right", by: .system, at: 0)
        #expect(try db.authenticate(login: "li", password: "wrong", at: 1000) == .refused(attemptsLeft: 2))
        #expect(try db.authenticate(login: "li", password: "wrong", at: 1001) == .refused(attemptsLeft: 1))
        #expect(try db.authenticate(login: "li", password: "wrong", at: 1002) == .locked(untilSeconds: 1032))
        #expect(try db.authenticate(login: "li", password: "right", at: 1010) == .locked(untilSeconds: 1032))
        guard case .success = try db.authenticate(login: "li", password: "right", at: 1033) else { Issue.record("not unlocked"); return }
        let actions = try db.auditEntries(entity: "users").map(\.action)
        #expect(actions.filter { $0 == "login.failed" }.count == 3)
        #expect(actions.contains("login"))
    }

    @Test func unknownUsersAndDisabledUsersAreRefusedAlike() throws {
        let db = try AppDatabase.inMemory()
        _ = try db.addUser(login: "gone", displayName: "", role: .purchasing, password: "pw12", by: .system, at: 0)
        try db.setActive(login: "gone", active: false, by: .system, at: 5)
        #expect(try db.authenticate(login: "gone", password: "pw12", at: 10) == .refused(attemptsLeft: 2))
        #expect(try db.authenticate(login: "nobody", password: "pw12", at: 10) == .refused(attemptsLeft: 3))
        #expect(try db.users().first?.active == false)
    }

    @Test func badUserInputChangesNothing() throws {
        let db = try AppDatabase.inMemory()
        _ = try db.addUser(login: "a", displayName: "", role: .manager, password: "pass", by: .system, at: 0)
        let rep = Actor(userId: 9, login: "r", displayName: "r", role: .salesRep)
        #expect(throws: StoreError.invalid(DomainError("user 'a' already exists", field: "login"))) {
            try db.addUser(login: "a", displayName: "", role: .manager, password: "pass", by: .system, at: 0)
        }
        #expect(throws: StoreError.self) { try db.addUser(login: "bad login!", displayName: "", role: .manager, password: "pass", by: .system, at: 0) }
        #expect(throws: StoreError.self) { try db.addUser(login: "b", displayName: "", role: .manager, password: "x", by: .system, at: 0) }
        #expect(throws: StoreError.forbidden("only a manager adds users")) { try db.addUser(login: "c", displayName: "", role: .manager, password: "pass", by: rep, at: 0) }
        #expect(try db.users().count == 1)
        #expect(try db.auditEntries().count == 1)
    }

    @Test func settingsAreValidatedAndAudited() throws {
        let db = try AppDatabase.inMemory()
        var s = try db.settings()
        s.dormantDays = 60
        try db.saveSettings(s, by: .system, at: 1)
        #expect(try db.settings().dormantDays == 60)
        s.agingBounds = [60, 30]
        #expect(throws: StoreError.self) { try db.saveSettings(s, by: .system, at: 2) }
        #expect(try db.settings().agingBounds == [30, 60, 90, 180])
        #expect(try db.auditEntries(entity: "company_settings").count == 1)
    }
}
