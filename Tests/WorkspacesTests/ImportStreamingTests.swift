import Documents
import Domain
import Foundation
import Store
import TestSupport
import Testing
import GRDB
@testable import Workspaces

/// Imports read their file a batch at a time inside one transaction: a long file is still all
/// or nothing.
@Suite struct ImportStreamingTests {
    let today = DemoFixture.today
    let now: Int64 = 1_795_000_000
    let helpers = DataTransferTests()

    func tempDir() throws -> String { try helpers.tempDir() }
    func write(_ text: String, _ dir: String, _ name: String) throws -> String { try helpers.write(text, dir, name) }
    func count(_ db: AppDatabase, _ table: String) throws -> Int { try helpers.count(db, table) }

    /// A file longer than one batch: the rows are written as they pass, and a problem found in a
    /// later batch (or a file that turns unreadable there) still leaves nothing behind.
    @Test func aLongFileIsAllOrNothingAcrossBatches() throws {
        let db = DemoFixture.make(inMemory: true)
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let before = try count(db, "customers"), audits = try count(db, "audit_log")
        func file(_ lastRows: String) throws -> String {
            var csv = "code,name,owner,credit_limit\n"
            for i in 0..<4_500 { csv += "L\(i),批量客户\(i)号贸易有限公司,rep,\(i)\n" }
            return try write(csv + lastRows, dir, "long-\(UUID().uuidString).csv")
        }
        let bad = try file("L10,重复编号客户,rep,0\nX1,坏金额客户,rep,12x\n")
        let r = try DataImport.run(kind: "customers", path: bad, mapping: nil, dryRun: false, skipBadRows: false, database: db, actor: .system, today: today, now: now)
        #expect(r.rows == 4_502 && r.outcome.imported == 0)
        #expect(r.outcome.problems.map { "\($0.line):\($0.column)" } == ["4502:code", "4503:credit_limit"], "\(r.outcome.problems)")
        #expect(r.outcome.problems.first?.message == "the code appears twice in the file (first on row 12)")
        #expect(try count(db, "customers") == before && count(db, "audit_log") == audits)
        let garbage = try file("Y1,控制字符\u{1B}客户,rep,0\n")
        #expect(throws: DocumentError.self) {
            _ = try DataImport.run(kind: "customers", path: garbage, mapping: nil, dryRun: false, skipBadRows: false, database: db, actor: .system, today: today, now: now)
        }
        #expect(try count(db, "customers") == before)
        let skipped = try DataImport.run(kind: "customers", path: bad, mapping: nil, dryRun: false, skipBadRows: true, database: db, actor: .system, today: today, now: now)
        #expect(skipped.outcome.imported == 4_500)
        #expect(try count(db, "customers") == before + 4_500)
        #expect(try CSV.read(path: try #require(skipped.rejectsFile)).records.map { $0.fields[0] } == ["4502", "4503"])
    }
}
