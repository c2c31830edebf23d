import Domain
import TerminalCore
import Widgets
import Workspaces

/// A read-only card: fields in label/value lines, then each section as a small table.
enum RecordCardScreen {
    static func render(_ model: CardViewModel, in rect: Rect, into buffer: inout CellBuffer, context: RenderContext, catalog: Catalog) {
        // Titles are data (a customer's name), except a few lists named by a catalog key.
        let name = model.card.map { $0.title.hasPrefix("title.") ? catalog.text($0.title) : $0.title } ?? catalog.text("app.loading")
        let readOnly = model.card?.tabbed != true && model.ref.kind != .quote
        let title = name + (readOnly ? "  (" + catalog.text("app.read-only-card") + ")" : "")
        let inner = Panel.render(title, focused: true, in: rect, into: &buffer, context: context)
        guard let card = model.card else {
            if let e = model.error { buffer.put(e, x: inner.x, y: inner.y, style: context.style("input.error"), maxWidth: inner.width) }
            return
        }
        if card.tabbed {
            renderTabbed(model, card, in: inner, into: &buffer, context: context, catalog: catalog)
            return
        }
        var lines: [(text: [String], role: String, kind: Int)] = []  // kind 0 field, 1 section title, 2 header, 3 row
        let labelWidth = min(22, (card.fields.map { DisplayWidth.of(catalog.text($0.label)) }.max() ?? 10) + 1)
        for f in card.fields where !f.value.isEmpty {
            lines.append(([catalog.text(f.label), catalog.value(f.value)], "default", 0))
        }
        var tables: [Int: [TableColumn]] = [:]
        for s in card.sections {
            lines.append(([""], "default", 4))
            lines.append(([catalog.text(s.title) + " (\(s.rows.count))"], "title", 1))
            let cols = s.columns.map { c -> TableColumn in
                let numeric = numericColumns.contains(c)
                return TableColumn(catalog.text(c), width: max(4, DisplayWidth.of(catalog.text(c))), flex: numeric ? 0 : 1, alignRight: numeric)
            }
            tables[lines.count] = cols
            lines.append((s.columns.map(catalog.text), "list.header", 2))
            for r in s.rows { lines.append((r.map(catalog.value), "default", 3)) }
        }
        // Column widths per section, from its header and rows.
        var currentCols: [TableColumn] = []
        var y = inner.y
        let start = min(model.scroll, max(0, lines.count - inner.height))
        for (i, line) in lines.enumerated() {
            if let cols = tables[i] {
                var c = cols
                var k = i + 1
                while k < lines.count, lines[k].kind == 3 {
                    for (j, cell) in lines[k].text.enumerated() where j < c.count { c[j].width = max(c[j].width, min(30, DisplayWidth.of(cell))) }
                    k += 1
                }
                currentCols = c
            }
            guard i >= start else { continue }
            guard y < inner.maxY else { break }
            switch line.kind {
            case 0:
                buffer.put(DisplayWidth.pad(line.text[0], to: labelWidth), x: inner.x, y: y, style: context.style("muted"), maxWidth: labelWidth)
                buffer.put(line.text[1], x: inner.x + labelWidth + 1, y: y, style: context.style("default"), maxWidth: inner.width - labelWidth - 1)
            case 1:
                buffer.put(line.text[0], x: inner.x, y: y, style: context.style("title"), maxWidth: inner.width)
            case 2, 3:
                var t = Table(columns: currentCols, rows: [TableRow(line.text, role: line.role)])
                t.showHeader = false
                t.render(in: Rect(x: inner.x, y: y, width: inner.width, height: 1), into: &buffer, context: context)
            default:
                break
            }
            y += 1
        }
    }

    static let numericColumns: Set<String> = ["col.no", "col.amount", "col.total", "col.price", "col.open", "col.ordered", "col.shipped", "col.received",
                                              "col.remaining", "col.on-hand", "col.reorder-level", "col.probability", "col.weighted", "col.quantity", "col.score"]

    /// Tabs across the top: the fields, then one table per section with a selected row.
    static func renderTabbed(_ model: CardViewModel, _ card: RecordCard, in inner: Rect, into buffer: inout CellBuffer, context: RenderContext, catalog: Catalog) {
        let titles = [catalog.text("tab.overview")] + card.sections.map { catalog.text($0.title) + " \($0.rows.count)" }
        Tabs(titles: titles, active: model.tab).render(in: inner.row(0), into: &buffer, context: context)
        let body = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 2)
        guard let section = model.currentSection else {
            let fields = card.fields.filter { !$0.value.isEmpty }
            let labelWidth = min(22, (fields.map { DisplayWidth.of(catalog.text($0.label)) }.max() ?? 10) + 1)
            if fields.contains(where: { $0.value.contains("  |  ") }) {
                renderComparison(fields, charts: card.charts, labelWidth: labelWidth, in: body, into: &buffer, context: context, catalog: catalog)
                return
            }
            // Two columns of fields when the window is wide enough, one otherwise.
            let columns = body.width >= 110 ? 2 : 1
            let perColumn = (fields.count + columns - 1) / columns
            let columnWidth = body.width / columns
            for (i, f) in fields.enumerated() {
                let col = i / max(1, perColumn), row = i % max(1, perColumn) - min(model.scroll, max(0, perColumn - body.height))
                guard row >= 0, row < body.height else { continue }
                let x = body.x + col * columnWidth
                buffer.put(DisplayWidth.pad(catalog.text(f.label), to: labelWidth), x: x, y: body.y + row, style: context.style("muted"), maxWidth: labelWidth)
                let role = f.value.hasSuffix("⚠") ? "reminder.overdue" : "default"
                buffer.put(catalog.value(f.value), x: x + labelWidth + 1, y: body.y + row, style: context.style(role), maxWidth: columnWidth - labelWidth - 2)
            }
            return
        }
        if section.rows.isEmpty {
            buffer.put(catalog.text("card.empty-tab"), x: body.x, y: body.y, style: context.style("muted"), maxWidth: body.width)
            return
        }
        let flexible: Set<String> = ["col.name", "col.summary", "col.title", "col.note", "col.outcome", "col.product", "col.customer"]
        var table = Table(columns: section.columns.map { c in
            let widest = min(30, section.rows.prefix(200).map { DisplayWidth.of(catalog.value($0[min(section.columns.firstIndex(of: c) ?? 0, $0.count - 1)])) }.max() ?? 4)
            return TableColumn(catalog.text(c), width: max(DisplayWidth.of(catalog.text(c)), widest), flex: flexible.contains(c) ? 1 : 0,
                               alignRight: numericColumns.contains(c))
        })
        table.rows = section.rows.map { TableRow($0.map(catalog.value)) }
        table.selected = model.selectedRow
        table.render(in: body, into: &buffer, context: context)
    }

    /// Figures for two periods side by side ("this month | this year"), then the card's charts.
    static func renderComparison(_ fields: [RecordCard.Field], charts: [RecordCard.Chart], labelWidth: Int, in body: Rect,
                                 into buffer: inout CellBuffer, context: RenderContext, catalog: Catalog) {
        let valueWidth = 16
        let chartX = body.x + labelWidth + 2 * (valueWidth + 2) + 2
        var y = body.y
        for f in fields where y < body.maxY {
            let parts = f.value.components(separatedBy: "  |  ")
            let header = f.label == "perf.period"
            buffer.put(DisplayWidth.pad(header ? "" : catalog.text(f.label), to: labelWidth), x: body.x, y: y, style: context.style("muted"), maxWidth: labelWidth)
            let width = parts.count == 1 ? 2 * valueWidth + 2 : valueWidth
            for (i, part) in parts.prefix(2).enumerated() {
                buffer.put(DisplayWidth.pad(part, to: width, alignRight: true), x: body.x + labelWidth + 1 + i * (valueWidth + 2), y: y,
                           style: context.style(header ? "list.header" : "default"), maxWidth: width)
            }
            y += 1
        }
        // Charts to the right when there is room, else below.
        var cy = chartX + 20 <= body.maxX ? body.y : y + 1
        let cx = chartX + 20 <= body.maxX ? chartX : body.x
        let width = min(40, body.maxX - cx)
        for chart in charts where cy + 1 < body.maxY {
            buffer.put(catalog.text(chart.title), x: cx, y: cy, style: context.style("title"), maxWidth: width)
            let rect = Rect(x: cx, y: cy + 1, width: width, height: 1)
            if chart.spark.isEmpty {
                Gauge(basisPoints: chart.gauge?.value, label: chart.gauge.display).render(in: rect, into: &buffer, context: context)
            } else {
                Sparkline(values: chart.spark).render(in: rect, into: &buffer, context: context)
            }
            cy += 3
        }
    }
}
