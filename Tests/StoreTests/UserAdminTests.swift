import Foundation
import GRDB
import Testing
import TestSupport
import Domain
@testable import Store

/// `:users`: a new user's one-time password works once, in the app only; a manager changes a
/// name, role, access or mapped accounts; the last active manager stays one; bad input changes
/// nothing.
@Suite struct UserAdminTests {
    let today = DateOnly(year: 2026, month: 11, day: 22)!
    func manager(_ db: AppDatabase) throws -> Actor {
        let id = try db.addUser(login: "boss", displayName: "王经理", role: .manager, password: "boss-pw", by: .system, at: 0)
        return Actor(userId: id, login: "boss", displayName: "王经理", role: .manager)
    }

    @Test func aOneTimePasswordWorksOnceAndOnlyInTheApp() throws {
        let db = try AppDatabase.inMemory()
        let boss = try manager(db)
        let password = try db.addUser(login: "wangf", UserEdit(displayName: "王芳", role: .salesRep, active: true, osAccounts: ["wangf"]), by: boss, at: 10)
        #expect(password.count == 10 && password.allSatisfy { $0.isLetter || $0.isNumber })
        // The command line refuses it and leaves it good; the app takes it and spends it.
        #expect(try db.authenticate(login: "wangf", password: password, at: 20) == .refused)
        guard case .changePassword(let actor) = try db.authenticate(login: "wangf", password: password, at: 21, oneTimeAllowed: true) else {
            Issue.record("the one-time password did not log in"); return
        }
        #expect(actor.role == .salesRep)
        #expect(try db.authenticate(login: "wangf", password: password, at: 22, oneTimeAllowed: true) == .refused)
        try db.setPassword(login: "wangf", password: "mine-now", by: actor, at: 23)
        guard case .success = try db.authenticate(login: "wangf", password: "mine-now", at: 24) else { Issue.record("own password refused"); return }
        #expect(try db.osAccounts() == [.init(osUser: "wangf", login: "wangf")])
        let actions = try db.auditEntries(entity: "users").map(\.action)
        #expect(actions.contains("user.add") && actions.contains("user.map") && actions.contains("login.one-time") && actions.contains("user.passwd"))
    }

    @Test func aManagerChangesNameRoleAccessAndAccounts() throws {
        let db = try AppDatabase.inMemory()
        let boss = try manager(db)
        _ = try db.addUser(login: "li", UserEdit(displayName: "李娜", role: .salesRep, active: true, osAccounts: ["lina", "li2"]), by: boss, at: 10)
        let id = try #require(try db.user(login: "li")?.id)
        let read = try db.userForEdit(id: id, by: boss, today: today)
        #expect(read.osAccounts == ["li2", "lina"])
        let made = try db.updateUser(id: id, version: read.version, UserEdit(displayName: "李娜 Li Na", role: .finance, active: false, osAccounts: ["lina"], newPassword: true),
                                     by: boss, today: today, at: 11)
        #expect(made != nil)
        let after = try #require(try db.user(login: "li"))
        #expect(after.displayName == "李娜 Li Na" && after.role == .finance && !after.active)
        #expect(try db.osAccounts().map(\.osUser) == ["lina"])
        // A rep's commission rate from today: shown as the one in force, changed from today, audited.
        _ = try db.addUser(login: "zw", UserEdit(displayName: "张伟", role: .salesRep, active: true, osAccounts: []), by: boss, at: 13)
        let zw = try #require(try db.user(login: "zw")?.id)
        let zwForm = try db.userForEdit(id: zw, by: boss, today: today)
        #expect(zwForm.commissionRate != nil)
        var rated = UserEdit(displayName: "张伟", role: .salesRep, active: true, osAccounts: [])
        rated.commissionRate = BasisPoints(450)
        _ = try db.updateUser(id: zw, version: zwForm.version, rated, by: boss, today: today, at: 14)
        #expect(try db.userForEdit(id: zw, by: boss, today: today).commissionRate == BasisPoints(450))
        #expect(try db.userForEdit(id: zw, by: boss, today: today.adding(days: -1)).commissionRate == zwForm.commissionRate)
        #expect(try db.auditEntries(entity: "users").contains { $0.action == "commission.rate" })
        // A stale form is refused.
        #expect(throws: StoreError.self) {
            try db.updateUser(id: id, version: read.version, UserEdit(displayName: "x", role: .finance, active: true, osAccounts: []), by: boss, today: today, at: 12)
        }
        // Only a manager edits users.
        let rep = Actor(userId: id, login: "li", displayName: "", role: .salesRep)
        #expect(throws: StoreError.self) { try db.userForEdit(id: id, by: rep, today: today) }
    }

    @Test func theLastManagerIsNeitherDemotedNorDisabledAndBadInputChangesNothing() throws {
        let db = try AppDatabase.inMemory()
        let boss = try manager(db)
        let read = try db.userForEdit(id: boss.userId, by: boss, today: today)
        for edit in [UserEdit(displayName: "王经理", role: .finance, active: true, osAccounts: []), UserEdit(displayName: "王经理", role: .manager, active: false, osAccounts: [])] {
            do {
                _ = try db.updateUser(id: boss.userId, version: read.version, edit, by: boss, today: today, at: 5)
                Issue.record("the last manager was changed")
            } catch {
                #expect(error.userMessage.key == "error.last-manager")
            }
        }
        for edit in [UserEdit(displayName: "  ", role: .manager, active: true, osAccounts: []), UserEdit(displayName: "王", role: .manager, active: true, osAccounts: ["bad name!"])] {
            #expect(throws: StoreError.self) { try db.updateUser(id: boss.userId, version: read.version, edit, by: boss, today: today, at: 6) }
        }
        #expect(try db.userForEdit(id: boss.userId, by: boss, today: today).version == read.version)
        #expect(try db.user(login: "boss")?.role == .manager)
        // With a second manager, the first may step down.
        _ = try db.addUser(login: "boss2", UserEdit(displayName: "二把手", role: .manager, active: true, osAccounts: []), by: boss, at: 7)
        _ = try db.updateUser(id: boss.userId, version: read.version, UserEdit(displayName: "王", role: .salesRep, active: true, osAccounts: []), by: boss, today: today, at: 8)
        #expect(try db.user(login: "boss")?.role == .salesRep)
    }
}
