import Domain
import GRDB

/// Feedback and complaints (`:feedback`, `rapport report feedback`, the manager's): CSAT, NPS and
/// complaints of a period per rep (by the customer's owner, as the KPIs count them), the company
/// last; then the complaints — every one still open, and those received in the period — with
/// their status and who handles them.
extension AppDatabase {
    static func feedbackReport(_ db: Database, _ request: ReportRequest, for actor: Actor) throws -> Report {
        guard actor.can(.viewAllKPIs) else { throw StoreError.forbidden("only the manager sees every customer's feedback") }
        let p = request.period
        let reps = try Row.fetchAll(db, sql: "SELECT id, display_name FROM users WHERE role = 'sales_rep' AND active = 1 ORDER BY display_name, id")
            .map { (id: $0[0] as Int64, name: $0[1] as String) }
        // Per owner (0: no owner), and the company's in one pass.
        var byOwner: [Int64: KPIInputs] = [:], open: [Int64: Int64] = [:], company = KPIInputs(period: p)
        for r in try Row.fetchAll(db, sql: """
            SELECT coalesce(c.owner_id, 0), \(feedbackSums), coalesce(SUM(kind = 'complaint' AND resolved = 0), 0)
            FROM feedback f JOIN customers c ON c.id = f.customer_id WHERE f.received_on BETWEEN ? AND ? GROUP BY 1
            """, arguments: [p.from.iso, p.to.iso]) {
            var k = KPIInputs(period: p)
            addFeedback(r, at: 1, to: &k)
            addFeedback(r, at: 1, to: &company)
            byOwner[r[0]] = k; open[r[0]] = r[8]
        }
        func cells(_ name: CellValue, _ k: KPIInputs, open: Int64) -> [CellValue] {
            let lines = Dictionary(uniqueKeysWithValues: k.lines.map { ($0.key, $0.value) })
            return [name, .integer(k.csatCount), lines["kpi.csat"] ?? .empty, lines["kpi.csat-mean"] ?? .empty, .integer(k.npsCount), lines["kpi.nps"] ?? .empty,
                    .integer(k.complaints), open > 0 ? .warning(.integer(open)) : .integer(0)]
        }
        let rows = reps.map { cells(.text($0.name), byOwner[$0.id] ?? KPIInputs(period: p), open: open[$0.id] ?? 0) }
            + [cells(.status("report.company"), company, open: open.values.reduce(0, +))]
        var report = Report(name: request.name, title: "title.feedback", parameters: periodParameters(p),
                            columns: [ColumnSpec("col.rep", .text, flexible: true, shrinks: true), .integer("col.csat-answers"), .percent("kpi.csat"),
                                      ColumnSpec("col.csat-mean", .quantity), .integer("col.nps-answers"), .integer("kpi.nps"), .integer("col.complaints"), .integer("col.open")],
                            rows: rows, refs: reps.map { RecordRef(.performance, $0.id) } + [nil])
        report.tableTitle = "feedback.by-rep"
        report.parts = [try complaints(db, p)]
        return report
    }

    /// Every complaint still open (oldest first), then those received or resolved in the period
    /// (newest first).
    static func complaints(_ db: Database, _ p: DateRange) throws -> Report {
        let rows = try Row.fetchAll(db, sql: """
            SELECT f.id, f.received_on, c.name, coalesce(o.display_name, ''), coalesce(h.display_name, ''), f.resolved, f.resolved_on, coalesce(f.note, '')
            FROM feedback f JOIN customers c ON c.id = f.customer_id LEFT JOIN users o ON o.id = c.owner_id LEFT JOIN users h ON h.id = f.handler_id
            WHERE f.kind = 'complaint' AND (f.resolved = 0 OR f.received_on BETWEEN ?1 AND ?2 OR f.resolved_on BETWEEN ?1 AND ?2)
            ORDER BY f.resolved, CASE WHEN f.resolved = 0 THEN f.received_on END, f.received_on DESC, f.id DESC
            """, arguments: [p.from.iso, p.to.iso])
        return Report(name: "feedback-complaints", title: "feedback.complaints", parameters: periodParameters(p),
                      columns: [ColumnSpec("col.date", .date), ColumnSpec("col.customer", .text, flexible: true, shrinks: true), .text("col.owner"), .text("col.handler"),
                                .text("col.status"), ColumnSpec("col.note", .text, flexible: true, shrinks: true)],
                      rows: rows.map { r in
                          let open = !(r[5] as Bool)
                          let status: CellValue = open ? .warning(.status("complaint.open")) : .joined([.status("complaint.resolved"), .date(iso: r[6])], separator: " ")
                          return [.date(iso: r[1]), .text(r[2]), .text(r[3]), .text(r[4]), status, .text(r[7])]
                      },
                      refs: rows.map { RecordRef(.feedback, $0[0]) })
    }

    /// A complaint as its form starts.
    public func complaintForEdit(id: Int64, by actor: Actor) throws(StoreError) -> (customer: String, resolved: Bool, handler: Int64?, version: Int64, said: String) {
        guard actor.can(.viewAllKPIs) else { throw .forbidden("only the manager assigns and resolves complaints") }
        return try read { db in
            guard let r = try Row.fetchOne(db, sql: """
                SELECT c.name, f.resolved, f.handler_id, f.version, f.received_on || ': ' || coalesce(f.note, '')
                FROM feedback f JOIN customers c ON c.id = f.customer_id WHERE f.id = ? AND f.kind = 'complaint'
                """, arguments: [id]) else { throw StoreError.notFound("complaint \(id)") }
            return (r[0], r[1], r[2], r[3], r[4])
        }
    }

    /// A complaint's status and handler (the manager's); audited, a stale form refused.
    public func updateComplaint(id: Int64, version: Int64, resolved: Bool, handlerId: Int64?, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) {
        guard actor.can(.viewAllKPIs) else { throw .forbidden("only the manager assigns and resolves complaints") }
        try write { db in
            guard let r = try Row.fetchOne(db, sql: "SELECT version, resolved, handler_id FROM feedback WHERE id = ? AND kind = 'complaint'", arguments: [id]) else {
                throw StoreError.notFound("complaint \(id)")
            }
            guard r[0] as Int64 == version else { throw StoreError.conflict("the complaint was changed by someone else meanwhile; open it again") }
            if let handlerId, try Bool.fetchOne(db, sql: "SELECT active FROM users WHERE id = ?", arguments: [handlerId]) != true {
                throw StoreError.invalid(DomainError("the handler must be an active user", field: "handler", code: "error.handler-inactive"))
            }
            try db.execute(sql: """
                UPDATE feedback SET resolved = ?, handler_id = ?, resolved_on = CASE WHEN ? THEN coalesce(resolved_on, ?) END, version = version + 1 WHERE id = ?
                """, arguments: [resolved, handlerId, resolved, today.iso, id])
            try AuditLog.record(db, actor: actor, at: now, action: "feedback.complaint", entity: "feedback", entityId: id,
                                before: AuditLog.json([("resolved", (r[1] as Bool) ? "1" : "0"), ("handler_id", (r[2] as Int64?).map(String.init))]),
                                after: AuditLog.json([("resolved", resolved ? "1" : "0"), ("handler_id", handlerId.map(String.init))]))
        }
    }
}
