import TerminalCore
import Widgets
import Workspaces

/// The customer list (a rep sees only their own): a window of rows paged through SQL.
enum CustomerListScreen {
    static func render(_ model: CustomerListViewModel, in rect: Rect, into buffer: inout CellBuffer, context: RenderContext, catalog: Catalog) {
        let inner = Panel.render(catalog.text("screen.customers") + " — " + catalog.text("customers.count", String(model.total)), focused: true, in: rect, into: &buffer, context: context)
        if let e = model.error { buffer.put(e, x: inner.x, y: inner.y, style: context.style("input.error"), maxWidth: inner.width); return }
        var table = Table(columns: [
            TableColumn(catalog.text("col.code"), width: 8),
            TableColumn(catalog.text("col.customer"), width: 14, flex: 3),
            TableColumn(catalog.text("col.status"), width: 8),
            TableColumn(catalog.text("col.owner"), width: 8, flex: 1),
            TableColumn(catalog.text("col.phone"), width: 11),
            TableColumn(catalog.text("col.next-contact"), width: 10),
            TableColumn(catalog.text("col.last-order"), width: 10),
        ])
        table.rows = model.rows.map {
            TableRow([$0.code, $0.name, catalog.value("status.\($0.status)"), $0.owner, $0.phone, $0.nextContact, $0.lastOrder])
        }
        table.selected = model.rows.isEmpty ? nil : model.selected
        table.render(in: inner, into: &buffer, context: context)
    }
}
