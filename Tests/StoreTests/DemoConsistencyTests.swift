import Foundation
import GRDB
import Testing
import TestSupport
import Domain
@testable import Store

/// The demo company agrees with itself: what a customer card says about the last contact is
/// the latest entry of its log; every accepted quote has its sales order (and that order points
/// back); today's share of the contact log is a working day's, not a tenth of all history.
@Suite struct DemoConsistencyTests {
    let db = Fixtures.demo

    func count(_ sql: String) throws -> Int { try db.read { db in try Int.fetchOne(db, sql: sql) ?? -1 } }

    @Test func lastContactIsTheLatestLogEntry() throws {
        #expect(try count("""
            SELECT COUNT(*) FROM customers c WHERE coalesce(last_contact_on, '') <> coalesce((SELECT max(happened_on) FROM contact_log WHERE customer_id = c.id), '')
            """) == 0)
    }

    @Test func acceptedQuotesHaveTheirOrders() throws {
        #expect(try count("SELECT COUNT(*) FROM quotes WHERE status = 'accepted'") > 0)
        #expect(try count("SELECT COUNT(*) FROM quotes WHERE status = 'accepted' AND sales_order_id IS NULL") == 0)
        #expect(try count("""
            SELECT COUNT(*) FROM quotes q JOIN sales_orders o ON o.id = q.sales_order_id
            WHERE o.quote_id <> q.id OR o.customer_id <> q.customer_id OR o.order_date < q.quote_date
            """) == 0)
    }

    @Test func todayHoldsAWorkingDaysShareOfTheLog() throws {
        let all = try count("SELECT COUNT(*) FROM contact_log")
        let today = try count("SELECT COUNT(*) FROM contact_log WHERE happened_on = '\(Fixtures.today.iso)'")
        #expect(today * 20 < all, "\(today) of \(all) entries are dated today")
    }
}
