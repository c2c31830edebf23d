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
            DocumentEditorScreen.render(model, lines: lines, in: rect, into: &buffer, context: context, catalog: catalog, keys: keys)
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
            // ←→ is offered only where a field has choices.
            let hint = model.form.fields.contains { $0.rule.isChoice } ? "editor.keys" : "editor.keys-no-choice"
            buffer.put(keys.fill(catalog.text(hint)), x: inner.x, y: inner.maxY - 1, style: context.style("muted"), maxWidth: inner.width)
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
                // Each match with what tells it apart (a product's unit and list price).
                let cells = CellText(catalog: catalog)
                kind = .lookup(i == model.focus && !f.value.isEmpty ? f.matches.map { ([$0.label] + $0.detail.map(cells.text)).joined(separator: "  ") } : [])
            case .password:
                kind = .secret
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
}
