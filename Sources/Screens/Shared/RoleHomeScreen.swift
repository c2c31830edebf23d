import Domain
import TerminalCore
import Widgets
import Workspaces

/// Every role's home: reminders on the left, the month's figures, a chart and a sparkline on the
/// right. What is in them depends on the role (docs/domain.md); the layout is shared.
enum RoleHomeScreen {
    static func render(_ model: HomeViewModel, session: Session, in rect: Rect, into buffer: inout CellBuffer, context: RenderContext, catalog: Catalog) {
        let rightWidth = max(34, rect.width * 2 / 5)
        let (left, right) = rect.splitLeft(rect.width - rightWidth)
        let reminderInner = Panel.render(catalog.text("pane.reminders"), focused: true, in: left, into: &buffer, context: context)
        let kpiTitle = catalog.text("pane.kpis") + (model.dashboard.map { " " + $0.period.from.iso.suffix(5) + "…" + $0.period.to.iso.suffix(5) } ?? "")
        let kpiInner = Panel.render(kpiTitle, focused: false, in: right, into: &buffer, context: context)

        if let error = model.error {
            buffer.put(catalog.text(error), x: reminderInner.x, y: reminderInner.y, style: context.style("input.error"), maxWidth: reminderInner.width)
        } else if model.loading && model.rows.isEmpty {
            buffer.put(catalog.text("app.loading"), x: reminderInner.x, y: reminderInner.y, style: context.style("muted"))
        } else if model.rows.isEmpty || model.groups.allSatisfy({ $0.total == 0 }) {
            buffer.put(catalog.text("pane.none"), x: reminderInner.x, y: reminderInner.y, style: context.style("dashboard.metric.ok"), maxWidth: reminderInner.width)
        } else {
            reminderTable(model, today: session.today, catalog: catalog).render(in: reminderInner, into: &buffer, context: context)
        }
        if let d = model.dashboard { dashboard(d, in: kpiInner, into: &buffer, context: context, catalog: catalog) }
    }

    static func reminderTable(_ model: HomeViewModel, today: DateOnly, catalog: Catalog) -> Table {
        // Where every item is a document (the assistant's deliveries), its number is what is
        // worked with: room for all of it (SO-2026-01465).
        let documents: Set<RecordRef.Kind> = [.salesOrder, .purchaseOrder]
        let numbers = model.rows.allSatisfy { if case .item(let i) = $0 { documents.contains(i.record.kind) } else { true } }
        var table = Table(columns: [
            TableColumn(catalog.text("col.customer"), width: 12, flex: 3),
            TableColumn(catalog.text("col.detail"), width: numbers ? 13 : 8, flex: numbers ? 0 : 2),
            TableColumn(catalog.text("col.when"), width: model.groups.allSatisfy { $0.items.allSatisfy { $0.date.map { $0.year == today.year } ?? true } } ? 5 : 10),
            TableColumn(catalog.text("col.amount"), width: 10, alignRight: true),
        ])
        table.showHeader = false
        table.rows = model.rows.map { row in
            switch row {
            case .group(let kind, let total, let shown):
                let more = total > shown ? "  " + catalog.text("reminder.more", String(total - shown)) : ""
                return TableRow(["▸ " + catalog.text("reminder.\(kind.rawValue)") + " (\(total))" + more], role: total > 0 ? "list.group" : "muted", selectable: total > shown)
            case .item(let item):
                let when = item.date.map { dayLabel($0, today: today) } ?? ""
                let role = item.overdue ? "reminder.overdue" : "reminder.due"
                return TableRow(["  " + item.title, item.detail, when, item.amount?.formatted() ?? ""], role: role)
            }
        }
        table.selected = model.rows.isEmpty ? nil : model.selected
        return table
    }

    /// Aging bucket labels are Domain's ("not-due", "1–30", …); only "not-due" is a word to translate.
    static func bucketLabel(_ label: String, _ catalog: Catalog) -> String {
        label == "not-due" ? catalog.text("aging.not-due") : label
    }

    /// `MM-DD` this year, full date otherwise.
    static func dayLabel(_ d: DateOnly, today: DateOnly) -> String { d.year == today.year ? String(d.iso.suffix(5)) : d.iso }

    static func dashboard(_ d: Dashboard, in rect: Rect, into buffer: inout CellBuffer, context: RenderContext, catalog: Catalog) {
        var y = rect.y
        let cells = CellText(catalog: catalog)
        let values = d.metrics.map { cells.text($0.value) }
        let valueWidth = min(18, max(8, values.map { DisplayWidth.of($0) }.max() ?? 8))
        for (metric, value) in zip(d.metrics, values) where y < rect.maxY {
            let label = catalog.text(metric.key)
            buffer.put(label, x: rect.x, y: y, style: context.style("default"), maxWidth: rect.width - valueWidth - 1)
            let role = metric.tone == .neutral ? "dashboard.metric" : "dashboard.metric.\(metric.tone.rawValue)"
            buffer.put(DisplayWidth.pad(value, to: valueWidth, alignRight: true), x: rect.maxX - valueWidth, y: y, style: context.style(role), maxWidth: valueWidth)
            y += 1
        }
        if !d.bars.isEmpty, y + 2 < rect.maxY {
            y += 1
            buffer.put(catalog.text(d.chartTitle), x: rect.x, y: y, style: context.style("title"), maxWidth: rect.width)
            y += 1
            let room = rect.maxY - y - (d.spark.isEmpty ? 0 : 2)
            let bars = d.bars.prefix(max(0, room)).map { BarChart.Bar(label: bucketLabel($0.label, catalog), value: $0.value, display: $0.display) }
            BarChart(bars: Array(bars)).render(in: Rect(x: rect.x, y: y, width: rect.width, height: bars.count), into: &buffer, context: context)
            y += bars.count
        }
        if !d.spark.isEmpty, y + 1 < rect.maxY {
            buffer.put(catalog.text(d.sparkTitle), x: rect.x, y: y, style: context.style("title"), maxWidth: rect.width)
            Sparkline(values: d.spark).render(in: Rect(x: rect.x, y: y + 1, width: rect.width, height: 1), into: &buffer, context: context)
        }
    }
}
