import Domain
import GRDB

/// A user as `:users` edits them: name, role, whether they may log in, the operating-system
/// accounts that log in as them, and whether a new one-time password is made.
public struct UserEdit: Sendable, Equatable {
    public var displayName: String
    public var role: Role
    public var active: Bool
    public var osAccounts: [String]
    public var newPassword: Bool
    /// A rep's commission rate from today (nil: as it is).
    public var commissionRate: BasisPoints?
    public init(displayName: String, role: Role, active: Bool, osAccounts: [String], newPassword: Bool = false, commissionRate: BasisPoints? = nil) {
        self.displayName = displayName; self.role = role; self.active = active; self.osAccounts = osAccounts; self.newPassword = newPassword
        self.commissionRate = commissionRate
    }
}

/// A user as the edit form starts: their account, mapped accounts, version, and a rep's
/// commission rate in force today (their own, or the company's).
public struct UserForm: Sendable, Equatable {
    public var account: UserAccount
    public var osAccounts: [String]
    public var version: Int64
    public var commissionRate: BasisPoints?
}

/// The manager's user administration (`:users`): add a user with a one-time password, change
/// a name, role, access or mapped accounts, make a new one-time password. The company keeps an
/// active manager; every change is audited.
extension AppDatabase {
    /// Ten letters and digits, none that read alike (no 0/O, 1/l/I), from the system's CSPRNG.
    static func oneTimePassword() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<10).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }

    /// A new user who logs in once with the password returned (shown once), then sets their own.
    public func addUser(login: String, _ edit: UserEdit, by actor: Actor, at now: Int64) throws(StoreError) -> String {
        let password = AppDatabase.oneTimePassword()
        let name = edit.displayName.trimmingSpaces()
        guard !name.isEmpty else { throw .invalid(DomainError("name is required", field: "name")) }
        try addUser(login: login, displayName: name, role: edit.role, password: password, oneTime: true, osAccounts: edit.osAccounts, by: actor, at: now)
        return password
    }

    /// The user as the form starts: their values and version.
    public func userForEdit(id: Int64, by actor: Actor, today: DateOnly) throws(StoreError) -> UserForm {
        guard actor.can(.manageUsers) else { throw .forbidden("only a manager edits users") }
        return try read { db in
            guard let r = try Row.fetchOne(db, sql: "SELECT id, login, display_name, role, active, version FROM users WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound("user \(id)")
            }
            let os = try String.fetchAll(db, sql: "SELECT os_user FROM os_accounts WHERE user_id = ? ORDER BY os_user", arguments: [id])
            let user = AppDatabase.user(r)
            let rate = user.role == .salesRep ? BasisPoints(try AppDatabase.commissionRate(db, rep: id, on: today, settings: try AppDatabase.settings(db))) : nil
            return UserForm(account: user, osAccounts: os, version: r[5], commissionRate: rate)
        }
    }

    /// Saves a user's changes; returns the new one-time password when one was asked for.
    public func updateUser(id: Int64, version: Int64, _ edit: UserEdit, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) -> String? {
        guard actor.can(.manageUsers) else { throw .forbidden("only a manager edits users") }
        let name = edit.displayName.trimmingSpaces()
        guard !name.isEmpty else { throw .invalid(DomainError("name is required", field: "name")) }
        let accounts = try AppDatabase.validatedOSAccounts(edit.osAccounts)
        let password = edit.newPassword ? AppDatabase.oneTimePassword() : nil
        let hash = try password.map { p throws(StoreError) in try PasswordHasher.hash(p) }
        try write { db in
            guard let r = try Row.fetchOne(db, sql: "SELECT login, display_name, role, active, version FROM users WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound("user \(id)")
            }
            let login: String = r[0]
            guard r[4] as Int64 == version else { throw StoreError.conflict("\(login) was changed by someone else meanwhile; open it again") }
            // The company always keeps an active manager.
            if r[2] as String == Role.manager.rawValue, r[3] as Bool, edit.role != .manager || !edit.active,
               try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM users WHERE role = 'manager' AND active = 1 AND id <> ?", arguments: [id]) == 0 {
                throw StoreError.invalid(DomainError("\(login) is the last active manager and cannot be disabled or given another role",
                                                     field: edit.active ? "role" : "active", code: "error.last-manager", login))
            }
            try db.execute(sql: "UPDATE users SET display_name = ?, role = ?, active = ?, version = version + 1 WHERE id = ?", arguments: [name, edit.role.rawValue, edit.active, id])
            // A new one-time password starts afresh: no failures counted, no lock.
            if let hash {
                try db.execute(sql: "UPDATE users SET password_hash = ?, password_once = 1, failed_logins = 0, locked_until = 0 WHERE id = ?", arguments: [hash, id])
            }
            try AuditLog.record(db, actor: actor, at: now, action: "user.edit", entity: "users", entityId: id,
                                before: AuditLog.json([("display_name", r[1] as String), ("role", r[2] as String), ("active", (r[3] as Bool) ? "1" : "0")]),
                                after: AuditLog.json([("display_name", name), ("role", edit.role.rawValue), ("active", edit.active ? "1" : "0")]
                                                     + (password == nil ? [] : [("password", "one-time password made")])))
            try AppDatabase.replaceOSAccounts(db, of: id, with: accounts, by: actor, at: now)
            if let rate = edit.commissionRate, edit.role == .salesRep { try AppDatabase.setCommissionRate(db, rep: id, to: rate, by: actor, today: today, at: now) }
        }
        return password
    }

    /// A rep's own commission rate from today, when it differs from the one in force (a rate
    /// already set today is replaced); audited.
    static func setCommissionRate(_ db: Database, rep: Int64, to rate: BasisPoints, field: String = "commission", by actor: Actor, today: DateOnly, at now: Int64) throws {
        guard (0...10_000).contains(rate.value) else {
            throw StoreError.invalid(DomainError("a commission rate is 0–100 %", field: field, code: "error.percent-range", rate.plain))
        }
        let current = try commissionRate(db, rep: rep, on: today, settings: try settings(db))
        guard current != rate.value else { return }
        try writeCommissionRate(db, rep: rep, rateBasisPoints: rate.value, from: today)
        try AuditLog.record(db, actor: actor, at: now, action: "commission.rate", entity: "users", entityId: rep,
                            before: AuditLog.json([("rate_bp", String(current))]), after: AuditLog.json([("rate_bp", String(rate.value)), ("effective_from", today.iso)]))
    }

    /// A rep's rate (nil: the company's) in force from `day`, replacing one set that same day.
    static func writeCommissionRate(_ db: Database, rep: Int64?, rateBasisPoints: Int64, from day: DateOnly) throws {
        try db.execute(sql: "DELETE FROM commission_rates WHERE rep_id IS ? AND effective_from = ?", arguments: [rep, day.iso])
        try db.execute(sql: "INSERT INTO commission_rates (rep_id, rate_bp, effective_from) VALUES (?, ?, ?)", arguments: [rep, rateBasisPoints, day.iso])
    }

    /// Operating-system account names, checked, blanks and repeats dropped.
    static func validatedOSAccounts(_ accounts: [String], field: String = "os_accounts") throws(StoreError) -> [String] {
        var wanted: [String] = []
        for raw in accounts.map({ $0.trimmingSpaces() }) where !raw.isEmpty && !wanted.contains(raw) {
            guard raw.count <= 64, raw.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) else {
                throw .invalid(DomainError("an operating-system account is 1–64 letters, digits, '.', '_' or '-', not '\(raw)'", field: field))
            }
            wanted.append(raw)
        }
        return wanted
    }

    /// Maps exactly these operating-system accounts to the user (an account mapped to another
    /// login moves here), each change audited as `rapport user map` / `unmap` audit them.
    static func replaceOSAccounts(_ db: Database, of id: Int64, with wanted: [String], by actor: Actor, at now: Int64) throws {
        let login = try String.fetchOne(db, sql: "SELECT login FROM users WHERE id = ?", arguments: [id]) ?? ""
        for os in try String.fetchAll(db, sql: "SELECT os_user FROM os_accounts WHERE user_id = ?", arguments: [id]) where !wanted.contains(os) {
            try db.execute(sql: "DELETE FROM os_accounts WHERE os_user = ?", arguments: [os])
            try AuditLog.record(db, actor: actor, at: now, action: "user.unmap", entity: "users", entityId: id, before: AuditLog.json([("os_user", os), ("login", login)]))
        }
        for os in wanted {
            let before = try String.fetchOne(db, sql: "SELECT u.login FROM os_accounts a JOIN users u ON u.id = a.user_id WHERE a.os_user = ?", arguments: [os])
            guard before != login else { continue }
            try db.execute(sql: "INSERT INTO os_accounts (os_user, user_id, mapped_at) VALUES (?, ?, ?) ON CONFLICT(os_user) DO UPDATE SET user_id = excluded.user_id, mapped_at = excluded.mapped_at",
                           arguments: [os, id, now])
            try AuditLog.record(db, actor: actor, at: now, action: "user.map", entity: "users", entityId: id,
                                before: before.map { AuditLog.json([("os_user", os), ("login", $0)]) }, after: AuditLog.json([("os_user", os), ("login", login)]))
        }
    }
}
