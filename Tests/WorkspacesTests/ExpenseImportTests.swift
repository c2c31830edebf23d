import Documents
import Domain
import Foundation
import GRDB
import Store
import TestSupport
import Testing
@testable import Workspaces

/// `rapport import expenses`: a dry run names each bad row and writes nothing; the good file
/// posts each expense with the next EX- number of its year (or the old system's own number),
/// its rep by login, its item added to the category's list — and the statistics count it.
@Suite struct ExpenseImportTests {
    let today = DemoFixture.today
    let now: Int64 = 1_795_000_000

    @Test func pastExpensesImportWithTheirRepsAndNumbers() throws {
        let db = DemoFixture.make(inMemory: true)
        let manager = try #require(try db.user(login: "manager")).actor
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-expenses-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        func count() throws -> Int { try db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM expenses") ?? 0 } }
        let before = try count()
        let bad = dir + "/bad.csv"
        try """
            日期,类别,项目,金额,付款方式,业务员,单号
            2025-03-05,travel,高铁 Train,356.50,支付宝,rep,OLD-1
            2025-03-06,yachts,Boat,100,现金,,
            2025-03-07,office,Paper,-5,现金,,
            2025-03-08,office,Paper,5,现金,nobody,
            2025-03-09,office,Paper,5,现金,,EX-2025-00001
            """.write(toFile: bad, atomically: true, encoding: .utf8)
        let dry = try DataImport.run(kind: "expenses", path: bad, mapping: nil, dryRun: true, skipBadRows: false, database: db, actor: manager, today: today, now: now)
        #expect(dry.outcome.problems.map(\.column) == ["category", "amount", "rep", "number"])
        #expect(try count() == before)
        let good = dir + "/good.csv"
        try """
            date,category,item,amount,method,rep,number
            2025-03-05,travel,高铁 Train,356.50,支付宝,rep,OLD-1
            2026-01-10,office,Paper,12.00,cash,,
            """.write(toFile: good, atomically: true, encoding: .utf8)
        let done = try DataImport.run(kind: "expenses", path: good, mapping: nil, dryRun: false, skipBadRows: false, database: db, actor: manager, today: today, now: now)
        #expect(done.outcome.problems == [] && done.outcome.imported == 2)
        let rows = try db.read { db in
            try Row.fetchAll(db, sql: "SELECT number, method, (SELECT login FROM users WHERE id = rep_id) FROM expenses ORDER BY id DESC LIMIT 2").map {
                [$0[0] as String, $0[1] as String, ($0[2] as String?) ?? ""]
            }
        }
        #expect(rows[1] == ["OLD-1", "alipay", "rep"])
        #expect(rows[0][0].hasPrefix("EX-2026-") && rows[0][1] == "cash")
        let finance = try #require(try db.user(login: "finance")).actor
        #expect(try db.expenseSource(by: finance).items["travel"]?.contains("高铁 Train") == true)
        #expect(try db.check().isEmpty)
    }
}
