import Foundation
import GRDB
import Testing
import TestSupport
import Domain
@testable import Store

@Suite struct ReminderAndAccessTests {
    let db = Fixtures.demo
    let today = Fixtures.today

    @Test func everyRoleHasItsReminderKindsAndTheRepHasSomethingOfEach() throws {
        for login in ["rep", "assistant", "finance", "purchasing", "manager"] {
            let actor = try Fixtures.actor(login)
            let groups = try db.reminders(for: actor, today: today)
            #expect(groups.map(\.kind) == ReminderKind.kinds(for: actor.role))
            for g in groups { #expect(g.items.count == min(g.total, ReminderKind.paneItemLimit(for: actor.role))) }
        }
        let rep = try db.reminders(for: try Fixtures.actor("rep"), today: today)
        for kind in [ReminderKind.contactToday, .contactTomorrow, .overdueFollowUp, .receivableOverdue, .birthday, .dormantCustomer] {
            #expect((rep.first { $0.kind == kind }?.total ?? 0) > 0, "rep has no \(kind) reminder")
        }
        let purchasing = try db.reminders(for: try Fixtures.actor("purchasing"), today: today)
        #expect(purchasing.filter { [.goodsExpected, .lowStock].contains($0.kind) }.allSatisfy { $0.total > 0 })
        #expect(try db.reminders(for: try Fixtures.actor("assistant"), today: today)[0].total > 0)
    }

    @Test func everyReminderOpensItsCardForItsRole() throws {
        for login in ["rep", "assistant", "finance", "purchasing", "manager"] {
            let actor = try Fixtures.actor(login)
            for group in try db.reminders(for: actor, today: today) {
                for item in group.items {
                    let card = try db.card(item.record, for: actor, today: today)
                    #expect(!card.title.isEmpty)
                }
            }
        }
    }

    @Test func theDemoFillsEveryTableAndEveryReminderKind() throws {
        // Operating-system accounts belong to a host's deployment, not to a demo company.
        for table in MigrationTests.tables where table != "os_accounts" {
            let rows = try db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
            #expect(rows > 0, "\(table) is empty in the demo")
        }
        var totals: [ReminderKind: Int] = [:]
        for login in ["rep", "assistant", "finance", "purchasing", "manager"] {
            for g in try db.reminders(for: try Fixtures.actor(login), today: today) { totals[g.kind, default: 0] += g.total }
        }
        for kind in ReminderKind.allCases { #expect((totals[kind] ?? 0) > 0, "no \(kind) reminder in the demo") }
        #expect((try db.reminders(for: try Fixtures.actor("rep"), today: today).first { $0.kind == .creditBreach }?.total ?? 0) > 0)
    }

    @Test func duplicateHintsShowOnlyNameOwnerAndSince() throws {
        let hints = try db.duplicateHints(name: "北京华联商厦集团有限公司", phone: nil, email: nil)
        #expect(Set(hints.map(\.name)) == ["北京华联商厦有限公司", "北京华联商厦（集团）股份有限公司"])
        #expect(hints.allSatisfy { $0.rule == .sameName && !$0.owner.isEmpty && DateOnly(iso: $0.ownerSince) != nil })
        let similar = try db.duplicateHints(name: "北京华联商厦百货", phone: nil, email: nil)
        #expect(similar.contains { $0.name == "北京华联商厦有限公司" && $0.rule == .similarName })
        let rep2 = try Fixtures.actor("rep2")
        let byPhone = try db.read { db in
            try Row.fetchOne(db, sql: "SELECT id, phone FROM customers WHERE owner_id = ? AND phone IS NOT NULL LIMIT 1", arguments: [rep2.userId])
                .map { ($0[0] as Int64, $0[1] as String) }
        }
        let (id, phone) = try #require(byPhone)
        let phoneHints = try db.duplicateHints(name: "完全不同的公司", phone: "+86 " + phone, email: nil)
        #expect(phoneHints.contains { $0.customerId == id && $0.rule == .samePhone })
        #expect(try db.duplicateHints(name: "完全不同的公司", phone: phone, email: nil, excluding: id).allSatisfy { $0.customerId != id })
    }

    @Test func duplicatePairsAcrossTheWholeBase() throws {
        let result = try db.duplicatePairs(for: .system)
        #expect(result.pairs.contains { $0.rule == .sameName && Set([$0.first.name, $0.second.name]) == ["北京华联商厦有限公司", "北京华联商厦（集团）股份有限公司"] })
        #expect(result.pairs.contains { $0.rule == .sameName && Set([$0.first.name, $0.second.name]) == ["Northwind Trading Ltd.", "ＮＯＲＴＨＷＩＮＤ Trading Co., Ltd."] })
        for p in result.pairs.prefix(200) {
            func keys(_ id: Int64) throws -> DuplicateKeys? {
                try db.read { db in
                    try Row.fetchOne(db, sql: "SELECT name, phone, email FROM customers WHERE id = ?", arguments: [id])
                        .map { DuplicateMatching.keys(name: $0[0], phone: $0[1], email: $0[2]) }
                }
            }
            guard let a = try keys(p.first.id), let b = try keys(p.second.id) else { Issue.record("missing customer"); continue }
            #expect(DuplicateMatching.match(a, b) == p.rule)
        }
    }

    @Test func searchFindsByPinyinInitialsPhoneAndShortChineseQueries() throws {
        let rep = try Fixtures.actor("rep"), rep2 = try Fixtures.actor("rep2"), manager = try Fixtures.actor("manager")
        #expect(try db.customerSearch(for: rep, query: "bjhl").contains { $0.name == "北京华联商厦有限公司" })
        #expect(try db.customerSearch(for: rep, query: "bjhlss").map(\.name) == ["北京华联商厦有限公司"])
        #expect(try db.customerSearch(for: rep, query: "BeiJingHuaLian").map(\.name) == ["北京华联商厦有限公司"])
        #expect(try db.customerSearch(for: rep, query: "beijing").allSatisfy { $0.name.hasPrefix("北京") })
        #expect(try db.customerSearch(for: rep, query: "京").contains { $0.name == "北京华联商厦有限公司" })
        #expect(try db.customerSearch(for: rep, query: "华联").contains { $0.name == "北京华联商厦有限公司" })
        // Another rep's customers are never found, however the query is spelt.
        let theirs = try db.customerSearch(for: rep2, query: "bjhl")
        #expect(theirs.map(\.name) == ["北京华联商厦（集团）股份有限公司"])
        let all = try db.customerSearch(for: manager, query: "bjhl")
        #expect(Set(all.map(\.name)).isSuperset(of: ["北京华联商厦有限公司", "北京华联商厦（集团）股份有限公司"]))
        #expect(all.allSatisfy { Pinyin.of($0.name).initials.contains("bjhl") })
        let phone = try #require(try db.read { db in try String.fetchOne(db, sql: "SELECT phone FROM customers WHERE id = 1") })
        #expect(try db.customerSearch(for: rep, query: String(phone.suffix(6))).contains { $0.code == "C000001" })
        #expect(try db.customerSearch(for: manager, query: "trading").count > 1)
        #expect(try db.customerSearch(for: rep, query: "").isEmpty)
        #expect(try db.customerSearch(for: rep, query: "100%_").isEmpty)
        #expect(throws: StoreError.self) { try db.customerSearch(for: try Fixtures.actor("purchasing"), query: "bjhl") }
    }

    @Test func contactTodayFollowsTheRule() throws {
        let rep = try Fixtures.actor("rep")
        let group = try db.reminders(for: rep, today: today).first { $0.kind == .contactToday }
        let expected = try db.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM customers WHERE owner_id = ? AND next_contact_on = ? AND archived = 0", arguments: [rep.userId, "2026-11-22"])
        }
        #expect(group?.total == expected)
        #expect(group?.items.allSatisfy { $0.date == today } == true)
    }

    @Test func aRepSeesOnlyOwnCustomersEverywhere() throws {
        let rep = try Fixtures.actor("rep")
        let ownIds = Set(try db.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM customers WHERE owner_id = ?", arguments: [rep.userId]) })
        for g in try db.reminders(for: rep, today: today) {
            for item in g.items {
                let customer: Int64? = try db.read { db in
                    switch item.record.kind {
                    case .customer: return item.record.id
                    case .receivable: return try Int64.fetchOne(db, sql: "SELECT customer_id FROM receivables WHERE id = ?", arguments: [item.record.id])
                    case .contact: return try Int64.fetchOne(db, sql: "SELECT customer_id FROM contacts WHERE id = ?", arguments: [item.record.id])
                    default: return nil
                    }
                }
                #expect(customer.map(ownIds.contains) == true, "\(item.kind) shows a customer the rep does not own")
            }
        }
        var after: CustomerCursor? = nil
        var listed = 0
        while true {
            let page = try db.customerPage(for: rep, after: after, limit: 37)
            #expect(page.allSatisfy { ownIds.contains($0.id) })
            listed += page.count
            guard let last = page.last else { break }
            after = CustomerSort.name.cursor(after: last)
        }
        #expect(listed == ownIds.count)
        #expect(try db.customerCount(for: rep) == ownIds.count)
    }

    @Test func cardsOfOtherRepsCustomersAreForbidden() throws {
        let rep = try Fixtures.actor("rep"), rep2 = try Fixtures.actor("rep2")
        let (mine, theirs, theirReceivable, theirOrder) = try db.read { db in
            (try Int64.fetchOne(db, sql: "SELECT id FROM customers WHERE owner_id = ? LIMIT 1", arguments: [rep.userId]) ?? 0,
             try Int64.fetchOne(db, sql: "SELECT id FROM customers WHERE owner_id = ? LIMIT 1", arguments: [rep2.userId]) ?? 0,
             try Int64.fetchOne(db, sql: "SELECT r.id FROM receivables r JOIN customers c ON c.id = r.customer_id WHERE c.owner_id = ? LIMIT 1", arguments: [rep2.userId]) ?? 0,
             try Int64.fetchOne(db, sql: "SELECT o.id FROM sales_orders o JOIN customers c ON c.id = o.customer_id WHERE c.owner_id = ? LIMIT 1", arguments: [rep2.userId]) ?? 0)
        }
        #expect(try db.card(RecordRef(.customer, mine), for: rep, today: today).fields.contains { $0.label == "field.code" })
        let forbidden = StoreError.forbidden("this customer belongs to another sales rep")
        #expect(throws: forbidden) { try db.card(RecordRef(.customer, theirs), for: rep, today: today) }
        #expect(throws: forbidden) { try db.card(RecordRef(.receivable, theirReceivable), for: rep, today: today) }
        #expect(throws: forbidden) { try db.card(RecordRef(.salesOrder, theirOrder), for: rep, today: today) }
        #expect(throws: StoreError.self) { try db.card(RecordRef(.customer, mine), for: try Fixtures.actor("purchasing"), today: today) }
        #expect(throws: StoreError.self) { try db.customerPage(for: try Fixtures.actor("purchasing"), after: nil, limit: 5) }
        _ = try db.card(RecordRef(.customer, theirs), for: try Fixtures.actor("manager"), today: today)
        _ = try db.card(RecordRef(.receivable, theirReceivable), for: try Fixtures.actor("finance"), today: today)
    }

    @Test func dashboardsHaveRealFiguresForEveryRole() throws {
        for login in ["rep", "assistant", "finance", "purchasing", "manager"] {
            let d = try db.dashboard(for: try Fixtures.actor(login), today: today)
            #expect(d.metrics.count >= 5)
            #expect(d.period == DateRange(from: today.startOfMonth, to: today))
            let shown = d.metrics.map(\.value.plainText)
            #expect(shown.contains { $0 != "0" && $0 != "0.00" && $0 != "—" })
        }
        let rep = try Fixtures.actor("rep")
        let d = try db.dashboard(for: rep, today: today)
        let sales = try db.read { db in
            try Int64.fetchOne(db, sql: "SELECT SUM(total) FROM sales_orders WHERE owner_id = ? AND order_date BETWEEN '2026-11-01' AND '2026-11-22' AND status <> 'cancelled'", arguments: [rep.userId]) ?? 0
        }
        #expect(d.metrics.first { $0.key == "kpi.sales" }?.value == .money(Money(minorUnits: sales)))
        #expect(d.spark.count == 12)
        let finance = try db.dashboard(for: try Fixtures.actor("finance"), today: today)
        #expect(finance.bars.count == 6)
        let open = try db.read { db in try Int64.fetchOne(db, sql: "SELECT SUM(open_amount) FROM receivables WHERE status = 'posted'") ?? 0 }
        #expect(finance.bars.reduce(0) { $0 + $1.value } == open)
    }

    @Test func theDemoKeepsEveryInvariant() throws {
        #expect(try db.check() == [])
    }

    @Test func hotQueriesUseIndexes() throws {
        let rep = try Fixtures.actor("rep")
        let plans: [String] = [
            "SELECT COUNT(*) FROM customers c WHERE c.next_contact_on = '2026-11-22' AND c.archived = 0 AND c.owner_id = \(rep.userId)",
            "SELECT COUNT(*) FROM customers c WHERE c.status = 'active' AND c.last_order_on < '2026-08-24' AND c.archived = 0 AND c.owner_id = \(rep.userId)",
            "SELECT COUNT(*) FROM receivables r WHERE r.open_amount > 0 AND r.status = 'posted' AND r.due_date < '2026-11-22' AND r.rep_id = \(rep.userId)",
            "SELECT COUNT(*) FROM sales_orders o WHERE o.status IN ('open','partially_shipped') AND o.due_date <= '2026-11-23'",
            "SELECT coalesce(SUM(total),0) FROM sales_orders WHERE order_date BETWEEN '2026-11-01' AND '2026-11-22' AND status <> 'cancelled'",
            "SELECT coalesce(SUM(total),0) FROM shipments WHERE ship_date BETWEEN '2026-11-01' AND '2026-11-22' AND status = 'posted'",
            "SELECT coalesce(SUM(amount),0) FROM receipts WHERE receipt_date BETWEEN '2026-11-01' AND '2026-11-22' AND status = 'posted'",
            "SELECT c.id FROM customers c WHERE c.archived = 0 AND c.owner_id = \(rep.userId) AND (c.name, c.id) > ('M', 0) ORDER BY c.name, c.id LIMIT 50",
            "SELECT c.id FROM customers c WHERE c.archived = 0 AND (c.name, c.id) > ('M', 0) ORDER BY c.name, c.id LIMIT 50",
            "SELECT COUNT(*) FROM contacts k WHERE k.birthday_md IN ('11-22','11-23')",
            "SELECT COUNT(*) FROM purchase_orders p WHERE p.status IN ('open','partially_received') AND p.expected_date <= '2026-11-23'",
            "SELECT COUNT(*) FROM payables p WHERE p.open_amount > 0 AND p.status = 'posted' AND p.due_date < '2026-11-22'",
        ]
        let big = ["customers", "sales_orders", "sales_order_lines", "shipments", "receivables", "receipts", "contacts", "contact_log", "payables", "purchase_orders"]
        for sql in plans {
            let details = try db.read { db in try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String } }
            for d in details {
                for table in big {
                    #expect(!(d.hasPrefix("SCAN \(table)") && !d.contains("USING")), "full scan: \(d) in \(sql)")
                    #expect(d != "SCAN \(table)" && !d.hasPrefix("SCAN \(table) ") || d.contains("INDEX"), "full scan: \(d) in \(sql)")
                }
            }
        }
    }
}

@Suite struct MaintenanceTests {
    @Test func checkNamesBrokenInvariants() throws {
        let db = DemoFixture.make(seed: 7)
        try db.write { db in
            try db.execute(sql: "UPDATE receipts SET amount = amount + 100 WHERE id = 1")
            try db.execute(sql: "UPDATE sales_orders SET total = total + 1 WHERE id = 2")
        }
        let problems = try db.check()
        #expect(problems.contains { $0.hasPrefix("receipt ≠ allocations + unapplied: RC-") })
        #expect(problems.contains { $0.hasPrefix("order total ≠ lines: SO-") })
    }

    @Test func backupIsACompleteOwnerOnlyCopy() throws {
        let db = try AppDatabase.temporary()
        _ = try db.addUser(login: "boss", displayName: "", role: .manager, password: "pass", by: .system, at: 0)
        let target = NSTemporaryDirectory() + "rapport-backup-\(UUID().uuidString).sqlite"
        try db.backup(to: target)
        #expect(try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int == 0o600)
        #expect(try AppDatabase.open(path: target).users().map(\.login) == ["boss"])
        #expect(throws: StoreError.self) { try db.backup(to: target) }
    }

    @Test func aWriteFromAnotherConnectionIsNoticed() throws {
        let db = try AppDatabase.temporary()
        let watcher = DataVersionWatcher(path: db.path)
        #expect(!watcher.changed())
        #expect(!watcher.changed())
        let other = try AppDatabase.open(path: db.path)
        _ = try other.addUser(login: "x", displayName: "", role: .finance, password: "pass", by: .system, at: 0)
        #expect(watcher.changed())
        #expect(!watcher.changed())
    }

    @Test func aFailedWriteRollsBackEverything() throws {
        let db = try AppDatabase.inMemory()
        #expect(throws: StoreError.self) {
            try db.write { db in
                try db.execute(sql: "INSERT INTO warehouses (code, name) VALUES ('SH', 'Shanghai')")
                try db.execute(sql: "INSERT INTO warehouses (code, name) VALUES ('SH', 'again')")
            }
        }
        #expect(try db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM warehouses") } == 0)
    }

    @Test func documentNumbersAreGaplessPerYear() throws {
        let db = try AppDatabase.inMemory()
        let numbers = try db.write { db in
            [try DocumentSequence.next(db, kind: .salesOrder, year: 2026), try DocumentSequence.next(db, kind: .salesOrder, year: 2026),
             try DocumentSequence.next(db, kind: .salesOrder, year: 2027), try DocumentSequence.next(db, kind: .receipt, year: 2026)]
        }
        #expect(numbers == ["SO-2026-00001", "SO-2026-00002", "SO-2027-00001", "RC-2026-00001"])
        #expect(throws: StoreError.self) {
            try db.write { db in
                _ = try DocumentSequence.next(db, kind: .salesOrder, year: 2026)
                throw StoreError.failed("abandoned")
            }
        }
        #expect(try db.write { db in try DocumentSequence.next(db, kind: .salesOrder, year: 2026) } == "SO-2026-00003")
    }
}
