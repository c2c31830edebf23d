import TerminalCore
import Widgets
import Workspaces

/// The login form, centred.
enum LoginScreen {
    static func render(_ model: LoginViewModel, company: String, in rect: Rect, into buffer: inout CellBuffer, context: RenderContext, catalog: Catalog, keys: BindingText) {
        let box = rect.centered(width: 56, height: 11)
        let inner = Panel.render(catalog.text("app.name") + " — " + catalog.text("login.title"), focused: true, in: box, into: &buffer, context: context)
        buffer.put(company, x: inner.x + 1, y: inner.y, style: context.style("title"), maxWidth: inner.width - 2)
        var form = Form(fields: [
            FormField(key: "login", label: catalog.text("login.login"), kind: .text, value: model.login),
            FormField(key: "password", label: catalog.text("login.password"), kind: .secret, value: model.password),
        ])
        form.focus = model.focus
        form.render(in: Rect(x: inner.x + 1, y: inner.y + 2, width: inner.width - 2, height: 2), into: &buffer, context: context, labelWidth: 12)
        if let m = model.message {
            // Up to three lines (a lockout, or "no user yet" with the command to run), cut with "…".
            let lines = DisplayWidth.wrap(catalog.text(m.key, m.argument), width: inner.width - 2)
            for (i, line) in lines.prefix(3).enumerated() {
                let text = i == 2 && lines.count > 3 ? DisplayWidth.truncate(line + " " + lines[3], to: inner.width - 2) : line
                buffer.put(text, x: inner.x + 1, y: inner.y + 5 + i, style: context.style(m.isError ? "input.error" : "muted"), maxWidth: inner.width - 2)
            }
        }
        buffer.put(keys.fill(catalog.text("login.hint")), x: inner.x + 1, y: inner.maxY - 1, style: context.style("muted"), maxWidth: inner.width - 2)
    }
}
