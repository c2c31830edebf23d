import Domain
import TerminalCore
import Widgets
import Workspaces

/// The customer list (a rep sees only their own): a window of rows paged through SQL.
enum CustomerListScreen {
    static func render(_ model: CustomerListViewModel, in rect: Rect, into buffer: inout CellBuffer, context: RenderContext, catalog: Catalog) {
        var title = catalog.text("screen.customers") + " — " + catalog.text(model.showingResults ? "customers.found" : "customers.count", String(model.total))
        if !model.showingResults {
            title += " · " + catalog.text("sort.\(model.sort.rawValue)")
            if let s = model.filter.status { title += " · " + catalog.text("status.\(s.rawValue)") }
            if !model.filter.tag.isEmpty { title += " · #" + model.filter.tag }
            if !model.filter.region.isEmpty { title += " · " + model.filter.region }
        }
        var inner = Panel.render(title, focused: true, in: rect, into: &buffer, context: context)
        if let e = model.error { buffer.put(catalog.text(e), x: inner.x, y: inner.y, style: context.style("input.error"), maxWidth: inner.width); return }
        if model.typingQuery || model.showingResults {
            let line = "/" + model.query
            let style = context.style(model.typingQuery ? "input.focused" : "input.field")
            buffer.fill(inner.row(0), style: style)
            buffer.put(line, x: inner.x, y: inner.y, style: style, maxWidth: inner.width)
            if model.typingQuery { buffer.cursor = (inner.x + DisplayWidth.of(line), inner.y) }
            inner = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
        }
        var table = Table(columns: [
            TableColumn(catalog.text("col.code"), width: 8),
            TableColumn(catalog.text("col.customer"), width: 14, flex: 3),
            TableColumn(catalog.text("col.status"), width: 8),
            TableColumn(catalog.text("col.owner"), width: 8, flex: 1),
            // The fifth column follows the sort: the phone, or what the list is sorted by.
            TableColumn(catalog.text(fifthColumn(model.sort)), width: model.sort == .openReceivables ? 14 : 11, alignRight: model.sort == .openReceivables),
            TableColumn(catalog.text("col.next-contact"), width: 10),
            TableColumn(catalog.text("col.last-order"), width: 10),
        ])
        table.rows = model.rows.map { r in
            let fifth: String
            switch model.sort {
            case .lastContact: fifth = r.lastContact
            case .openReceivables: fifth = Money(minorUnits: r.openBalance).formatted()
            default: fifth = r.phone
            }
            return TableRow([r.code, r.name, catalog.value("status.\(r.status)"), r.owner, fifth, r.nextContact, r.lastOrder])
        }
        table.selected = model.rows.isEmpty ? nil : model.selected
        table.render(in: inner, into: &buffer, context: context)
    }

    static func fifthColumn(_ sort: CustomerListSort) -> String {
        switch sort {
        case .lastContact: return "col.last-contact"
        case .openReceivables: return "col.open"
        default: return "col.phone"
        }
    }
}
