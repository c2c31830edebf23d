import Domain
import GRDB
@testable import Store
import Testing
import TestSupport

/// Handing over a departing rep's customers: every customer and its open work moves in one
/// transaction, each audited; spread evenly; never to a disabled user; the rep disabled after.
@Suite struct HandoverStoreTests {
    let today = Fixtures.today
    let now: Int64 = 1_795_000_000

    func value(_ db: AppDatabase, _ sql: String, _ args: StatementArguments = []) throws -> Int64 {
        try db.read { db in try Int64.fetchOne(db, sql: sql, arguments: args) ?? 0 }
    }

    @Test func everyCustomerAndItsOpenWorkMovesAndTheRepIsDisabled() throws {
        let db = DemoFixture.make(inMemory: true)
        let manager = try Fixtures.actor("manager", in: db), leaving = try Fixtures.actor("rep", in: db), taker = try Fixtures.actor("rep2", in: db)
        let source = try db.handoverSource(from: leaving.userId, by: manager)
        let owned = try value(db, "SELECT COUNT(*) FROM customers WHERE owner_id = ?", [leaving.userId])
        #expect(source.customers > 0 && source.customers == owned)
        #expect(!source.takers.contains { $0.id == leaving.userId } && source.takers.allSatisfy { $0.active && $0.role == .salesRep })
        let openOrders = try value(db, "SELECT COUNT(*) FROM sales_orders o JOIN customers c ON c.id = o.customer_id WHERE c.owner_id = ? AND o.status IN ('open','partially_shipped')", [leaving.userId])
        #expect(source.openOrders == openOrders)
        // Refused: to the leaving rep, to someone not a rep; by anyone but the manager. Nothing moved.
        #expect(throws: StoreError.self) { try db.handOver(from: leaving.userId, to: [leaving.userId], spread: .count, disable: false, by: manager, today: today, at: now) }
        #expect(throws: StoreError.self) { try db.handOver(from: leaving.userId, to: [manager.userId], spread: .count, disable: false, by: manager, today: today, at: now) }
        #expect(throws: StoreError.self) { try db.handOver(from: leaving.userId, to: [taker.userId], spread: .count, disable: false, by: taker, today: today, at: now) }
        #expect(try value(db, "SELECT COUNT(*) FROM customers WHERE owner_id = ?", [leaving.userId]) == source.customers)
        let moved = try db.handOver(from: leaving.userId, to: [taker.userId], spread: .count, disable: true, by: manager, today: today, at: now)
        #expect(Int64(moved) == source.customers)
        #expect(try value(db, "SELECT COUNT(*) FROM customers WHERE owner_id = ?", [leaving.userId]) == 0)
        #expect(try value(db, "SELECT COUNT(*) FROM sales_orders WHERE owner_id = ? AND status IN ('open','partially_shipped')", [leaving.userId]) == 0)
        #expect(try value(db, "SELECT COUNT(*) FROM receivables WHERE rep_id = ? AND status = 'posted' AND open_amount > 0", [leaving.userId]) == 0)
        #expect(try value(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'customer.handover'") == source.customers)
        #expect(try value(db, "SELECT active FROM users WHERE id = ?", [leaving.userId]) == 0)
        #expect(try db.check() == [])
        // The taker's own list has them now.
        let theirs = try db.listCount(ListQuery(.customers, sort: "name"), for: taker, today: today)
        #expect(Int64(theirs) >= source.customers)
        // A disabled user takes nobody's customers.
        #expect { try db.handOver(from: taker.userId, to: [leaving.userId], spread: .count, disable: false, by: manager, today: today, at: now) } throws: {
            if case .invalid(let d)? = $0 as? StoreError { d.code == "error.handover-disabled" } else { false }
        }
    }

    @Test func spreadEvenlyOverSeveralReps() throws {
        let db = DemoFixture.make(inMemory: true)
        let manager = try Fixtures.actor("manager", in: db), leaving = try Fixtures.actor("rep", in: db)
        let takers = try db.handoverSource(from: leaving.userId, by: manager).takers.map(\.id)
        let before = try takers.map { try value(db, "SELECT COUNT(*) FROM customers WHERE owner_id = ?", [$0]) }
        let moved = try db.handOver(from: leaving.userId, to: takers, spread: .count, disable: false, by: manager, today: today, at: now)
        let gained = try zip(takers, before).map { try value(db, "SELECT COUNT(*) FROM customers WHERE owner_id = ?", [$0.0]) - $0.1 }
        #expect(gained.reduce(0, +) == Int64(moved) && (gained.max() ?? 0) - (gained.min() ?? 0) <= 1)
        #expect(try db.check() == [])
    }

    @Test func theLastActiveManagerIsNotDisabled() throws {
        let db = DemoFixture.make(inMemory: true)
        let manager = try Fixtures.actor("manager", in: db)
        #expect { try db.setActive(login: "manager", active: false, by: manager, at: now) } throws: {
            if case .invalid(let d)? = $0 as? StoreError { d.code == "error.last-manager" } else { false }
        }
        #expect(try value(db, "SELECT active FROM users WHERE login = 'manager'") == 1)
    }

    @Test func markedCustomersMoveFromTheirOwnersWithTheirOpenWork() throws {
        let db = DemoFixture.make(inMemory: true)
        let manager = try Fixtures.actor("manager", in: db), taker = try Fixtures.actor("rep2", in: db)
        // One customer with an open order from each of two other reps.
        let picked = try db.read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.id, c.owner_id FROM customers c WHERE c.owner_id IS NOT NULL AND c.owner_id <> ?
                AND EXISTS (SELECT 1 FROM sales_orders o WHERE o.customer_id = c.id AND o.status IN ('open','partially_shipped'))
                GROUP BY c.owner_id LIMIT 2
                """, arguments: [taker.userId]).map { ($0[0] as Int64, $0[1] as Int64) }
        }
        try #require(picked.count == 2)
        let ids = picked.map(\.0)
        let source = try db.handoverSource(customers: ids, by: manager)
        #expect(source.rep == nil && source.customers == 2 && source.openOrders >= 2 && source.takers.contains { $0.id == taker.userId })
        #expect(throws: StoreError.self) { try db.handOver(customers: [], to: [taker.userId], spread: .count, by: manager, today: today, at: now) }
        #expect(throws: StoreError.self) { try db.handOver(customers: ids, to: [manager.userId], spread: .count, by: manager, today: today, at: now) }
        #expect(try db.handOver(customers: ids, to: [taker.userId], spread: .count, by: manager, today: today, at: now) == 2)
        for (id, _) in picked {
            #expect(try value(db, "SELECT owner_id FROM customers WHERE id = ?", [id]) == taker.userId)
            #expect(try value(db, "SELECT COUNT(*) FROM sales_orders WHERE customer_id = ? AND status IN ('open','partially_shipped') AND owner_id <> ?", [id, taker.userId]) == 0)
        }
        // Each audited with the owner it had.
        let audits = try db.auditEntries(entity: "customers").filter { $0.action == "customer.handover" }
        for (id, owner) in picked {
            #expect(audits.contains { $0.entityId == id && ($0.before ?? "").contains("\"\(owner)\"") })
        }
        #expect(try db.check() == [])
    }
}
