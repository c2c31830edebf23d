import Foundation
import GRDB
import Testing
import TestSupport
import Domain
@testable import Store

/// Two reps save the same new customer at the same moment, each through their own connection
/// to the file (as two terminals do): the duplicate check runs inside the writing transaction,
/// so one is saved and the other is told about it (even when both accept merely similar names).
@Suite struct DuplicateRaceTests {
    @Test func twoSimultaneousSavesOfOneNameMakeOneCustomer() throws {
        let first = DemoFixture.make()
        let second = try AppDatabase.open(path: first.path, create: false)
        let rep = try Fixtures.actor("rep", in: first), rep2 = try Fixtures.actor("rep2", in: first)
        let today = Fixtures.today
        for round in 0..<12 {
            let name = "竞速测试贸易有限公司 \(round)"
            let results = LockedResults()
            DispatchQueue.concurrentPerform(iterations: 2) { i in
                let db = i == 0 ? first : second
                let c = Customer(code: "R\(round)-\(i)", name: name)
                do { results.append(try db.createCustomer(c, by: i == 0 ? rep : rep2, today: today, at: 1_795_000_000, acceptSimilar: true)) } catch { results.fail("\(error)") }
            }
            let saved = try first.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM customers WHERE name = ?", arguments: [name]) }
            #expect(saved == 1, "round \(round): \(results.all)")
        }
    }
}

final class LockedResults: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var all: [String] = []
    func append(_ r: CustomerSaveResult) { lock.lock(); all.append("\(r)"); lock.unlock() }
    func fail(_ s: String) { lock.lock(); all.append("error: \(s)"); lock.unlock() }
}
