import Domain
import GRDB
@testable import Store
import Testing
import TestSupport

/// `rapport check` finds an aggregate that drifted from its documents, named by where it is.
@Suite struct CheckTests {
    @Test func cashAggregatesThatDriftAreFound() throws {
        let db = DemoFixture.make(inMemory: true)
        #expect(try db.check() == [])
        try db.write { db in try db.execute(sql: "UPDATE cash_daily SET amount = amount + 1 WHERE day = (SELECT min(day) FROM cash_daily WHERE amount <> 0) AND amount <> 0") }
        #expect(try db.check().contains { $0.contains("cash by day") })
        try db.write { db in try db.execute(sql: "UPDATE cash_party_monthly SET documents = documents + 1 WHERE month = (SELECT min(month) FROM cash_party_monthly)") }
        #expect(try db.check().contains { $0.contains("cash by party and month") })
    }
}
