import Domain
import GRDB

/// Operating-system accounts mapped to Rapport logins (`rapport user map OSUSER LOGIN`): under
/// the deployment's sudo rule, the account that invoked Rapport is who the user is, as a
/// password would prove. Only a manager maps; every change is audited.
extension AppDatabase {
    public struct OSAccount: Sendable, Equatable {
        public var osUser: String
        public var login: String
    }

    public func mapOSAccount(_ osUser: String, to login: String, by actor: Actor, at now: Int64) throws(StoreError) {
        guard actor.can(.manageUsers) else { throw .forbidden("only a manager maps accounts to logins") }
        guard let os = try AppDatabase.validatedOSAccounts([osUser], field: "os_user").first else {
            throw .invalid(DomainError("an operating-system account is 1–64 letters, digits, '.', '_' or '-', not '\(osUser)'", field: "os_user"))
        }
        try write { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM users WHERE login = ?", arguments: [login]) else {
                throw StoreError.notFound("user '\(login)'")
            }
            let before = try String.fetchOne(db, sql: "SELECT u.login FROM os_accounts a JOIN users u ON u.id = a.user_id WHERE a.os_user = ?", arguments: [os])
            try db.execute(sql: "INSERT INTO os_accounts (os_user, user_id, mapped_at) VALUES (?, ?, ?) ON CONFLICT(os_user) DO UPDATE SET user_id = excluded.user_id, mapped_at = excluded.mapped_at",
                           arguments: [os, id, now])
            try AuditLog.record(db, actor: actor, at: now, action: "user.map", entity: "users", entityId: id,
                                before: before.map { AuditLog.json([("os_user", os), ("login", $0)]) }, after: AuditLog.json([("os_user", os), ("login", login)]))
        }
    }

    public func unmapOSAccount(_ osUser: String, by actor: Actor, at now: Int64) throws(StoreError) {
        guard actor.can(.manageUsers) else { throw .forbidden("only a manager maps accounts to logins") }
        try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT a.user_id, u.login FROM os_accounts a JOIN users u ON u.id = a.user_id WHERE a.os_user = ?", arguments: [osUser]) else {
                throw StoreError.notFound("mapped account '\(osUser)'")
            }
            try db.execute(sql: "DELETE FROM os_accounts WHERE os_user = ?", arguments: [osUser])
            try AuditLog.record(db, actor: actor, at: now, action: "user.unmap", entity: "users", entityId: row[0],
                                before: AuditLog.json([("os_user", osUser), ("login", row[1] as String)]))
        }
    }

    public func osAccounts() throws(StoreError) -> [OSAccount] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT a.os_user, u.login FROM os_accounts a JOIN users u ON u.id = a.user_id ORDER BY a.os_user")
                .map { OSAccount(osUser: $0[0], login: $0[1]) }
        }
    }

    /// The login an operating-system account proved to be (the caller vouches for the account):
    /// the mapped user when active, audited as a login; nil when unmapped or disabled.
    public func authenticate(osAccount osUser: String, at now: Int64) throws(StoreError) -> Actor? {
        try write { db in
            guard let r = try Row.fetchOne(db, sql: """
                SELECT u.id, u.login, u.display_name, u.role FROM os_accounts a JOIN users u ON u.id = a.user_id
                WHERE a.os_user = ? AND u.active = 1
                """, arguments: [osUser]) else {
                try AuditLog.record(db, actor: Actor(userId: 0, login: String(osUser.prefix(64)), displayName: "", role: .salesRep), at: now,
                                    action: "login.failed", entity: "users", entityId: nil, after: AuditLog.json([("reason", "no active login for this account"), ("os_user", osUser)]))
                return nil
            }
            let actor = Actor(userId: r[0], login: r[1], displayName: r[2], role: Role(rawValue: r[3]) ?? .salesRep)
            try AuditLog.record(db, actor: actor, at: now, action: "login", entity: "users", entityId: actor.userId, after: AuditLog.json([("os_user", osUser)]))
            return actor
        }
    }
}
