import Foundation
import GRDB
import Testing
import TestSupport
import Domain
@testable import Store

@Suite struct CustomerListTests {
    let db = Fixtures.demo

    /// Every order pages through the whole (filtered) list exactly once, in order, both ways.
    @Test(arguments: CustomerSort.allCases)
    func keysetPagingVisitsEveryCustomerOnceInOrder(_ sort: CustomerSort) throws {
        for (login, filter) in [("rep", CustomerFilter()), ("manager", CustomerFilter()), ("rep", CustomerFilter(status: .active)), ("manager", CustomerFilter(tag: "VIP"))] {
            let actor = try Fixtures.actor(login)
            var seen: [CustomerRow] = []
            var after: CustomerCursor?
            while true {
                let page = try db.customerPage(for: actor, sort: sort, filter: filter, after: after, limit: 23)
                seen += page
                guard let last = page.last else { break }
                after = sort.cursor(after: last)
            }
            #expect(seen.count == (try db.customerCount(for: actor, filter: filter)), "\(login) \(sort)")
            #expect(Set(seen.map(\.id)).count == seen.count)
            if let status = filter.status { #expect(seen.allSatisfy { $0.status == status.rawValue }) }
            let values: [String] = seen.map {
                switch sort {
                case .name: return $0.sortKey
                case .lastContact: return $0.lastContact
                case .nextContact: return $0.nextContact.isEmpty ? "9999-12-31" : $0.nextContact
                case .lastOrder: return $0.lastOrder
                case .openReceivables: return String(format: "%020lld", $0.openBalance)
                }
            }
            #expect(values == (sort.descending ? values.sorted(by: >) : values.sorted()), "\(login) \(sort) out of order")
            // And backwards from the end gives the same rows.
            var back: [CustomerRow] = []
            var before: CustomerCursor?
            while true {
                let page = try db.customerPage(for: actor, sort: sort, filter: filter, after: before, limit: 23, backwards: true)
                back = page + back
                guard let first = page.first else { break }
                before = sort.cursor(after: first)
            }
            #expect(back.map(\.id) == seen.map(\.id), "\(login) \(sort) backwards")
        }
    }

    @Test func sortedPagesReadAnIndexInsteadOfSortingTheTable() throws {
        let rep = try Fixtures.actor("rep")
        for sort in CustomerSort.allCases {
            for owner in ["AND c.owner_id = \(rep.userId) ", ""] {
                let order = sort.descending ? "DESC" : "ASC"
                let sql = "SELECT c.id FROM customers c WHERE c.archived = 0 \(owner)AND (\(sort.expression), c.id) > ('', 0) ORDER BY \(sort.expression) \(order), c.id \(order) LIMIT 50"
                let details = try db.read { db in try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String } }
                // Sorting ties of equal names ("RIGHT PART OF ORDER BY") is fine; sorting the table is not.
                #expect(!details.contains { $0.contains("TEMP B-TREE FOR ORDER BY") }, "\(sort) sorts the table: \(details)")
                #expect(details.contains { $0.contains("INDEX customers_") }, "\(sort): \(details)")
            }
        }
    }

    @Test func aTypedSearchReadsABoundedWindowAndSaysWhenItIsIncomplete() throws {
        let manager = try Fixtures.actor("manager")
        let all = try db.customerSearch(for: manager, query: "z")
        // A window smaller than the list: what it holds, marked incomplete unless the limit was reached.
        let windowed = try db.customerSearch(for: manager, query: "z", limit: 200, window: 50)
        #expect(Set(windowed.rows.map(\.id)).isSubset(of: Set(all.map(\.id))))
        #expect(windowed.complete == (windowed.rows.count >= 200))
        // A window as large as the list: complete, and the same answer as the full search.
        let whole = try db.customerSearch(for: manager, query: "z", limit: 200, window: 1_000_000)
        #expect(whole.complete && whole.rows.map(\.id) == all.map(\.id))
        // A rep's own customers are always searched in full.
        let rep = try Fixtures.actor("rep")
        #expect(try db.customerSearch(for: rep, query: "z", limit: 200, window: 50).complete)
    }
}
