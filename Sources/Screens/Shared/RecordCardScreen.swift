import Domain
import TerminalCore
import Widgets
import Workspaces

/// A card: a tabbed one (a customer) shows its fields on the first tab and one table per tab
/// after it; an untabbed one (an order) shows its fields, then each table, on one page.
enum RecordCardScreen {
    static func render(_ model: CardViewModel, in rect: Rect, into buffer: inout CellBuffer, context: RenderContext, catalog: Catalog, empty: String = "", writable: Bool = false) {
        // Titles are data (a customer's name), except a few lists named by a catalog key.
        let name = model.card.map { $0.title.hasPrefix("title.") ? catalog.text($0.title) : $0.title } ?? catalog.text("app.loading")
        // Posted documents are voided (`d`), orders changed or cancelled: not read-only.
        let readOnly = !writable && model.card?.tabbed != true && ![.quote, .receipt, .payment, .shipment, .expense, .salesOrder, .purchaseOrder, .goodsReceipt].contains(model.ref.kind)
        var title = name + (readOnly ? "  (" + catalog.text("app.read-only-card") + ")" : "")
        // :quotas says which year it shows ([ ] step it).
        if model.ref.kind == .quotas { title += "  \(model.ref.id)" }
        // A report says which period it shows on every tab (it steps by month with [ ]).
        if model.ref.kind == .report, let card = model.card {
            let format = CellText(catalog: catalog)
            if let from = card.field("param.from"), let to = card.field("param.to") {
                title += "  " + format.text(from) + " – " + format.text(to)
            } else if let day = card.field("param.as-of") {
                title += "  " + catalog.text("param.as-of") + " " + format.text(day)
            }
            // Narrowed to a rep, sorted another way: said on every tab too.
            if let rep = card.field("param.rep") { title += " · " + format.text(rep) }
            if let sort = card.field("param.sorted-by") { title += " · " + catalog.text("param.sorted-by") + " " + format.text(sort) }
        }
        let inner = Panel.render(title, focused: true, in: rect, into: &buffer, context: context)
        guard let card = model.card else {
            if let e = model.error { buffer.put(catalog.text(e), x: inner.x, y: inner.y, style: context.style("input.error"), maxWidth: inner.width) }
            return
        }
        if card.tabbed {
            renderTabbed(model, card, in: inner, into: &buffer, context: context, catalog: catalog, empty: empty)
        } else {
            renderPage(model, card, in: inner, into: &buffer, context: context, catalog: catalog)
        }
    }

    /// A section's title with its true count (the rows read so far may be fewer).
    static func sectionTitle(_ s: RecordCard.Section, _ catalog: Catalog) -> String { catalog.text(s.title) + " \(s.counted)" }

    /// Fields, then each section's table, scrolled as one page.
    static func renderPage(_ model: CardViewModel, _ card: RecordCard, in inner: Rect, into buffer: inout CellBuffer, context: RenderContext, catalog: Catalog) {
        let format = CellText(catalog: catalog)
        enum Line { case field(RecordCard.Field), heading(String), table(Table, row: Int?), blank }
        var lines: [Line] = card.fields.filter { !$0.value.isEmpty }.map { .field($0) }
        for s in card.sections {
            lines += [.blank, .heading(sectionTitle(s, catalog))]
            let table = format.table(s.columns, s.rows)
            lines.append(.table(table, row: nil))
            lines += s.rows.indices.map { .table(table, row: $0) }
        }
        let labelWidth = min(22, (card.fields.map { DisplayWidth.of(catalog.text($0.label)) }.max() ?? 10) + 1)
        let start = min(model.scroll, max(0, lines.count - inner.height))
        for (y, line) in lines.dropFirst(start).prefix(inner.height).enumerated() {
            let row = Rect(x: inner.x, y: inner.y + y, width: inner.width, height: 1)
            switch line {
            case .field(let f):
                buffer.put(DisplayWidth.pad(catalog.text(f.label), to: labelWidth), x: row.x, y: row.y, style: context.style("muted"), maxWidth: labelWidth)
                buffer.put(format.text(f.value), x: row.x + labelWidth + 1, y: row.y, style: context.style(format.role(f.value) ?? "default"), maxWidth: row.width - labelWidth - 1)
            case .heading(let text):
                buffer.put(text, x: row.x, y: row.y, style: context.style("title"), maxWidth: row.width)
            case .table(var t, let index):
                // One line of the table: its header (index nil) or one row, with the whole table's widths.
                t.showHeader = index == nil
                if let index { t.rows = [t.rows[index]] } else { t.rows = [] }
                t.render(in: row, into: &buffer, context: context)
            case .blank:
                break
            }
        }
    }

    /// Tabs across the top: the fields, then one table per section with a selected row.
    static func renderTabbed(_ model: CardViewModel, _ card: RecordCard, in inner: Rect, into buffer: inout CellBuffer, context: RenderContext, catalog: Catalog, empty: String) {
        let titles = [catalog.text("tab.overview")] + card.sections.map { sectionTitle($0, catalog) }
        Tabs(titles: titles, active: model.tab).render(in: inner.row(0), into: &buffer, context: context)
        let body = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 2)
        guard let section = model.currentSection else {
            let fields = card.fields.filter { !$0.value.isEmpty }
            let labelWidth = min(22, (fields.map { DisplayWidth.of(catalog.text($0.label)) }.max() ?? 10) + 1)
            if !card.comparison.isEmpty {
                renderComparison(card, fields, labelWidth: labelWidth, in: body, into: &buffer, context: context, catalog: catalog)
            } else {
                // Under the fields (in two columns on a wide window: half as many rows); taller
                // than the window (a year of months in bars), drawn whole and scrolled by ↑↓.
                let rows = body.width >= 110 ? (fields.count + 1) / 2 : fields.count
                let height = card.overviewHeight - fields.count + rows
                guard height > body.height else {
                    renderFields(fields, labelWidth: labelWidth, scroll: 0, in: body, into: &buffer, context: context, catalog: catalog)
                    renderBars(card.charts, below: rows, in: body, into: &buffer, context: context, catalog: catalog)
                    return
                }
                var page = CellBuffer(width: body.width, height: height)
                let whole = Rect(x: 0, y: 0, width: body.width, height: height)
                renderFields(fields, labelWidth: labelWidth, scroll: 0, in: whole, into: &page, context: context, catalog: catalog)
                renderBars(card.charts, below: rows, in: whole, into: &page, context: context, catalog: catalog)
                let top = min(model.scroll, height - body.height)
                for y in 0..<body.height { for x in 0..<body.width { buffer[body.x + x, body.y + y] = page[x, top + y] } }
            }
            return
        }
        if section.rows.isEmpty {
            buffer.put(empty.isEmpty ? catalog.text("card.empty-tab") : empty, x: body.x, y: body.y, style: context.style("muted"), maxWidth: body.width)
            return
        }
        var table = CellText(catalog: catalog, glyphs: context.glyphs).table(section.columns, section.rows)
        table.selected = model.selectedRow
        // A report sorted by one of its columns marks it (largest first).
        if case .status(let key)? = card.field("param.sorted-by"), let column = section.columns.firstIndex(where: { $0.key == key }) {
            table.sortColumn = column
            table.sortAscending = false
            // Room for the marker beside the title.
            table.columns[column].width += 1
        }
        table.render(in: body, into: &buffer, context: context)
    }

    /// A report's bar charts under its fields (sales by rep, the quota marked on each bar).
    static func renderBars(_ charts: [RecordCard.Chart], below rows: Int, in body: Rect, into buffer: inout CellBuffer, context: RenderContext, catalog: Catalog) {
        var y = body.y + rows + 1
        for chart in charts where chart.bars.isEmpty && !chart.spark.isEmpty && y + 1 < body.maxY {
            // A line of its own: the title, then the sparkline (net cash by month).
            let title = catalog.text(chart.title)
            buffer.put(title, x: body.x, y: y, style: context.style("title"), maxWidth: body.width)
            let x = body.x + DisplayWidth.of(title) + 2
            Sparkline(values: chart.spark).render(in: Rect(x: x, y: y, width: max(0, min(chart.spark.count, body.maxX - x)), height: 1), into: &buffer, context: context)
            y += 2
        }
        for chart in charts where !chart.bars.isEmpty && y + 1 < body.maxY {
            buffer.put(catalog.text(chart.title), x: body.x, y: y, style: context.style("title"), maxWidth: body.width)
            let bars = chart.bars.prefix(max(0, body.maxY - y - 1)).map {
                BarChart.Bar(label: catalog.text($0.label), value: $0.value.minorUnits, display: $0.value.compact, marker: $0.marker?.minorUnits)
            }
            BarChart(bars: Array(bars)).render(in: Rect(x: body.x, y: y + 1, width: min(body.width, 72), height: bars.count), into: &buffer, context: context)
            y += bars.count + 2
        }
    }

    /// Two columns of fields when the window is wide enough, one otherwise.
    static func renderFields(_ fields: [RecordCard.Field], labelWidth: Int, scroll: Int, in body: Rect, into buffer: inout CellBuffer, context: RenderContext, catalog: Catalog) {
        let format = CellText(catalog: catalog)
        let columns = body.width >= 110 ? 2 : 1
        let perColumn = (fields.count + columns - 1) / columns
        let columnWidth = body.width / columns
        for (i, f) in fields.enumerated() {
            let col = i / max(1, perColumn), row = i % max(1, perColumn) - min(scroll, max(0, perColumn - body.height))
            guard row >= 0, row < body.height else { continue }
            let x = body.x + col * columnWidth
            buffer.put(DisplayWidth.pad(catalog.text(f.label), to: labelWidth), x: x, y: body.y + row, style: context.style("muted"), maxWidth: labelWidth)
            buffer.put(format.text(f.value), x: x + labelWidth + 1, y: body.y + row, style: context.style(format.role(f.value) ?? "default"), maxWidth: columnWidth - labelWidth - 2)
        }
    }

    /// Figures for two periods side by side (this month, this year), then the card's charts.
    static func renderComparison(_ card: RecordCard, _ fields: [RecordCard.Field], labelWidth: Int, in body: Rect,
                                 into buffer: inout CellBuffer, context: RenderContext, catalog: Catalog) {
        let format = CellText(catalog: catalog)
        let valueWidth = 16
        let chartX = body.x + labelWidth + 2 * (valueWidth + 2) + 2
        var y = body.y
        let heading = RecordCard.Field("", values: card.comparison.map { .text($0) })
        for (i, f) in ([heading] + fields).enumerated() where y < body.maxY {
            buffer.put(DisplayWidth.pad(f.label.isEmpty ? "" : catalog.text(f.label), to: labelWidth), x: body.x, y: y, style: context.style("muted"), maxWidth: labelWidth)
            let width = f.values.count == 1 ? 2 * valueWidth + 2 : valueWidth
            for (j, v) in f.values.prefix(2).enumerated() {
                buffer.put(DisplayWidth.pad(format.text(v), to: width, alignRight: true), x: body.x + labelWidth + 1 + j * (valueWidth + 2), y: y,
                           style: context.style(i == 0 ? "list.header" : format.role(v) ?? "default"), maxWidth: width)
            }
            y += 1
        }
        // Charts to the right when there is room, else below. A gauge of a figure on the card
        // (quota attainment) sits on that figure's row.
        let beside = chartX + 20 <= body.maxX
        var cy = beside ? body.y : y + 1
        let cx = beside ? chartX : body.x
        let width = min(40, body.maxX - cx)
        var placed = Set<String>()
        if beside {
            for chart in card.charts where chart.spark.isEmpty {
                guard let row = fields.firstIndex(where: { $0.label == chart.title }) else { continue }
                Gauge(basisPoints: chart.gauge?.value, label: chart.gauge.display).render(in: Rect(x: cx, y: body.y + 1 + row, width: width, height: 1), into: &buffer, context: context)
                placed.insert(chart.title)
            }
        }
        for chart in card.charts where cy + 1 < body.maxY && !placed.contains(chart.title) {
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
