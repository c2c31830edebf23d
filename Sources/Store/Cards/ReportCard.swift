import Domain
import GRDB

/// A report in the TUI (`:team-performance`): its parameters as fields, its table as the one tab,
/// its series as charts — the same `Report` value `rapport report` prints. This month to date,
/// or a month before (`ReportPeriod`).
enum ReportCard: CardBuilder {
    /// The report, period and view (`ReportPeriod.View`: its sort, the rep) the card's id names.
    static func request(_ db: Database, _ id: Int64, today: DateOnly) throws -> ReportRequest {
        let index = ReportPeriod.report(id)
        guard Report.names.indices.contains(index) else { throw StoreError.notFound("report \(id)") }
        let name = Report.names[index], view = ReportPeriod.view(id)
        var request = ReportRequest(name: name, period: ReportPeriod.range(id, today: today))
        if ReportPeriod.byRep.contains(name) { request.rep = view.rep }
        let sorts = try sorts(db, name: name)
        if !sorts.isEmpty { request.sort = sorts[view.sort % sorts.count] }
        return request
    }

    /// The sorts `s` steps through on a report's table (nil: its own order); none for most.
    static func sorts(_ db: Database, name: String) throws -> [String?] {
        if name == "kpi-reps" { return AppDatabase.kpiRepsSorts }
        guard name == "aging" || name == "payables-aging" else { return [] }
        return [nil] + (try AppDatabase.settings(db).agingBuckets.labels) + ["unapplied", "name"]
    }

    static func header(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> RecordCard {
        let request = try request(db, id, today: today)
        var card = header(try AppDatabase.report(db, request, for: actor), id: id)
        card.sortKeys = try sorts(db, name: request.name)
        return card
    }

    /// The report a card shows, its rows opening what they stand for: a rep's row of the
    /// per-rep KPIs opens that rep's KPI dashboard for the same period.
    static func report(_ db: Database, _ request: ReportRequest, id: Int64, actor: Actor) throws -> Report {
        var report = try AppDatabase.report(db, request, for: actor)
        if request.name == "kpi-reps", let kpi = Report.names.firstIndex(of: "kpi") {
            report.refs = report.refs.map { ref in
                ref.map { RecordRef(.report, ReportPeriod.id(ReportPeriod.id(id, report: kpi), view: .init(rep: $0.id))) }
            }
        }
        if request.name == "kpi", actor.can(.viewAllKPIs) { report.refs = kpiRefs(report, id: id, period: request.period) }
        return report
    }

    /// On the KPI dashboard, the KPIs whose records are a screen of their own: the survey and
    /// complaint figures open the feedback report for the same period, commission the
    /// commissions report, DSO the receivables as of the period's end, the quota figures the
    /// year's quotas.
    static func kpiRefs(_ report: Report, id: Int64, period: DateRange) -> [RecordRef?] {
        func same(_ name: String) -> RecordRef? { Report.names.firstIndex(of: name).map { RecordRef(.report, ReportPeriod.id(id, report: $0)) } }
        return report.rows.indices.map { i in
            let key: String? = if case .status(let k)? = report.rows[i].first { k } else { nil }
            switch key {
            case "kpi.csat", "kpi.csat-mean", "kpi.nps", "kpi.complaint-rate": return same("feedback")
            case "kpi.commission": return same("commissions")
            case "kpi.dso": return same("receivables")
            case "kpi.quota", "kpi.quota-attainment": return RecordRef(.quotas, Int64(period.from.year))
            default: return report.refs.indices.contains(i) ? report.refs[i] : nil
            }
        }
    }

    static func header(_ report: Report, id: Int64) -> RecordCard {
        var card = RecordCard(ref: RecordRef(.report, id), title: report.title, fields: report.parameters.map { .init($0.key, $0.value) }, sections: [])
        card.charts = report.series.map { s in
            s.labels.isEmpty ? .init(title: s.title, spark: s.points)
                : .init(title: s.title, bars: s.points.indices.map { i in
                    .init(label: s.labels[i], value: Money(minorUnits: s.points[i]), marker: s.markers.indices.contains(i) ? s.markers[i].map { Money(minorUnits: $0) } : nil)
                })
        }
        card.tabbed = true
        return card
    }

    static func sections(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> [CardSectionQuery] {
        tables(try report(db, try request(db, id, today: today), id: id, actor: actor))
    }

    /// The report's table, or its tabs of columns.
    static func tables(_ report: Report) -> [CardSectionQuery] {
        if !report.parts.isEmpty {
            var first = report
            first.title = report.tableTitle ?? report.title
            return ([first] + report.parts).map(table)
        }
        guard !report.tabs.isEmpty else { return [table(report)] }
        return report.tabs.map { tab in
            var part = report
            part.title = tab.title
            part.columns = tab.columns.map { report.columns[$0] }
            part.rows = report.rows.map { row in tab.columns.map { row[$0] } }
            return table(part)
        }
    }

    /// The report is computed once for the whole card.
    static func card(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> RecordCard {
        let request = try request(db, id, today: today)
        let report = try report(db, request, id: id, actor: actor)
        var card = header(report, id: id)
        card.sortKeys = try sorts(db, name: request.name)
        card.sections = try opened(db, tables(report))
        return card
    }

    static func table(_ report: Report) -> CardSectionQuery {
        let page = { (offset: Int, limit: Int?) -> CardPage in
            let range = min(offset, report.rows.count)..<min(report.rows.count, limit.map { offset + $0 } ?? report.rows.count)
            return CardPage(rows: Array(report.rows[range]), refs: report.refs.contains { $0 != nil } ? Array(report.refs[range]) : [],
                            drills: report.drills.contains { $0 != nil } ? Array(report.drills[range]) : [],
                            explanations: report.explanations.contains { $0 != nil } ? Array(report.explanations[range]) : [])
        }
        return CardSectionQuery(title: report.title, columns: report.columns, count: { _ in report.rows.count }, page: { _, offset, limit in page(offset, limit) })
    }
}
