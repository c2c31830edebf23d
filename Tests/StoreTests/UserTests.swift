import Foundation
import GRDB
import Testing
import TestSupport
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
        #expect(try db.authenticate(login: "li", password: "wrong", at: 1000) == .refused)
        #expect(try db.authenticate(login: "li", password: "wrong", at: 1001) == .refused)
        #expect(try db.authenticate(login: "li", password: "wrong", at: 1002) == .refused)
        // Locked: even the right password is refused, with the same answer as a wrong one.
        #expect(try db.authenticate(login: "li", password: "right", at: 1010) == .refused)
        guard case .success = try db.authenticate(login: "li", password: "right", at: 1033) else { Issue.record("not unlocked"); return }
        let actions = try db.auditEntries(entity: "users").map(\.action)
        #expect(actions.filter { $0 == "login.failed" }.count == 4)
        #expect(actions.contains("login"))
    }

    @Test func unknownUsersAndDisabledUsersAreRefusedAlike() throws {
        let db = try AppDatabase.inMemory()
        _ = try db.addUser(login: "gone", displayName: "", role: .purchasing, password: "pw12", by: .system, at: 0)
        try db.setActive(login: "gone", active: false, by: .system, at: 5)
        #expect(try db.authenticate(login: "gone", password: "pw12", at: 10) == .refused)
        #expect(try db.authenticate(login: "nobody", password: "pw12", at: 10) == .refused)
        // The unknown login is audited, without the password typed.
        let audit = try db.auditEntries(entity: "users")
        #expect(audit.contains { $0.action == "login.failed" && $0.entityId == nil })
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
        try db.saveSettings(s, by: .system, today: Fixtures.today, at: 1)
        #expect(try db.settings().dormantDays == 60)
        s.agingBounds = [60, 30]
        #expect(throws: StoreError.self) { try db.saveSettings(s, by: .system, today: Fixtures.today, at: 2) }
        #expect(try db.settings().agingBounds == [30, 60, 90, 180])
        #expect(try db.auditEntries(entity: "company_settings").count == 1)
    }
}

@Suite struct LoginRaceTests {
    @Test func parallelWrongAttemptsEachCountAndLock() throws {
        let first = DemoFixture.make()
        let second = try AppDatabase.open(path: first.path, create: false)
        DispatchQueue.concurrentPerform(iterations: 12) { i in
            _ = try? (i % 2 == 0 ? first : second).authenticate(login: "rep", password: "wrong-\(i)", at: 5_000)
        }
        let failed = try first.read { db in try Int64.fetchOne(db, sql: "SELECT failed_logins FROM users WHERE login = 'rep'") }
        let locked = try first.read { db in try Int64.fetchOne(db, sql: "SELECT locked_until FROM users WHERE login = 'rep'") }
        #expect(failed == 12)
        #expect((locked ?? 0) > 5_000)
        #expect(try first.authenticate(login: "rep", password: "demo", at: 5_001) == .refused)
    }

    /// The shared-host deployment: an operating-system account the manager mapped is its login;
    /// an unmapped account, or one whose user is disabled, is nobody (and the attempt is audited).
    @Test func mappedOperatingSystemAccountsStandForTheirLogins() throws {
        let db = try AppDatabase.inMemory()
        _ = try db.addUser(login: "boss", displayName: "", role: .manager, password: "b0ss", by: .system, at: 0)
        _ = try db.addUser(login: "zhang", displayName: "张伟", role: .salesRep, password: "s3cret", by: .system, at: 0)
        guard case .success(let boss) = try db.authenticate(login: "boss", password: "b0ss", at: 1),
              case .success(let zhang) = try db.authenticate(login: "zhang", password: "s3cret", at: 1) else { Issue.record("login refused"); return }
        #expect(throws: StoreError.forbidden("only a manager maps accounts to logins")) { try db.mapOSAccount("zw", to: "zhang", by: zhang, at: 2) }
        #expect(throws: StoreError.invalid(DomainError("an operating-system account is 1–64 letters, digits, '.', '_' or '-', not 'a b'", field: "os_user"))) {
            try db.mapOSAccount("a b", to: "zhang", by: boss, at: 2)
        }
        #expect(try db.authenticate(osAccount: "zw", at: 3) == nil)
        try db.mapOSAccount("zw", to: "zhang", by: boss, at: 4)
        #expect(try db.osAccounts() == [AppDatabase.OSAccount(osUser: "zw", login: "zhang")])
        #expect(try db.authenticate(osAccount: "zw", at: 5) == zhang)
        try db.setActive(login: "zhang", active: false, by: boss, at: 6)
        #expect(try db.authenticate(osAccount: "zw", at: 7) == nil)
        try db.setActive(login: "zhang", active: true, by: boss, at: 8)
        try db.unmapOSAccount("zw", by: boss, at: 9)
        #expect(try db.authenticate(osAccount: "zw", at: 10) == nil)
        let actions = try db.read { db in try String.fetchAll(db, sql: "SELECT action FROM audit_log WHERE at >= 3 ORDER BY id") }
        #expect(actions == ["login.failed", "user.map", "login", "user.disable", "login.failed", "user.enable", "user.unmap", "login.failed"])
    }
}
