import Documents
import Domain
import Foundation
import GRDB
import Store
import TestSupport
import Testing
@testable import Workspaces

/// `rapport import receipts`: receipts of the past, each split as of its own date — oldest due
/// first over what was open that day, after every receipt dated before it, or as an allocations
/// file says — with what is left as the customer's credit; bad rows named, nothing written.
@Suite struct ReceiptImportTests {
    let today = DemoFixture.today
    let now: Int64 = 1_795_000_000

    final class Folder {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-receipts-\(UUID().uuidString)").path
        init() throws { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(atPath: path) }
        func file(_ name: String, _ text: String) throws -> String {
            let p = path + "/" + name
            try text.write(toFile: p, atomically: true, encoding: .utf8)
            return p
        }
    }

    /// A customer of its own with three opening receivables: IR-A 100 (2025-01-10), IR-B 200
    /// (2025-02-10), IR-C 50 (2025-04-01).
    func company() throws -> (AppDatabase, Actor, Folder) {
        let db = DemoFixture.make(inMemory: true)
        let manager = try #require(try db.user(login: "manager")).actor
        let folder = try Folder()
        func run(_ kind: String, _ text: String) throws {
            let r = try DataImport.run(kind: kind, path: try folder.file(kind + ".csv", text), mapping: nil, dryRun: false, skipBadRows: false,
                                       database: db, actor: manager, today: today, now: now)
            #expect(r.outcome.problems == [])
        }
        try run("customers", "code,name\nIRT-1,Receipt Import Trial Works\n")
        try run("receivables", """
            number,customer,doc_date,due_date,amount
            IR-A,IRT-1,2025-01-10,2025-02-09,100
            IR-B,IRT-1,2025-02-10,2025-03-12,200
            IR-C,IRT-1,2025-04-01,2025-05-01,50
            """)
        return (db, manager, folder)
    }

    func receivables(_ db: AppDatabase) throws -> [String] {
        try db.read { db in
            try Row.fetchAll(db, sql: "SELECT number, open_amount, coalesce(settled_on, '') FROM receivables WHERE number LIKE 'IR-%' ORDER BY number").map {
                "\($0[0] as String) \($0[1] as Int64) \($0[2] as String)"
            }
        }
    }

    @Test func eachReceiptIsSplitAsOfItsOwnDateOrAsTheAllocationsFileSays() throws {
        let (db, manager, folder) = try company()
        let receipts = try folder.file("receipts.csv", """
            单号,客户,日期,金额,收款方式,流水号
            OLD-2,IRT-1,2025-03-15,250,银行转账,T-2
            OLD-1,Receipt Import Trial Works,2025-03-01,120,现金,
            OLD-3,IRT-1,2025-05-01,30,支付宝,
            ,IRT-1,2026-01-05,5,,
            """)
        let allocations = try folder.file("allocations.csv", "receipt,receivable,amount\nOLD-3,IR-C,20\n")
        let dry = try DataImport.run(kind: "receipts", path: receipts, mapping: nil, dryRun: true, skipBadRows: false, linesPath: allocations,
                                     database: db, actor: manager, today: today, now: now)
        #expect(dry.outcome.problems == [] && dry.outcome.imported == 4)
        #expect(try receivables(db) == ["IR-A 10000 ", "IR-B 20000 ", "IR-C 5000 "])
        let done = try DataImport.run(kind: "receipts", path: receipts, mapping: nil, dryRun: false, skipBadRows: false, linesPath: allocations,
                                      database: db, actor: manager, today: today, now: now)
        #expect(done.outcome.problems == [] && done.outcome.imported == 4)
        // OLD-1 (1 March) pays IR-A and 20 of IR-B; OLD-2 (15 March) the other 180 of IR-B and,
        // IR-C being dated after it, keeps 70 as credit; OLD-3 pays 20 of IR-C as the file says
        // (10 credit); the last, numbered RC-2026-…, pays 5 of IR-C oldest first.
        #expect(try receivables(db) == ["IR-A 0 2025-03-01", "IR-B 0 2025-03-15", "IR-C 2500 "])
        let rows = try db.read { db in
            try Row.fetchAll(db, sql: """
                SELECT r.number, r.amount, r.unapplied, r.method, coalesce(r.reference, ''),
                       (SELECT group_concat(v.number || '=' || a.amount, ' ') FROM receipt_allocations a JOIN receivables v ON v.id = a.receivable_id WHERE a.receipt_id = r.id)
                FROM receipts r JOIN customers c ON c.id = r.customer_id WHERE c.code = 'IRT-1' ORDER BY r.receipt_date
                """).map { "\($0[0] as String) \($0[1] as Int64) \($0[2] as Int64) \($0[3] as String) \($0[4] as String) \(($0[5] as String?) ?? "")" }
        }
        try #require(rows.count == 4)
        #expect(Array(rows.prefix(3)) == ["OLD-1 12000 0 cash  IR-A=10000 IR-B=2000", "OLD-2 25000 7000 bank_transfer T-2 IR-B=18000",
                                          "OLD-3 3000 1000 alipay  IR-C=2000"])
        #expect(rows[3].hasPrefix("RC-2026-") && rows[3].hasSuffix(" 500 0 bank_transfer  IR-C=500"))
        #expect(try db.check().isEmpty)
        // Aging as of the day between the two March receipts sees IR-B open by 180.
        let finance = try #require(try db.user(login: "finance")).actor
        let day = try #require(DateOnly(iso: "2025-03-10"))
        let aging = try db.report(ReportRequest(name: "aging", period: DateRange(from: day, to: day)), for: finance)
        let customer = try #require(try db.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM customers WHERE code = 'IRT-1'") })
        let i = try #require(aging.refs.firstIndex(of: RecordRef(.customer, customer)))
        #expect(aging.rows[i][8] == .money(minorUnits: 18_000))
    }

    @Test func badRowsAreNamedAndNothingIsWritten() throws {
        let (db, manager, folder) = try company()
        let receipts = try folder.file("bad.csv", """
            number,customer,date,amount
            RC-2025-00001,IRT-1,2025-03-01,10
            OLD-9,NOBODY,2025-03-01,10
            OLD-8,IRT-1,2025-03-01,0
            OLD-7,IRT-1,2025-03-01,100
            OLD-6,IRT-1,2025-03-01,500
            OLD-5,IRT-1,2099-01-01,10
            """)
        let allocations = try folder.file("bad-allocations.csv", """
            receipt,receivable,amount
            OLD-7,IR-C,10
            OLD-6,IR-B,300
            OLD-4,IR-A,10
            """)
        let before = try receivables(db)
        let count = try db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM receipts") ?? 0 }
        let r = try DataImport.run(kind: "receipts", path: receipts, mapping: nil, dryRun: false, skipBadRows: false, linesPath: allocations,
                                   database: db, actor: manager, today: today, now: now)
        #expect(r.outcome.imported == 0)
        let found = r.outcome.problems.map { "\($0.line) \($0.column)" }
        #expect(found == ["0 allocations file row 4 receipt", "2 number", "3 customer", "4 amount", "5 allocations file row 2 receivable", "6 allocations", "7 date"])
        #expect(r.outcome.problems.first { $0.line == 6 }?.message.contains("IR-B has only") == true)
        #expect(try receivables(db) == before)
        #expect(try db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM receipts") ?? 0 } == count)
    }
}
