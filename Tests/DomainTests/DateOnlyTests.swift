import Testing
@testable import Domain

@Suite struct DateOnlyTests {
    let today = DateOnly(year: 2026, month: 11, day: 22)!

    @Test func calendarArithmetic() {
        #expect(today.iso == "2026-11-22")
        #expect(DateOnly(iso: "2026-11-22") == today)
        #expect(DateOnly(iso: "2026-02-29") == nil)
        #expect(DateOnly(iso: "2024-02-29") != nil)
        #expect(today.weekday == 7)  // a Sunday
        #expect(DateOnly(daysSinceEpoch: 0).iso == "1970-01-01")
        #expect(today.adding(months: 3).iso == "2027-02-22")
        #expect(DateOnly(year: 2026, month: 1, day: 31)!.adding(months: 1).iso == "2026-02-28")
        #expect(today.startOfMonth.iso == "2026-11-01")
        #expect(today.endOfMonth.iso == "2026-11-30")
        for d in stride(from: -1000, through: 1000, by: 37) {
            let x = today.adding(days: d)
            #expect(DateOnly(iso: x.iso) == x)
        }
    }

    @Test func shortcutsOfDateFields() throws {
        #expect(try DateOnly.parse("t", today: today) == today)
        #expect(try DateOnly.parse("+3", today: today).iso == "2026-11-25")
        #expect(try DateOnly.parse("-1w", today: today).iso == "2026-11-15")
        #expect(try DateOnly.parse("+1m", today: today).iso == "2026-12-22")
        #expect(try DateOnly.parse("11-30", today: today).iso == "2026-11-30")
        #expect(try DateOnly.parse("2027-01-05", today: today).iso == "2027-01-05")
        #expect(try DateOnly.parse(" T ", today: today) == today)
    }

    @Test func badDatesAreRefused() {
        for bad in ["", "tomorrowish", "13-01", "2026-02-30", "+x", "11/22", "2026-1-1"] {
            #expect(throws: DomainError.self) { try DateOnly.parse(bad, today: today) }
        }
    }

    @Test func periods() {
        let p = DateRange.monthToDate(today)
        #expect(p.days == 22)
        #expect(p.previous.from.iso == "2026-10-10")
        #expect(p.previous.to.iso == "2026-10-31")
        #expect(KPI.workingDays(p) == 15)
    }
}
