import Domain
import GRDB
@testable import Store
import Testing
import TestSupport

/// Quotas: a rep's year saved at once and audited; a month below zero or a user who is not a rep
/// refused with nothing written; the quotas card's attainment follows at once.
@Suite struct QuotaTests {
    let today = Fixtures.today
    let now: Int64 = 1_795_000_000

    func yearRow(_ db: AppDatabase, _ manager: Actor, rep: String) throws -> [CellValue]? {
        try db.cardPage(RecordRef(.quotas, Int64(today.year)), section: "quotas.year", offset: 0, limit: nil, for: manager, today: today).rows.first { $0.first == .text(rep) }
    }

    @Test func aRepsYearSavedAndTheAttainmentFollows() throws {
        let db = DemoFixture.make(inMemory: true)
        let manager = try Fixtures.actor("manager", in: db), rep = try Fixtures.actor("rep", in: db), finance = try Fixtures.actor("finance", in: db)
        var year = try db.quotaYear(rep: rep.userId, year: today.year, by: manager)
        let before = try #require(try yearRow(db, manager, rep: rep.displayName))
        // Refused: a month below zero, a user who is not a rep, anyone but the manager — nothing written.
        var bad = year; bad.months[2] = Money(minorUnits: -1)
        #expect { try db.saveQuotaYear(bad, by: manager, at: now) } throws: { if case .invalid(let d)? = $0 as? StoreError { d.field == "m03" } else { false } }
        #expect(throws: StoreError.self) { try db.saveQuotaYear(QuotaYear(repId: finance.userId, year: today.year, months: year.months), by: manager, at: now) }
        #expect(throws: StoreError.self) { try db.saveQuotaYear(year, by: rep, at: now) }
        #expect(try db.quotaYear(rep: rep.userId, year: today.year, by: manager) == year)
        // This month's quota halved: its attainment doubles; the audit says before and after.
        let month = today.month - 1
        let quota = try #require(year.months[month])
        year.months[month] = Money(minorUnits: quota.minorUnits / 2)
        try db.saveQuotaYear(year, by: manager, at: now)
        let after = try #require(try yearRow(db, manager, rep: rep.displayName))
        guard case .percent(let was?) = before[4], case .percent(let now?) = after[4] else { Issue.record("no attainment this month"); return }
        #expect(abs(now.value - 2 * was.value) <= 1)
        #expect(try db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log WHERE action = 'quota.set' AND entity_id = ?", arguments: [rep.userId]) } == 1)
        // The KPI dashboard's quota for the month is the new one.
        let kpi = try db.report(ReportRequest(name: "kpi", period: DateRange(from: today.startOfMonth, to: today), rep: rep.userId), for: manager)
        #expect(kpi.rows.first { $0.first == .status("kpi.quota") }?[1] == .money(Money(minorUnits: quota.minorUnits / 2)))
    }

    @Test func aDisabledRepsQuotasMayBeClearedNotSet() throws {
        let db = DemoFixture.make(inMemory: true)
        let manager = try Fixtures.actor("manager", in: db), rep = try Fixtures.actor("rep", in: db)
        try db.setActive(login: "rep", active: false, by: manager, at: now)
        var year = try db.quotaYear(rep: rep.userId, year: today.year, by: manager)
        var raised = year
        raised.months[0] = Money(minorUnits: (year.months[0]?.minorUnits ?? 0) + 100)
        #expect { try db.saveQuotaYear(raised, by: manager, at: now) } throws: { ($0 as? StoreError)?.userMessage.key == "error.quota-disabled" }
        #expect(try db.quotaYear(rep: rep.userId, year: today.year, by: manager) == year)
        year.months = Array(repeating: nil, count: 12)
        try db.saveQuotaYear(year, by: manager, at: now)
        #expect(try db.quotaYear(rep: rep.userId, year: today.year, by: manager).months.allSatisfy { $0 == nil })
    }
}
