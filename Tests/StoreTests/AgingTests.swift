import Domain
import GRDB
@testable import Store
import Testing
import TestSupport

/// Aging as of a day, on figures worked out by hand: a receivable paid after the day is open as
/// of it, one dated after the day does not exist yet, credit is what was not allocated by the
/// day, and voided receipts count for nothing. Buckets + unapplied = balance, per customer and
/// in total, and `rapport check` agrees.
@Suite struct AgingTests {
    let today = Fixtures.today  // 2026-11-22
    let now: Int64 = 1_795_000_000

    func value(_ db: AppDatabase, _ sql: String, _ args: StatementArguments = []) throws -> Int64 {
        try db.read { db in try Int64.fetchOne(db, sql: sql, arguments: args) ?? 0 }
    }

    func day(_ iso: String) -> DateOnly { DateOnly(iso: iso) ?? DateOnly(daysSinceEpoch: 0) }

    /// A customer with nothing owed or paid, three receivables and three receipts of its own.
    func company() throws -> (AppDatabase, customer: Int64, items: [Int64]) {
        let db = DemoFixture.make(inMemory: true)
        let customer = try value(db, """
            SELECT id FROM customers WHERE id NOT IN (SELECT customer_id FROM receivables) AND id NOT IN (SELECT customer_id FROM receipts) ORDER BY id LIMIT 1
            """)
        let items = try db.write { db -> [Int64] in
            var items: [Int64] = []
            for (n, doc, due, amount) in [("AR-T1", "2026-08-01", "2026-08-31", 100_000), ("AR-T2", "2026-10-20", "2026-11-19", 50_000),
                                          ("AR-T3", "2026-11-05", "2026-12-05", 50_000)] {
                try db.execute(sql: "INSERT INTO receivables (number, customer_id, doc_date, due_date, amount, open_amount, status) VALUES (?, ?, ?, ?, ?, ?, 'posted')",
                               arguments: [n, customer, doc, due, amount, amount])
                items.append(db.lastInsertedRowID)
            }
            return items
        }
        let finance = try Fixtures.actor("finance", in: db)
        func receipt(_ date: String, _ amount: Int64, _ split: [(Int64, Int64)]) throws -> Int64 {
            let saved = try db.postReceipt(ReceiptDraft(partyId: customer, date: day(date), amount: Money(minorUnits: amount), method: .bankTransfer,
                                            split: .manual(split.map { .init(itemId: $0.0, amount: Money(minorUnits: $0.1)) })),
                               by: finance, today: today, at: now)
            return saved.id
        }
        _ = try receipt("2026-10-15", 40_000, [(items[0], 40_000)])
        _ = try receipt("2026-11-10", 60_000, [(items[0], 60_000)])
        let credit = try receipt("2026-10-25", 30_000, [])
        let voided = try receipt("2026-10-21", 20_000, [(items[1], 20_000)])
        try db.voidReceipt(id: voided, reason: "bounced", by: finance, at: now)
        // On 11-12, 100.00 of the October credit is allocated to the November receivable.
        try db.allocateCredit(receiptId: credit, to: [ReceiptDraft.ManualAllocation(itemId: items[2], amount: Money(minorUnits: 10_000))],
                              on: day("2026-11-12"), by: finance, today: today, at: now)
        return (db, customer, items)
    }

    func row(_ db: AppDatabase, asOf d: DateOnly, customer: Int64) throws -> [CellValue]? {
        let report = try db.report(ReportRequest(name: "aging", period: DateRange(from: d, to: d)), for: try Fixtures.actor("finance", in: db))
        guard let i = report.refs.firstIndex(of: RecordRef(.customer, customer)) else { return nil }
        return Array(report.rows[i][1...8])
    }

    @Test func asOfADayFromHandWorkedFigures() throws {
        let (db, customer, _) = try company()
        func m(_ v: Int64) -> CellValue { .money(minorUnits: v) }
        // As of 10-31: T1 open 600.00 (the 11-10 receipt comes later), 61 days overdue; T2 not
        // due; T3 not yet issued; the 10-25 receipt's 300.00 all unapplied; the voided one nothing.
        #expect(try row(db, asOf: day("2026-10-31"), customer: customer) == [m(50_000), m(0), m(0), m(60_000), m(0), m(0), m(-30_000), m(80_000)])
        // As of today: T1 paid; T2 3 days overdue; T3 400.00 open, not due; 200.00 credit left.
        #expect(try row(db, asOf: today, customer: customer) == [m(40_000), m(50_000), m(0), m(0), m(0), m(0), m(-20_000), m(70_000)])
        // Before anything was issued or paid, the customer has no row.
        #expect(try row(db, asOf: day("2026-07-31"), customer: customer) == nil)
    }

    @Test func bucketsAndCreditAddUpToEveryBalanceAndTheCheckAgrees() throws {
        let (db, _, _) = try company()
        let report = try db.report(ReportRequest(name: "aging", period: DateRange(from: today, to: today)), for: try Fixtures.actor("finance", in: db))
        func money(_ v: CellValue) -> Int64 { if case .money(let m) = v { m.minorUnits } else { 0 } }
        for r in report.rows { #expect(r[1...7].map(money).reduce(0, +) == money(r[8])) }
        // Today's balances are each customer's open receivables less its unapplied credit.
        let balance = try value(db, "SELECT SUM(open_balance) FROM customers") - value(db, "SELECT SUM(unapplied) FROM receipts WHERE status = 'posted'")
        #expect(report.rows.last.map { money($0[8]) } == balance)
        #expect(try db.check().isEmpty)
    }

    @Test func aRepIsNotShownTheAgingAndARepFilterKeepsTheirCustomers() throws {
        let db = Fixtures.demo
        let rep = try Fixtures.actor("rep", in: db)
        #expect(throws: StoreError.self) { try db.report(ReportRequest(name: "aging", period: DateRange(from: today, to: today)), for: rep) }
        let report = try db.report(ReportRequest(name: "aging", period: DateRange(from: today, to: today), rep: rep.userId), for: try Fixtures.actor("finance", in: db))
        let ids = report.refs.compactMap { $0?.id }
        let owners = try db.read { db in try Set(Int64.fetchAll(db, sql: "SELECT DISTINCT owner_id FROM customers WHERE id IN (\(ids.map(String.init).joined(separator: ",")))")) }
        #expect(!ids.isEmpty && owners == [rep.userId])
    }
}

/// The property: on the demo's history, with credit allocated later and receipts voided, aging
/// as of random days equals a direct computation from every item's and receipt's dated
/// allocations (`Aging.compute`), party by party — and buckets + unapplied = balance.
@Suite struct AgingPropertyTests {
    @Test func asOfAnyDayEqualsADirectComputation() throws {
        let db = DemoFixture.make(inMemory: true)
        let finance = try Fixtures.actor("finance", in: db)
        let today = Fixtures.today
        var seed: UInt64 = 0x5eed
        func next(_ n: Int) -> Int { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Int((seed >> 33) % UInt64(n)) }
        // Credit allocated later, on random days, to open items; a few receipts voided.
        let customers = try db.read { db in
            try Row.fetchAll(db, sql: """
                SELECT customer_id, min(doc_date) FROM receivables WHERE status = 'posted' AND open_amount > 0 GROUP BY customer_id ORDER BY customer_id LIMIT 12
                """).map { (id: $0[0] as Int64, first: DateOnly(iso: $0[1] as String) ?? today) }
        }
        var allocated = 0
        for c in customers {
            // Paid ahead on some day, allocated on a later one.
            let paid = c.first.adding(days: next(max(1, c.first.distance(to: today))))
            let receipt = try db.postReceipt(ReceiptDraft(partyId: c.id, date: paid, amount: Money(minorUnits: Int64(1_000 + next(500_000))), method: .cash,
                                                          split: .manual([])), by: finance, today: today, at: 1)
            let day = paid.adding(days: next(max(1, paid.distance(to: today))))
            guard let target = try db.openReceivables(customerId: c.id, by: finance).first(where: { $0.documentDate <= day }) else { continue }
            let credit = try db.creditSource(RecordRef(.receipt, receipt.id), by: finance).credit
            try db.allocateCredit(receiptId: receipt.id, to: [.init(itemId: target.id, amount: min(target.open, credit))], on: day, by: finance, today: today, at: 1)
            allocated += 1
        }
        #expect(allocated >= 3)
        let voids = try db.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM receipts WHERE status = 'posted' ORDER BY id DESC LIMIT 40") }
        for id in voids where next(4) == 0 { try db.voidReceipt(id: id, reason: "test", by: finance, at: 1) }
        #expect(try db.check().isEmpty)

        // The direct computation, from the raw rows.
        let (items, receipts) = try db.read { db -> ([OpenItem], [PartyCredit]) in
            var allocations: [Int64: [(date: DateOnly, amount: Money)]] = [:], byReceipt: [Int64: [(date: DateOnly, amount: Money)]] = [:]
            for r in try Row.fetchAll(db, sql: """
                SELECT a.receivable_id, a.receipt_id, a.allocated_on, a.amount FROM receipt_allocations a JOIN receipts p ON p.id = a.receipt_id WHERE p.status = 'posted'
                """) {
                let entry = (date: DateOnly(iso: r[2] as String) ?? today, amount: Money(minorUnits: r[3]))
                allocations[r[0], default: []].append(entry)
                byReceipt[r[1], default: []].append(entry)
            }
            let items = try Row.fetchAll(db, sql: "SELECT id, customer_id, doc_date, due_date, amount FROM receivables WHERE status = 'posted'").map {
                OpenItem(partyId: $0[1], documentDate: DateOnly(iso: $0[2] as String) ?? today, dueDate: DateOnly(iso: $0[3] as String) ?? today,
                         amount: Money(minorUnits: $0[4]), allocations: allocations[$0[0]] ?? [])
            }
            let receipts = try Row.fetchAll(db, sql: "SELECT id, customer_id, receipt_date, amount FROM receipts WHERE status = 'posted'").map {
                PartyCredit(partyId: $0[1], receiptDate: DateOnly(iso: $0[2] as String) ?? today, amount: Money(minorUnits: $0[3]), allocations: byReceipt[$0[0]] ?? [])
            }
            return (items, receipts)
        }
        let buckets = try db.settings().agingBuckets
        var days = [today, today.adding(days: -1)]
        for _ in 0..<10 { days.append(today.adding(days: -next(700))) }
        for day in days {
            let expected = Aging.compute(items: items, credits: receipts, asOf: day, buckets: buckets)
            let found = try db.read { db in try MoneyLedger.receipts.rows(db, asOf: day, buckets: buckets) }.sorted { $0.partyId < $1.partyId }
            #expect(found == expected && !expected.isEmpty, "as of \(day.iso)")
            let report = try db.report(ReportRequest(name: "aging", period: DateRange(from: day, to: day)), for: finance)
            #expect(report.rows.last?[8] == .money(expected.reduce(Money.zero) { $0 + $1.balance }), "total as of \(day.iso)")
        }
    }
}
