import Domain
import TerminalCore
import Widgets
import Workspaces

/// A form in a box over the screen it was opened from: a notice line (a refused save, a race
/// lost to another user), the fields with their errors, and — when the new customer looks like
/// existing ones — those customers as name, owner and date only, with what the user may do.
enum EditorScreen {
    static func render(_ model: EditorModel, in rect: Rect, into buffer: inout CellBuffer, context: RenderContext, catalog: Catalog, keys: BindingText) {
        if let lines = model.lines {
            renderQuote(model, lines: lines, in: rect, into: &buffer, context: context, catalog: catalog, keys: keys)
            return
        }
        let form = widgetForm(model.form, catalog: catalog)
        let hintRows = model.reviewingHints ? min(6, model.hints.count) + 3 : 0
        let noticeRows = model.notice == nil ? 0 : 2
        let height = min(rect.height, form.height + hintRows + noticeRows + 3)
        let width = min(rect.width - 2, 96)
        let box = Rect(x: rect.x + (rect.width - width) / 2, y: rect.y + max(0, (rect.height - height) / 2), width: width, height: height)
        buffer.fill(box, style: context.style("default"))
        let title = catalog.text(model.title) + (model.subject.isEmpty ? "" : " — " + model.subject)
        var inner = Panel.render(title, focused: true, in: box, into: &buffer, context: context)
        if let notice = model.notice {
            let lines = AppShell.wrap(noticeText(notice, catalog: catalog), width: inner.width - 1).prefix(2)
            for (i, line) in lines.enumerated() {
                buffer.put(line, x: inner.x, y: inner.y + i, style: context.style(notice.isError ? "input.error" : "muted"), maxWidth: inner.width)
            }
            inner = Rect(x: inner.x, y: inner.y + noticeRows, width: inner.width, height: inner.height - noticeRows)
        }
        let formRect = Rect(x: inner.x, y: inner.y, width: inner.width, height: max(0, inner.height - hintRows - 1))
        form.render(in: formRect, into: &buffer, context: context)
        if model.reviewingHints {
            buffer.cursor = nil
            var y = formRect.maxY
            buffer.put(catalog.text(model.blocking ? "duplicate.blocking" : "duplicate.found"), x: inner.x, y: y, style: context.style("input.error"), maxWidth: inner.width)
            y += 1
            for (i, hint) in model.hints.prefix(6).enumerated() where y < inner.maxY - 1 {
                let text = catalog.text("duplicate.hint", hint.name).replacingOccurrences(of: "%2", with: hint.owner.isEmpty ? "—" : hint.owner)
                    .replacingOccurrences(of: "%3", with: hint.ownerSince) + "  (" + catalog.text("rule.\(hint.rule.rawValue)") + ")"
                let style = context.style(i == model.hintSelected ? "list.selected" : "default")
                buffer.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: style)
                buffer.put(text, x: inner.x, y: y, style: style, maxWidth: inner.width)
                y += 1
            }
            buffer.put(keys.fill(catalog.text(model.blocking ? "duplicate.keys-blocking" : "duplicate.keys")), x: inner.x, y: inner.maxY - 1,
                       style: context.style("statusbar.key"), maxWidth: inner.width)
        } else if model.saving {
            buffer.put(catalog.text("editor.saving"), x: inner.x, y: inner.maxY - 1, style: context.style("muted"), maxWidth: inner.width)
        } else {
            buffer.put(keys.fill(catalog.text("editor.keys")), x: inner.x, y: inner.maxY - 1, style: context.style("muted"), maxWidth: inner.width)
        }
        if model.form.askingDiscard {
            ConfirmDialog(title: catalog.text("editor.discard-title"), message: catalog.text("editor.discard-question"), choices: keys.fill(catalog.text("editor.discard-choices")))
                .render(in: rect, into: &buffer, context: context)
            buffer.cursor = nil
        }
    }

    /// The view model's fields as the Form widget draws them, worded in the user's language.
    static func widgetForm(_ model: FormModel, catalog: Catalog) -> Form {
        Form(fields: model.fields.enumerated().map { i, f in
            var kind: FieldKind = .text
            var value = f.value
            var cursor = f.cursor
            switch f.rule {
            case .choice(let options):
                let labels = options.map { catalog.text($0.label) }
                value = options.firstIndex { $0.value == f.value }.map { labels[$0] } ?? f.value
                kind = .choice(labels)
                cursor = value.count
            case .lookup:
                kind = .lookup(i == model.focus && !f.value.isEmpty ? f.matches.map(\.label) : [])
            default:
                break
            }
            var field = FormField(key: f.key, label: catalog.text(f.label), kind: kind, value: value)
            field.cursor = cursor
            field.pick = f.pick
            field.error = f.error.map { catalog.text($0.key, arguments: [$0.argument] + $0.more) }
            return field
        }, focus: model.focus)
    }

    static func noticeText(_ notice: EditorModel.Notice, catalog: Catalog) -> String {
        guard !notice.key.isEmpty else { return notice.argument }
        return catalog.text(notice.key, arguments: [notice.argument] + notice.more)
    }

    /// A quote: its header fields, the lines so far as a table, the line being typed (with the
    /// product look-up open under it), the line's amount and the quote's total.
    static func renderQuote(_ model: EditorModel, lines: QuoteLines, in rect: Rect, into buffer: inout CellBuffer, context: RenderContext, catalog: Catalog, keys: BindingText) {
        let all = widgetForm(model.form, catalog: catalog)
        let split = model.form.fields.firstIndex { $0.key == "product" } ?? all.fields.count
        let focus = model.form.focus
        let header = Form(fields: Array(all.fields[..<split]), focus: lines.selected == nil && focus < split ? focus : -1)
        let entry = Form(fields: Array(all.fields[split...]), focus: lines.selected == nil && focus >= split ? focus - split : -1)
        let labelWidth = min(24, (all.fields.map { DisplayWidth.of($0.label) }.max() ?? 8) + 1)
        let width = min(rect.width, 110)
        let box = Rect(x: rect.x + (rect.width - width) / 2, y: rect.y, width: width, height: rect.height)
        buffer.fill(box, style: context.style("default"))
        var inner = Panel.render(catalog.text(model.title) + " — " + model.subject, focused: true, in: box, into: &buffer, context: context)
        if let notice = model.notice {
            for (i, line) in AppShell.wrap(noticeText(notice, catalog: catalog), width: inner.width - 1).prefix(2).enumerated() {
                buffer.put(line, x: inner.x, y: inner.y + i, style: context.style(notice.isError ? "input.error" : "muted"), maxWidth: inner.width)
            }
            inner = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 2)
        }
        header.render(in: Rect(x: inner.x, y: inner.y, width: inner.width, height: header.height), into: &buffer, context: context, labelWidth: labelWidth)
        let cursorAfterHeader = buffer.cursor
        // Lines table between the header and the line being typed.
        let entryHeight = entry.height
        let tableTop = inner.y + header.height
        // Below the table: "New line", the line's fields, the totals and the keys.
        let tableHeight = max(2, inner.height - header.height - entryHeight - 3)
        var table = Table(columns: [
            TableColumn("#", width: 2, alignRight: true), TableColumn(catalog.text("col.code"), width: 7),
            TableColumn(catalog.text("col.product"), width: 10, flex: 1), TableColumn(catalog.text("col.quantity"), width: 7, alignRight: true),
            TableColumn(catalog.text("col.unit"), width: 4), TableColumn(catalog.text("col.price"), width: 10, alignRight: true),
            TableColumn(catalog.text("col.discount"), width: 6, alignRight: true), TableColumn(catalog.text("col.amount"), width: 12, alignRight: true),
        ], rows: lines.items.enumerated().map { i, item in
            TableRow([String(i + 1), item.code, item.name, item.quantity.description, item.unit, item.unitPrice.formatted(),
                      item.discount.value == 0 ? "" : item.discount.description, item.amount.formatted()])
        }, selected: lines.selected)
        let visible = tableHeight - 1
        table.offset = max(0, (lines.selected ?? lines.items.count - 1) - visible + 1)
        table.render(in: Rect(x: inner.x, y: tableTop, width: inner.width, height: tableHeight), into: &buffer, context: context)
        if lines.items.isEmpty {
            buffer.put(catalog.text("quote.no-lines"), x: inner.x + 2, y: tableTop + 1, style: context.style("muted"), maxWidth: inner.width - 2)
        }
        let entryTop = tableTop + tableHeight
        let marker = lines.editing.map { catalog.text("quote.changing-line", String($0 + 1)) } ?? catalog.text("quote.new-line")
        buffer.put(marker, x: inner.x, y: entryTop, style: context.style("muted"), maxWidth: inner.width)
        entry.render(in: Rect(x: inner.x, y: entryTop + 1, width: inner.width, height: entryHeight), into: &buffer, context: context, labelWidth: labelWidth)
        if focus < split { buffer.cursor = cursorAfterHeader }
        if lines.selected != nil { buffer.cursor = nil }
        let amount = model.entryAmount.map { catalog.text("quote.line-amount") + " " + $0.formatted() + "   " } ?? ""
        let totals = amount + catalog.text("quote.total") + " " + lines.total.formatted()
        buffer.put(totals, x: inner.maxX - DisplayWidth.of(totals), y: inner.maxY - 2, style: context.style("title"), maxWidth: inner.width)
        let hint = model.saving ? catalog.text("editor.saving") : keys.fill(catalog.text(lines.selected == nil ? "quote.keys" : "quote.keys-lines"))
        buffer.put(hint, x: inner.x, y: inner.maxY - 1, style: context.style("muted"), maxWidth: inner.width)
        if model.form.askingDiscard {
            ConfirmDialog(title: catalog.text("editor.discard-title"), message: catalog.text("editor.discard-question"), choices: keys.fill(catalog.text("editor.discard-choices")))
                .render(in: rect, into: &buffer, context: context)
            buffer.cursor = nil
        }
    }
}
