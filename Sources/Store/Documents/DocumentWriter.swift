import Domain
import GRDB

/// What one kind of document does when it is written. The writer (`AppDatabase.save`) supplies
/// the rest, the same for every kind: one transaction, the access check first, the version check
/// for a change to a stored draft, the next gapless number for a new one, and the audit record.
protocol DocumentWriting: Sendable {
    static var kind: DocumentKind { get }
    /// The table and the audit log's entity name.
    static var table: String { get }
    /// The audit action's prefix: `quote` → `quote.create`, `quote.update`.
    static var entity: String { get }
    /// The audit action for a new document: `create` for drafts and orders, `post` for posted ones.
    static var createVerb: String { get }
    /// The id of the stored document this write changes; nil for a new one.
    var existingId: Int64? { get }
    var version: Int64 { get }
    /// The document's date: its number counts within this date's year.
    var date: DateOnly { get }
    /// What the audit log records for this document.
    var auditPairs: [(String, String?)] { get }
    func authorize(_ db: Database, actor: Actor) throws
    /// Header, lines and their effects (stock, order progress, ledger); returns the new id.
    func insert(_ db: Database, number: String, actor: Actor) throws -> Int64
    /// The stored document as this kind's changes see it; refuses one that may no longer change.
    func stored(_ db: Database, id: Int64) throws -> StoredDocument
    /// Rewrites the stored draft (header and lines).
    func update(_ db: Database, id: Int64, stored: StoredDocument) throws
}

extension DocumentWriting {
    static var createVerb: String { "create" }
    func stored(_ db: Database, id: Int64) throws -> StoredDocument {
        throw StoreError.invalid(DomainError("\(Self.entity) documents are posted, not edited", field: nil, code: "error.posted-not-edited"))
    }
    func update(_ db: Database, id: Int64, stored: StoredDocument) throws {}
}

/// A posted kind (shipment, receipt, payment, goods receipt): always new, never a draft to rewrite.
protocol PostingWriter: DocumentWriting {}

extension PostingWriter {
    static var createVerb: String { "post" }
    var existingId: Int64? { nil }
    var version: Int64 { 1 }
}

/// A stored document as the writer needs it to refuse a lost race and record the change.
struct StoredDocument {
    var number: String
    var version: Int64
    var auditPairs: [(String, String?)]
}

/// A document saved: its id and number.
public struct SavedDocument: Sendable, Equatable {
    public var id: Int64
    public var number: String
    public init(id: Int64, number: String) { self.id = id; self.number = number }
}

/// A posted kind's void: who may void it and how its effects are reversed. The writer
/// (`AppDatabase.void`) checks the status and reason, marks it voided and records the audit.
protocol VoidableDocument: SendableMetatype {
    static var table: String { get }
    static var entity: String { get }
    static func authorizeVoid(_ db: Database, id: Int64, actor: Actor) throws
    /// Refuses a void that a later document forbids (a paid shipment), before anything changes.
    static func refuseVoid(_ db: Database, id: Int64) throws
    /// Undoes what posting did (stock back, order lines reopened, ledger items voided or reopened);
    /// refuses when a later document depends on it. Returns what was reversed, for the audit.
    /// Stock comes back in moves dated `day` (the day of the void), written by `actor`, noting `reason`.
    static func reverse(_ db: Database, id: Int64, on day: DateOnly?, by actor: Actor, reason: String) throws -> [(String, String?)]
}

extension AppDatabase {
    /// Writes a document: a new one gets the next number of its kind and year; a stored draft is
    /// rewritten only if nobody saved it since it was read. All in one transaction, audited.
    @discardableResult
    func save<D: DocumentWriting>(_ document: D, by actor: Actor, at now: Int64) throws(StoreError) -> SavedDocument {
        try write { db in
            try document.authorize(db, actor: actor)
            if let id = document.existingId {
                let stored = try document.stored(db, id: id)
                try AppDatabase.refuseStale(db, entity: D.table, id: id, stored: (stored.version, stored.auditPairs), mine: (document.version, document.auditPairs))
                try document.update(db, id: id, stored: stored)
                try AuditLog.record(db, actor: actor, at: now, action: "\(D.entity).update", entity: D.table, entityId: id,
                                    before: AuditLog.json(stored.auditPairs), after: AuditLog.json(document.auditPairs))
                return SavedDocument(id: id, number: stored.number)
            }
            let number = try DocumentSequence.next(db, kind: D.kind, year: document.date.year)
            let id = try document.insert(db, number: number, actor: actor)
            try AuditLog.record(db, actor: actor, at: now, action: "\(D.entity).\(D.createVerb)", entity: D.table, entityId: id,
                                after: AuditLog.json([("number", number)] + document.auditPairs))
            return SavedDocument(id: id, number: number)
        }
    }

    /// Voids a posted document with a reason: its effects reversed, the document kept (marked
    /// voided, with the reason) — never edited or deleted. One transaction, audited.
    func void<V: VoidableDocument>(_ kind: V.Type, id: Int64, reason: String, on day: DateOnly? = nil, by actor: Actor, at now: Int64) throws(StoreError) {
        let why = reason.trimmingSpaces()
        try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT number, status FROM \(V.table) WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound("\(V.entity) \(id)")
            }
            try V.authorizeVoid(db, id: id, actor: actor)
            let number: String = row[0]
            guard let status = PostingStatus(rawValue: row[1]) else { throw StoreError.notFound("\(V.entity) \(id)") }
            guard status == .posted else { throw StoreError.invalid(DomainError("\(number) is already voided", field: nil, code: "error.already-voided", number)) }
            _ = try status.void(reason: why)
            try V.refuseVoid(db, id: id)
            let reversed = try V.reverse(db, id: id, on: day, by: actor, reason: why)
            try db.execute(sql: "UPDATE \(V.table) SET status = 'voided', void_reason = ? WHERE id = ? AND status = 'posted'", arguments: [why, id])
            try AuditLog.record(db, actor: actor, at: now, action: "\(V.entity).void", entity: V.table, entityId: id,
                                before: AuditLog.json([("number", number), ("status", "posted")]),
                                after: AuditLog.json([("status", "voided"), ("reason", why)] + reversed))
        }
    }

    /// Whether a void would be refused (not allowed, already voided, paid), asked before the
    /// reason is typed.
    func checkVoid<V: VoidableDocument>(_ kind: V.Type, id: Int64, by actor: Actor) throws(StoreError) {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT number, status FROM \(V.table) WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound("\(V.entity) \(id)")
            }
            try V.authorizeVoid(db, id: id, actor: actor)
            guard row[1] as String == "posted" else {
                throw StoreError.invalid(DomainError("\(row[0] as String) is already voided", field: nil, code: "error.already-voided", row[0]))
            }
            try V.refuseVoid(db, id: id)
        }
    }
}
