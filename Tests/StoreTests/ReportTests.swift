import Domain
import GRDB
import Store
import TestSupport
import Testing

/// The team report reads every rep's figures with grouped queries; each row must be exactly
/// what that rep's own figures say (the same rules, `repPerformance`; growth from the previous
/// period's own figures), and the total their sum.
@Suite struct ReportTests {
    let db = Fixtures.demo
    let today = Fixtures.today

    @Test(arguments: ["month", "year", "last-year"])
    func eachRepsRowIsThatRepsOwnFigures(_ span: String) throws {
        let period: DateRange = switch span {
        case "month": .monthToDate(today)
        case "year": .yearToDate(today)
        default: DateRange(from: today.startOfYear.adding(months: -12), to: today.startOfYear.adding(days: -1))
        }
        let manager = try Fixtures.actor("manager")
        let report = try db.report(ReportRequest(name: "team-performance", period: period), for: manager)
        let reps = try db.read { db in try Row.fetchAll(db, sql: "SELECT id FROM users WHERE role = 'sales_rep' AND active = 1 ORDER BY display_name, id").map { $0[0] as Int64 } }
        #expect(report.rows.count == reps.count + 1)
        var total = Money.zero
        for (row, rep) in zip(report.rows, reps) {
            let own = try db.repPerformance(rep: rep, period: period, for: manager)
            // Growth against the previous period of equal length, from that period's own figures.
            let before = try db.repPerformance(rep: rep, period: period.previous, for: manager)
            let expected: [CellValue] = [.text(own.rep), .money(own.sales), .percent(KPI.growth(current: own.sales, previous: before.sales)), .money(own.revenue),
                                         .money(own.collections), own.quota.map { .money($0) } ?? .empty, .percent(own.quotaAttainment), .integer(own.orders),
                                         .money(own.averageOrderValue), .integer(own.newCustomers), .money(own.commission)]
            #expect(row == expected, "\(own.rep) \(span)")
            total = total + own.sales
        }
        #expect(report.rows.last?[1] == .money(total))
        #expect(report.refs.dropLast().allSatisfy { $0?.kind == .performance } && report.refs.last == .some(nil))
    }

    @Test func aRepCannotSeeTheTeamAndTheAssistantCannotOpenReps() throws {
        #expect(throws: StoreError.self) { try db.report(ReportRequest(name: "team-performance", period: .monthToDate(today)), for: try Fixtures.actor("rep")) }
        let assistant = try db.report(ReportRequest(name: "team-performance", period: .monthToDate(today)), for: try Fixtures.actor("assistant"))
        #expect(assistant.refs.allSatisfy { $0 == nil })
    }
}
