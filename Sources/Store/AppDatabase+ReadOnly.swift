import Foundation
import GRDB

extension AppDatabase {
    /// The file as it is, for `rapport check`: opened read-only — never created, migrated or
    /// changed — so it works on a read-only backup too. Anything that is not a Rapport database
    /// (an empty file, another SQLite file) is refused.
    public static func openReadOnly(path: String) throws(StoreError) -> AppDatabase {
        guard FileManager.default.fileExists(atPath: path) else {
            throw .cannotOpen(path: path, reason: AppDatabase.whyMissing(path))
        }
        try checkHeader(path: path)
        if (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) == 0 { throw .notADatabase(path: path) }
        let queue: DatabaseQueue
        do { queue = try DatabaseQueue(path: path, configuration: configuration(readonly: true)) } catch { throw classify(error, path: path) }
        let isRapport = try? queue.read { db in
            try Bool.fetchOne(db, sql: "SELECT 1 FROM grdb_migrations WHERE identifier = ?", arguments: [SchemaV1.identifier])
        }
        guard isRapport == true else { throw .notADatabase(path: path) }
        return AppDatabase(writer: queue, path: path)
    }

    /// An online backup (SQLite backup API) that appears under its name only when complete:
    /// written to a hidden file beside it (mode 0600 from the start), checked, synced, then
    /// renamed into place. A backup killed half-way leaves no file under the backup's name.
    public func backup(to destination: String) throws(StoreError) {
        let fm = FileManager.default
        if fm.fileExists(atPath: destination) { throw .failed("\(destination) already exists; choose another name") }
        let dir = (destination as NSString).deletingLastPathComponent
        let temp = (dir.isEmpty ? "." : dir) + "/." + (destination as NSString).lastPathComponent + ".\(ProcessInfo.processInfo.processIdentifier).partial"
        guard fm.createFile(atPath: temp, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw .failed("cannot write the backup \(destination): the folder \(dir.isEmpty ? "." : dir) is missing or not writable by this account")
        }
        do {
            let target = try DatabaseQueue(path: temp)
            try writer.backup(to: target)
            let verdict = try target.read { db in try String.fetchOne(db, sql: "PRAGMA quick_check") }
            guard verdict == "ok" else { throw StoreError.failed("the copy does not check out: \(verdict ?? "?")") }
            // A backup is a plain file (rollback journal), so it opens read-only anywhere.
            try target.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
            try target.close()
            for suffix in ["-wal", "-shm"] { try? fm.removeItem(atPath: temp + suffix) }
            let handle = try FileHandle(forUpdating: URL(fileURLWithPath: temp))
            try handle.synchronize()
            try handle.close()
            // rename(2) does not replace a file that appeared meanwhile… link + unlink would; a
            // second check keeps it simple: never overwrite a file of that name.
            guard !fm.fileExists(atPath: destination) else { throw StoreError.failed("\(destination) appeared while backing up; choose another name") }
            guard rename(temp, destination) == 0 else { throw StoreError.failed("cannot rename the copy to \(destination): errno \(errno)") }
        } catch {
            for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: temp + suffix) }
            if let e = error as? StoreError { throw e }
            throw .failed("backup failed: \(error)")
        }
    }
}
