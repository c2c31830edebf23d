import Domain
import Foundation
import GRDB

/// The one door to the SQLite file: a `DatabasePool` (WAL) in the app, a `DatabaseQueue` in tests.
public final class AppDatabase: Sendable {
    public let writer: any DatabaseWriter
    public let path: String

    init(writer: any DatabaseWriter, path: String) {
        self.writer = writer; self.path = path
    }

    public var reader: any DatabaseReader { writer }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration(SchemaV1.identifier) { db in try SchemaV1.migrate(db) }
        m.registerMigration(SchemaV2.identifier) { db in try SchemaV2.migrate(db) }
        m.registerMigration(SchemaV3.identifier) { db in try SchemaV3.migrate(db) }
        m.registerMigration(SchemaV4.identifier) { db in try SchemaV4.migrate(db) }
        m.registerMigration(SchemaV5.identifier) { db in try SchemaV5.migrate(db) }
        // Adds columns and indexes only: checked as it goes, so a large file is not scanned
        // for foreign keys afterwards (a minute on the large demo).
        m.registerMigration(SchemaV6.identifier, foreignKeyChecks: .immediate) { db in try SchemaV6.migrate(db) }
        m.registerMigration(SchemaV7.identifier, foreignKeyChecks: .immediate) { db in try SchemaV7.migrate(db) }
        m.registerMigration(SchemaV8.identifier, foreignKeyChecks: .immediate) { db in try SchemaV8.migrate(db) }
        m.registerMigration(SchemaV9.identifier, foreignKeyChecks: .immediate) { db in try SchemaV9.migrate(db) }
        m.registerMigration(SchemaV10.identifier, foreignKeyChecks: .immediate) { db in try SchemaV10.migrate(db) }
        m.registerMigration(SchemaV11.identifier, foreignKeyChecks: .immediate) { db in try SchemaV11.migrate(db) }
        // Rebuilds tables other tables point at: foreign keys are off meanwhile, and the
        // migration checks the tables it touched itself (not the whole file).
        m = m.disablingDeferredForeignKeyChecks()
        m.registerMigration(SchemaV12.identifier) { db in try SchemaV12.migrate(db) }
        m.registerMigration(SchemaV13.identifier, foreignKeyChecks: .immediate) { db in try SchemaV13.migrate(db) }
        m.registerMigration(SchemaV14.identifier, foreignKeyChecks: .immediate) { db in try SchemaV14.migrate(db) }
        m.registerMigration(SchemaV15.identifier, foreignKeyChecks: .immediate) { db in try SchemaV15.migrate(db) }
        return m
    }

    public static var knownMigrations: [String] { migrator.migrations }

    static func configuration(readonly: Bool = false) -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(5)
        config.readonly = readonly
        config.label = "rapport"
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        return config
    }

    /// Why a file cannot be found: not there, or not reachable by this account.
    static func whyMissing(_ path: String) -> String {
        var st = stat()
        if stat(path, &st) != 0 && errno == EACCES {
            return "this account may not reach it (permission denied). On a shared host, staff reach Rapport through the sudo rule (docs/deploy.md)"
        }
        return "no such file. To try Rapport: `rapport demo`, then `rapport`. To start your company: `rapport user add LOGIN --role manager` (creates it). Or pass --db with your file"
    }

    /// Opens (creating if needed, mode 0600) and migrates the file at `path`.
    public static func open(path: String, create: Bool = true) throws(StoreError) -> AppDatabase {
        let fm = FileManager.default
        let exists = fm.fileExists(atPath: path)
        if !exists {
            guard create else {
                throw .cannotOpen(path: path, reason: AppDatabase.whyMissing(path))
            }
            let dir = (path as NSString).deletingLastPathComponent
            if !dir.isEmpty {
                do { try fm.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]) } catch {
                    throw .cannotOpen(path: path, reason: "cannot create folder \(dir): \(error.localizedDescription)")
                }
            }
            guard fm.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw .cannotOpen(path: path, reason: "cannot create the file (check the folder's permissions)")
            }
        } else if !fm.isWritableFile(atPath: path) || AppDatabase.modeForbidsWriting(path) {
            throw .readOnly(path: path)
        }
        try checkHeader(path: path)
        let pool: DatabasePool
        do { pool = try DatabasePool(path: path, configuration: configuration()) } catch {
            throw classify(error, path: path)
        }
        let db = AppDatabase(writer: pool, path: path)
        try db.migrate()
        return db
    }

    /// An in-memory database for tests and benchmarks of the write path.
    public static func inMemory() throws(StoreError) -> AppDatabase {
        let queue: DatabaseQueue
        do { queue = try DatabaseQueue(configuration: configuration()) } catch { throw .failed("\(error)") }
        let db = AppDatabase(writer: queue, path: ":memory:")
        try db.migrate()
        return db
    }

    /// A temporary file (WAL pool) for tests that need a second connection.
    public static func temporary() throws(StoreError) -> AppDatabase {
        let path = NSTemporaryDirectory() + "rapport-test-\(UUID().uuidString).sqlite"
        return try open(path: path)
    }

    func migrate() throws(StoreError) {
        let migrator = AppDatabase.migrator
        do {
            let superseded = try writer.read { db in try migrator.hasBeenSuperseded(db) }
            if superseded {
                let applied = try writer.read { db in try migrator.appliedIdentifiers(db) }
                throw StoreError.newerSchema(path: path, unknown: applied.subtracting(migrator.migrations).sorted())
            }
            try migrator.migrate(writer)
        } catch let e as StoreError {
            throw e
        } catch {
            throw AppDatabase.classify(error, path: path)
        }
    }

    /// A file whose mode has no write bit is treated as read-only even for root, so that
    /// `chmod a-w` protects a file from every Rapport session.
    static func modeForbidsWriting(_ path: String) -> Bool {
        guard let mode = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int else { return false }
        return mode & 0o222 == 0
    }

    /// A file that exists but does not start with SQLite's header is refused before SQLite
    /// touches it, so a mistyped --db never turns a document into a database.
    static func checkHeader(path: String) throws(StoreError) {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .cannotOpen(path: path, reason: "cannot read the file") }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 16)) ?? Data()
        if head.isEmpty { return }
        if head != Data("SQLite format 3\0".utf8) { throw .notADatabase(path: path) }
    }

    static func classify(_ error: any Error, path: String) -> StoreError {
        if let e = error as? StoreError { return e }
        if let e = error as? DatabaseError {
            switch e.resultCode {
            case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .notADatabase(path: path)
            case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM: return .readOnly(path: path)
            default: return .failed("Database error on \(path): \(e.message ?? "\(e.resultCode)")")
            }
        }
        return .failed("\(error)")
    }

    /// Runs a write; domain errors and constraint failures come back as `StoreError`.
    public func write<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws(StoreError) -> T {
        do { return try writer.write(body) } catch { throw mapError(error) }
    }

    public func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws(StoreError) -> T {
        do { return try writer.read(body) } catch { throw mapError(error) }
    }

    func mapError(_ error: any Error) -> StoreError {
        if let e = error as? StoreError { return e }
        if let e = error as? DomainError { return .invalid(e) }
        if let e = error as? DatabaseError, e.resultCode == .SQLITE_CONSTRAINT {
            let detail = e.message ?? "constraint failed"
            return .invalid(DomainError("refused by the database: \(detail)", code: "error.db-constraint", detail))
        }
        return AppDatabase.classify(error, path: path)
    }
}
