import Domain
import GRDB
@testable import Store
import Testing
import TestSupport

/// `:feedback` and `rapport report feedback`: each rep's CSAT, NPS and complaints are the
/// figures of their KPIs, the company's those of the dashboard; a complaint is assigned and
/// resolved by the manager, audited, bad input changing nothing.
@Suite struct FeedbackReportTests {
    let year = DateRange(from: DateOnly(year: 2026, month: 1, day: 1)!, to: Fixtures.today)

    @Test func theFiguresAreTheKPIsOfEachRepAndTheCompany() throws {
        let db = DemoFixture.make(inMemory: true)
        let manager = try Fixtures.actor("manager", in: db)
        let report = try db.report(ReportRequest(name: "feedback", period: year), for: manager)
        let perRep = try db.report(ReportRequest(name: "kpi-reps", period: year), for: manager)
        func column(_ r: Report, _ key: String) -> Int { r.columns.firstIndex { $0.key == key } ?? 0 }
        #expect(report.rows.count == perRep.rows.count)
        for (row, kpis) in zip(report.rows, perRep.rows) {
            #expect(row[0] == kpis[0] || (row[0] == .status("report.company") && kpis[0] == .status("report.company")))
            #expect(row[column(report, "kpi.csat")] == kpis[column(perRep, "kpi.csat")], "\(row[0])")
            #expect(row[column(report, "kpi.nps")] == kpis[column(perRep, "kpi.nps")], "\(row[0])")
        }
        let complaints = try #require(report.parts.first)
        #expect(complaints.name == "feedback-complaints" && complaints.refs.allSatisfy { $0?.kind == .feedback })
        #expect(report.rows.last?[column(report, "col.complaints")] == .integer(try db.read { db in
            try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM feedback WHERE kind = 'complaint' AND received_on BETWEEN ? AND ?", arguments: [year.from.iso, year.to.iso]) ?? 0
        }))
        #expect(throws: StoreError.self) { try db.report(ReportRequest(name: "feedback", period: year), for: try Fixtures.actor("rep", in: db)) }
    }

    @Test func aComplaintIsAssignedAndResolvedAudited() throws {
        let db = DemoFixture.make(inMemory: true)
        let manager = try Fixtures.actor("manager", in: db)
        let id = try #require(try db.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM feedback WHERE kind = 'complaint' AND resolved = 0 ORDER BY id LIMIT 1") })
        let form = try db.complaintForEdit(id: id, by: manager)
        #expect(form.handler != nil && !form.resolved)
        let finance = try Fixtures.actor("finance", in: db)
        // A disabled handler is refused, nothing written.
        try db.setActive(login: "finance", active: false, by: manager, at: 1)
        #expect(throws: StoreError.self) { try db.updateComplaint(id: id, version: form.version, resolved: true, handlerId: finance.userId, by: manager, today: Fixtures.today, at: 2) }
        #expect(try db.complaintForEdit(id: id, by: manager) == form)
        try db.updateComplaint(id: id, version: form.version, resolved: true, handlerId: manager.userId, by: manager, today: Fixtures.today, at: 3)
        let after = try db.complaintForEdit(id: id, by: manager)
        #expect(after.resolved && after.handler == manager.userId && after.version == form.version + 1)
        #expect(try db.read { db in try String.fetchOne(db, sql: "SELECT resolved_on FROM feedback WHERE id = ?", arguments: [id]) } == Fixtures.today.iso)
        // A stale form is refused.
        #expect(throws: StoreError.self) { try db.updateComplaint(id: id, version: form.version, resolved: false, handlerId: nil, by: manager, today: Fixtures.today, at: 4) }
        #expect(try db.auditEntries(entity: "feedback").contains { $0.action == "feedback.complaint" })
    }
}
