import Domain
import GRDB

public struct UserAccount: Sendable, Equatable {
    public var id: Int64
    public var login: String
    public var displayName: String
    public var role: Role
    public var active: Bool
    public var actor: Actor { Actor(userId: id, login: login, displayName: displayName, role: role) }
}

public enum AuthResult: Sendable, Equatable {
    case success(Actor)
    /// Refused: a wrong password, an unknown, disabled or locked account all answer alike, in
    /// the same time — nothing tells which logins exist or which are locked.
    case refused
    /// Logged in with a one-time password (a manager's reset): it is spent, and the user sets
    /// their own before anything else.
    case changePassword(Actor)
}

extension AppDatabase {
    public static let maxFailedLogins = 3
    public static let lockoutSeconds: Int64 = 30

    @discardableResult
    public func addUser(login: String, displayName: String, role: Role, password: String, oneTime: Bool = false, osAccounts: [String] = [],
                        by actor: Actor, at now: Int64) throws(StoreError) -> Int64 {
        let accounts = try AppDatabase.validatedOSAccounts(osAccounts)
        let login = try AppDatabase.validatedLogin(login)
        guard password.count >= 4 else { throw .invalid(DomainError("password must have at least 4 characters", field: "password")) }
        guard actor.can(.manageUsers) else { throw .forbidden("only a manager adds users") }
        let hash = try PasswordHasher.hash(password)
        let name = displayName.isEmpty ? login : displayName
        return try write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM users WHERE login = ?", arguments: [login]) == true {
                throw StoreError.invalid(DomainError("user '\(login)' already exists", field: "login"))
            }
            try db.execute(sql: "INSERT INTO users (login, display_name, role, password_hash, password_once, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [login, name, role.rawValue, hash, oneTime, now])
            let id = db.lastInsertedRowID
            try AuditLog.record(db, actor: actor, at: now, action: "user.add", entity: "users", entityId: id,
                                after: AuditLog.json([("login", login), ("display_name", name), ("role", role.rawValue)]))
            try AppDatabase.replaceOSAccounts(db, of: id, with: accounts, by: actor, at: now)
            return id
        }
    }

    static func validatedLogin(_ text: String) throws(StoreError) -> String {
        let login = text.trimmingSpaces()
        guard !login.isEmpty, login.count <= 64, login.allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) }) else {
            throw .invalid(DomainError("login must be 1–64 letters, digits, '.', '_' or '-'", field: "login"))
        }
        return login
    }

    public func users() throws(StoreError) -> [UserAccount] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT id, login, display_name, role, active FROM users ORDER BY login").map(AppDatabase.user)
        }
    }

    public func ownerOptions() throws(StoreError) -> [UserAccount] {
        try users().filter { $0.role == .salesRep }.sorted { ($0.active ? 0 : 1, $0.displayName) < ($1.active ? 0 : 1, $1.displayName) }
    }

    public func user(login: String) throws(StoreError) -> UserAccount? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT id, login, display_name, role, active FROM users WHERE login = ?", arguments: [login]).map(AppDatabase.user)
        }
    }

    static func user(_ r: Row) -> UserAccount {
        UserAccount(id: r[0], login: r[1], displayName: r[2], role: Role(rawValue: r[3]) ?? .salesRep, active: r[4] as Int64 == 1)
    }

    public func setPassword(login: String, password: String, by actor: Actor, at now: Int64) throws(StoreError) {
        guard actor.can(.manageUsers) || actor.login == login else { throw .forbidden("only a manager changes another user's password") }
        guard password.count >= 4 else { throw .invalid(DomainError("password must have at least 4 characters", field: "password")) }
        let hash = try PasswordHasher.hash(password)
        try write { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM users WHERE login = ?", arguments: [login]) else {
                throw StoreError.notFound("user '\(login)'")
            }
            try db.execute(sql: "UPDATE users SET password_hash = ?, password_once = 0, failed_logins = 0, locked_until = 0, version = version + 1 WHERE id = ?", arguments: [hash, id])
            try AuditLog.record(db, actor: actor, at: now, action: "user.passwd", entity: "users", entityId: id)
        }
    }

    public func setActive(login: String, active: Bool, by actor: Actor, at now: Int64) throws(StoreError) {
        guard actor.can(.manageUsers) else { throw .forbidden("only a manager disables users") }
        try write { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM users WHERE login = ?", arguments: [login]) else {
                throw StoreError.notFound("user '\(login)'")
            }
            // The company always keeps an active manager.
            if !active, try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM users WHERE role = 'manager' AND active = 1 AND id <> ?", arguments: [id]) == 0,
               try String.fetchOne(db, sql: "SELECT role FROM users WHERE id = ? AND active = 1", arguments: [id]) == Role.manager.rawValue {
                throw StoreError.invalid(DomainError("\(login) is the last active manager and cannot be disabled", field: "login", code: "error.last-manager", login))
            }
            try db.execute(sql: "UPDATE users SET active = ?, version = version + 1 WHERE id = ?", arguments: [active ? 1 : 0, id])
            try AuditLog.record(db, actor: actor, at: now, action: active ? "user.enable" : "user.disable", entity: "users", entityId: id,
                                before: AuditLog.json([("active", active ? "0" : "1")]), after: AuditLog.json([("active", active ? "1" : "0")]))
        }
    }

    /// Checks a password. After `maxFailedLogins` wrong passwords the account waits
    /// `lockoutSeconds` (doubling with each further failure, up to 15 minutes). Every attempt is audited.
    /// A one-time password (`oneTimeAllowed`: the app, which then asks for a new one) is spent
    /// by the login; anywhere else (the command line) it is refused and stays good.
    public func authenticate(login: String, password: String, at now: Int64) throws(StoreError) -> AuthResult {
        try authenticate(login: login, password: password, at: now, oneTimeAllowed: false)
    }

    public func authenticate(login: String, password: String, at now: Int64, oneTimeAllowed: Bool) throws(StoreError) -> AuthResult {
        struct Stored: Sendable { var id: Int64; var name: String; var role: String; var hash: String; var active: Int64; var failed: Int64; var lockedUntil: Int64; var once: Bool }
        let stored = try read { db -> Stored? in
            try Row.fetchOne(db, sql: "SELECT id, display_name, role, password_hash, active, failed_logins, locked_until, password_once FROM users WHERE login = ?", arguments: [login])
                .map { Stored(id: $0[0], name: $0[1], role: $0[2], hash: $0[3], active: $0[4], failed: $0[5], lockedUntil: $0[6], once: $0[7]) }
        }
        // Every path spends one password check, so the time tells nothing either.
        let matches = PasswordHasher.verify(password, hash: stored?.hash ?? "$y$j9T$F5Jx5fExrKuPp53xLKQ..1$X3DX6M94c7o.9agCG9G317fhZg9SqC.5i5rd.RhAtQ7")
        guard let row = stored else {
            // An unknown login is audited (never the password typed).
            try write { db in
                try AuditLog.record(db, actor: Actor(userId: 0, login: String(login.prefix(64)), displayName: "", role: .salesRep), at: now,
                                    action: "login.failed", entity: "users", entityId: nil, after: AuditLog.json([("reason", "unknown login")]))
            }
            return .refused
        }
        let id = row.id
        let ok = matches && row.active == 1 && row.lockedUntil <= now && (!row.once || oneTimeAllowed)
        let actor = Actor(userId: id, login: login, displayName: row.name, role: Role(rawValue: row.role) ?? .salesRep)
        // Spent: replaced by the hash of a password nobody knows until the user sets their own.
        let spent = ok && row.once ? try PasswordHasher.hash(AppDatabase.oneTimePassword() + AppDatabase.oneTimePassword()) : nil
        return try write { db in
            if ok {
                try db.execute(sql: "UPDATE users SET failed_logins = 0, locked_until = 0, password_hash = coalesce(?, password_hash) WHERE id = ?", arguments: [spent, id])
                try AuditLog.record(db, actor: actor, at: now, action: row.once ? "login.one-time" : "login", entity: "users", entityId: id)
                return row.once ? .changePassword(actor) : .success(actor)
            }
            // Counted in the database itself, so parallel attempts each count.
            let n = try Int64.fetchOne(db, sql: "UPDATE users SET failed_logins = failed_logins + 1 WHERE id = ? RETURNING failed_logins", arguments: [id]) ?? 1
            if n >= Int64(AppDatabase.maxFailedLogins) {
                let extra = min(n - Int64(AppDatabase.maxFailedLogins), 5)
                // A lock starts when none is running (attempts during one are counted, not prolonging it).
                try db.execute(sql: "UPDATE users SET locked_until = ? WHERE id = ? AND locked_until <= ?", arguments: [now + min(AppDatabase.lockoutSeconds << extra, 900), id, now])
            }
            let reason = row.active != 1 ? "disabled" : row.lockedUntil > now ? "locked" : matches && row.once ? "one-time password outside the app" : "wrong password"
            try AuditLog.record(db, actor: actor, at: now, action: "login.failed", entity: "users", entityId: id, after: AuditLog.json([("reason", reason)]))
            return .refused
        }
    }
}
