import Domain
import TerminalCore
import Widgets
import Workspaces

/// Any list: a window of typed rows paged through SQL, its title saying how many, in what order,
/// with which filters; `/` and what is typed above the table while searching.
enum ListScreen {
    static func render(_ model: ListViewModel, in rect: Rect, into buffer: inout CellBuffer, context: RenderContext, catalog: Catalog) {
        var inner = Panel.render(title(model, catalog: catalog), focused: true, in: rect, into: &buffer, context: context)
        if let e = model.error { buffer.put(catalog.text(e), x: inner.x, y: inner.y, style: context.style("input.error"), maxWidth: inner.width); return }
        if model.typingQuery || model.showingResults {
            let line = "/" + model.search
            let style = context.style(model.typingQuery ? "input.focused" : "input.field")
            buffer.fill(inner.row(0), style: style)
            buffer.put(line, x: inner.x, y: inner.y, style: style, maxWidth: inner.width)
            if model.typingQuery { buffer.cursor = (inner.x + DisplayWidth.of(line), inner.y) }
            inner = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
        }
        // A marked row (for one print job) shows ✓ before its first value.
        let cells = model.marked.isEmpty ? model.rows.map(\.cells) : model.rows.map { row in
            guard model.marked.contains(row.ref), let first = row.cells.first else { return row.cells }
            return [.text("✓ " + CellText(catalog: catalog).text(first))] + row.cells.dropFirst()
        }
        var table = CellText(catalog: catalog).table(model.columns, cells)
        table.selected = model.rows.isEmpty ? nil : model.selected
        table.render(in: inner, into: &buffer, context: context)
    }

    /// "Customers — 1,204 · by name · active · #vip", or "… — 3 found (what a search matches)".
    static func title(_ model: ListViewModel, catalog: Catalog) -> String {
        let k = model.kind.rawValue
        // A list past its count cap says "more than N"; otherwise the count, singular for one.
        let cap = model.kind.countCap.flatMap { model.total > $0 && !model.showingResults ? $0 : nil }
        var title = catalog.text("list.\(k)") + " — "
            + (cap.map { catalog.text("list.\(k).count", catalog.text("list.more-than", String($0))) }
                ?? catalog.text(model.showingResults ? "list.\(k).found" : "list.\(k).count", count: model.total))
        if model.showingResults && !model.searchComplete { title = catalog.text("list.\(k)") + " — " + catalog.text("list.found-partial", String(model.total)) }
        guard !model.showingResults else { return title }
        title += " · " + catalog.text("sort.\(model.query.sort)")
        let from = model.query.filter("from"), to = model.query.filter("to")
        if !from.isEmpty || !to.isEmpty { title += " · " + (from == to ? from : from + "…" + to) }
        for key in model.query.filter.keys.sorted() where key != "from" && key != "to" {
            let v = model.query.filter(key)
            guard !v.isEmpty else { continue }
            title += " · " + filterLabel(key, v, labels: model.query.labels, catalog: catalog)
        }
        return title
    }

    /// A filter's value as the title shows it: a status, method or side in the user's language,
    /// a tag with its #, a named record by its name.
    static func filterLabel(_ key: String, _ v: String, labels: [String: String], catalog: Catalog) -> String {
        switch key {
        case "status": catalog.text("status.\(v)")
        case "method": catalog.text("method.\(v)")
        case "side": catalog.text(v == "in" ? "col.cash-in" : "col.cash-out")
        case "tag": "#" + v
        case "rep" where v == "0": catalog.text("expenses.no-rep")
        case "category" where v.split(separator: ",").allSatisfy({ ExpenseCategory(rawValue: String($0)) != nil }):
            v.split(separator: ",").map { catalog.text("expense.\($0)") }.joined(separator: ", ")
        case "below": catalog.text("filter.below-reorder")
        case "date": catalog.text("filter.\(v)")
        case "dormant": catalog.text("filter.dormant", v)
        case "incomplete": catalog.text("filter.incomplete")
        case "state": catalog.text(v == "open" || v == "closed" ? "filter.\(v)" : "stage.\(v)")
        default: labels[key] ?? v
        }
    }
}
