import Domain
import GRDB

/// Who, when, what, before and after — written inside the same transaction as the change.
enum AuditLog {
    static func record(_ db: Database, actor: Actor, at: Int64, action: String, entity: String, entityId: Int64?,
                       before: String? = nil, after: String? = nil) throws {
        try db.execute(
            sql: "INSERT INTO audit_log (at, user_id, login, action, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            arguments: [at, actor.userId == 0 ? nil : actor.userId, actor.login, action, entity, entityId, before, after])
    }

    /// A flat JSON object from string pairs (values escaped), for before/after snapshots.
    static func json(_ pairs: [(String, String?)]) -> String {
        func esc(_ s: String) -> String {
            var o = ""
            for u in s.unicodeScalars {
                switch u {
                case "\"": o += "\\\""
                case "\\": o += "\\\\"
                case "\n": o += "\\n"
                default:
                    if u.value < 0x20 { o += "\\u00" + String(u.value, radix: 16).leftPad(2) } else { o.unicodeScalars.append(u) }
                }
            }
            return o
        }
        return "{" + pairs.map { "\"\(esc($0.0))\":" + ($0.1.map { "\"\(esc($0))\"" } ?? "null") }.joined(separator: ",") + "}"
    }
}

public struct AuditEntry: Sendable, Equatable {
    public var at: Int64
    public var login: String
    public var action: String
    public var entity: String
    public var entityId: Int64?
    public var before: String?
    public var after: String?
}

extension AppDatabase {
    public func auditEntries(entity: String? = nil, limit: Int = 100) throws(StoreError) -> [AuditEntry] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT at, login, action, entity, entity_id, before, after FROM audit_log
                WHERE (?1 IS NULL OR entity = ?1) ORDER BY id DESC LIMIT ?2
                """, arguments: [entity, limit])
            return rows.map { AuditEntry(at: $0[0], login: $0[1], action: $0[2], entity: $0[3], entityId: $0[4], before: $0[5], after: $0[6]) }
        }
    }
}

extension String {
    func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
