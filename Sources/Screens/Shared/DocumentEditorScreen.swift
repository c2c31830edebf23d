import Domain
import TerminalCore
import Widgets
import Workspaces

/// A document being keyed in: its header fields, its lines as a table, the entry under it (the
/// line being typed, or the value of the highlighted line), the totals and the keys.
enum DocumentEditorScreen {
    static func render(_ model: EditorModel, lines: DocumentLines, in rect: Rect, into buffer: inout CellBuffer, context: RenderContext, catalog: Catalog, keys: BindingText) {
        let all = EditorScreen.widgetForm(model.form, catalog: catalog)
        let firstEntry = lines.mode == .free ? "product" : "line_value"
        let split = model.form.fields.firstIndex { $0.key == firstEntry } ?? all.fields.count
        let focus = model.form.focus
        let tableFocused = lines.mode == .free && lines.selected != nil
        let header = Form(fields: Array(all.fields[..<split]), focus: !tableFocused && focus < split ? focus : -1)
        let entryFields = Array(all.fields[split...])
        let entry = Form(fields: entryFields, focus: !tableFocused && focus >= split ? focus - split : -1)
        let labelWidth = min(24, (all.fields.map { DisplayWidth.of($0.label) }.max() ?? 8) + 1)
        let width = min(rect.width, 110)
        let box = Rect(x: rect.x + (rect.width - width) / 2, y: rect.y, width: width, height: rect.height)
        buffer.fill(box, style: context.style("default"))
        var inner = Panel.render(catalog.text(model.title) + " — " + model.subject, focused: true, in: box, into: &buffer, context: context)
        if let notice = model.notice {
            for (i, line) in AppShell.wrap(EditorScreen.noticeText(notice, catalog: catalog), width: inner.width - 1).prefix(2).enumerated() {
                buffer.put(line, x: inner.x, y: inner.y + i, style: context.style(notice.isError ? "input.error" : "muted"), maxWidth: inner.width)
            }
            inner = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 2)
        }
        header.render(in: Rect(x: inner.x, y: inner.y, width: inner.width, height: header.height), into: &buffer, context: context, labelWidth: labelWidth)
        let cursorAfterHeader = buffer.cursor
        let tableTop = inner.y + header.height
        // Below the table: the entry's heading, its fields, the totals and the keys.
        let tableHeight = max(2, inner.height - header.height - entry.height - 3)
        var table = Table(columns: columns(lines.mode, catalog: catalog), rows: lines.items.enumerated().map { i, item in
            TableRow(row(i, item, mode: lines.mode, model: model))
        }, selected: lines.selected)
        table.offset = max(0, (lines.selected ?? lines.items.count - 1) - (tableHeight - 1) + 1)
        table.render(in: Rect(x: inner.x, y: tableTop, width: inner.width, height: tableHeight), into: &buffer, context: context)
        if lines.items.isEmpty {
            buffer.put(catalog.text(lines.mode == .free ? "quote.no-lines" : lines.mode == .remaining ? "document.nothing-open"
                                    : model.isSupplierSide ? "document.no-open-payables" : "document.no-open-items"),
                       x: inner.x + 2, y: tableTop + 1, style: context.style("muted"), maxWidth: inner.width - 2)
        }
        let entryTop = tableTop + tableHeight
        buffer.put(entryHeading(model, lines: lines, catalog: catalog), x: inner.x, y: entryTop, style: context.style("muted"), maxWidth: inner.width)
        entry.render(in: Rect(x: inner.x, y: entryTop + 1, width: inner.width, height: entry.height), into: &buffer, context: context, labelWidth: labelWidth)
        if focus < split { buffer.cursor = cursorAfterHeader }
        if tableFocused { buffer.cursor = nil }
        let totals = totalsText(model, lines: lines, catalog: catalog)
        // An order: the credit it would take, left of the totals (an error's colour over the limit).
        if let credit = model.creditAfterOrder {
            let text = creditText(credit, catalog: catalog)
            buffer.put(text, x: inner.x, y: inner.maxY - 2, style: context.style(credit.isBreached ? "input.error" : "muted"),
                       maxWidth: max(0, inner.width - DisplayWidth.of(totals) - 2))
        }
        buffer.put(totals, x: max(inner.x, inner.maxX - DisplayWidth.of(totals)), y: inner.maxY - 2, style: context.style("title"), maxWidth: inner.width)
        let hintKey = lines.mode != .free ? "document.keys" : lines.selected == nil ? "quote.keys" : "quote.keys-lines"
        let hint = model.saving ? catalog.text("editor.saving") : keys.fill(catalog.text(hintKey))
        buffer.put(hint, x: inner.x, y: inner.maxY - 1, style: context.style("muted"), maxWidth: inner.width)
        if model.form.askingDiscard {
            ConfirmDialog(title: catalog.text("editor.discard-title"), message: catalog.text("editor.discard-question"), choices: keys.fill(catalog.text("editor.discard-choices")))
                .render(in: rect, into: &buffer, context: context)
            buffer.cursor = nil
        }
    }

    static func columns(_ mode: DocumentLines.Mode, catalog: Catalog) -> [TableColumn] {
        let no = TableColumn("#", width: 2, alignRight: true)
        switch mode {
        case .free:
            return [no, TableColumn(catalog.text("col.code"), width: 7), TableColumn(catalog.text("col.product"), width: 10, flex: 1),
                    TableColumn(catalog.text("col.quantity"), width: 7, alignRight: true), TableColumn(catalog.text("col.unit"), width: 4),
                    TableColumn(catalog.text("col.price"), width: 10, alignRight: true), TableColumn(catalog.text("col.discount"), width: 6, alignRight: true),
                    TableColumn(catalog.text("col.amount"), width: 12, alignRight: true)]
        case .remaining:
            return [no, TableColumn(catalog.text("col.code"), width: 7), TableColumn(catalog.text("col.product"), width: 10, flex: 1),
                    fitted(catalog.text("col.remaining"), 8), fitted(catalog.text("col.on-hand"), 8),
                    TableColumn(catalog.text("col.unit"), width: 4), fitted(catalog.text("col.this-time"), 8),
                    TableColumn(catalog.text("col.amount"), width: 12, alignRight: true)]
        case .allocation:
            return [no, TableColumn(catalog.text("col.number"), width: 14, flex: 1), TableColumn(catalog.text("col.date"), width: 10),
                    TableColumn(catalog.text("col.due"), width: 10), TableColumn(catalog.text("col.open"), width: 12, alignRight: true),
                    TableColumn(catalog.text("col.allocate"), width: 12, alignRight: true)]
        }
    }

    /// A right-aligned column at least as wide as its heading.
    static func fitted(_ title: String, _ width: Int) -> TableColumn {
        TableColumn(title, width: max(width, DisplayWidth.of(title)), alignRight: true)
    }

    static func row(_ i: Int, _ item: DocumentLines.Item, mode: DocumentLines.Mode, model: EditorModel) -> [String] {
        switch mode {
        case .free:
            return [String(i + 1), item.code, item.name, item.quantity.description, item.unit, item.unitPrice.formatted(),
                    item.discount.value == 0 ? "" : item.discount.description, item.amount.formatted()]
        case .remaining:
            return [String(i + 1), item.code, item.name, item.remaining?.description ?? "", model.onHand(item)?.description ?? "", item.unit,
                    item.quantity.thousandths == 0 ? "—" : item.quantity.description, item.amount.formatted()]
        case .allocation:
            return [String(i + 1), item.code, item.documentDate?.iso ?? "", item.dueDate?.iso ?? "", item.open.formatted(),
                    item.amount.minorUnits == 0 ? "—" : item.amount.formatted()]
        }
    }

    static func entryHeading(_ model: EditorModel, lines: DocumentLines, catalog: Catalog) -> String {
        switch lines.mode {
        case .free:
            let heading = lines.editing.map { catalog.text("quote.changing-line", String($0 + 1)) } ?? catalog.text("quote.new-line")
            return heading + (lines.priceNote.map { "  ·  " + catalog.text($0.key, arguments: $0.arguments) } ?? "")
        case .remaining, .allocation:
            let i = lines.selected ?? 0
            let item = lines.items.indices.contains(i) ? lines.items[i].code + (lines.items[i].name.isEmpty ? "" : " " + lines.items[i].name) : ""
            let key = lines.mode == .allocation ? "document.line-allocation" : model.isGoodsReceipt ? "document.line-receive" : "document.line-quantity"
            return catalog.text(key, arguments: [String(i + 1), item])
        }
    }

    static func creditText(_ c: CreditExposure, catalog: Catalog) -> String {
        if c.limit.minorUnits == 0 { return catalog.text("order.credit-no-limit", c.exposure.formatted()) }
        return catalog.text(c.isBreached ? "order.credit-over" : "order.credit-after", arguments: [c.exposure.formatted(), c.limit.formatted()])
    }

    static func totalsText(_ model: EditorModel, lines: DocumentLines, catalog: Catalog) -> String {
        switch lines.mode {
        case .free:
            let amount = model.entryAmount.map { catalog.text("quote.line-amount") + " " + $0.formatted() + "   " } ?? ""
            return amount + catalog.text("quote.total") + " " + lines.total.formatted()
        case .remaining:
            return catalog.text("quote.total") + " " + lines.total.formatted()
        case .allocation:
            let credit = model.unallocated.map { "   " + catalog.text(model.isSupplierSide ? "document.prepayment-left" : "document.unallocated") + " " + $0.formatted() } ?? ""
            return catalog.text("document.allocated") + " " + lines.total.formatted() + credit
        }
    }
}
