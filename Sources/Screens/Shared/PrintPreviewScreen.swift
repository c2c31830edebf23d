import TerminalCore
import Widgets
import Workspaces

/// The preview pane of `p`: the document exactly as it will print (fixed columns, pages), with
/// what Enter will do — print on the named printer, or save the file when none is set up.
enum PrintPreviewScreen {
    static func render(_ p: PrintPreview, in body: Rect, into buffer: inout CellBuffer, context: RenderContext, catalog: Catalog) {
        // No side borders: an 80-column form fits an 80-column terminal.
        guard body.height > 2 else { return }
        let bar = context.style("statusbar")
        let style = context.style("default")
        buffer.fill(body, style: style)
        buffer.fill(body.row(0), style: bar)
        buffer.put(" " + catalog.text("print.preview", p.number), x: body.x, y: body.y, style: bar.with(.bold), maxWidth: body.width)
        let visible = body.height - 2
        for (row, line) in p.lines.dropFirst(p.scroll).prefix(visible).enumerated() {
            let y = body.y + 1 + row
            if line == "\u{0C}" {
                buffer.put(String(repeating: "╌", count: body.width), x: body.x, y: y, style: context.style("list.header"), maxWidth: body.width)
            } else {
                buffer.put(line, x: body.x, y: y, style: style, maxWidth: body.width)
            }
        }
        let action = p.printer.map { catalog.text("print.hint-printer", $0) } ?? catalog.text("print.hint-file")
        let position = " \(min(p.lines.count, p.scroll + 1))–\(min(p.lines.count, p.scroll + visible))/\(p.lines.count) "
        let y = body.y + body.height - 1
        buffer.fill(body.row(body.height - 1), style: bar)
        buffer.put(position, x: body.x + body.width - DisplayWidth.of(position), y: y, style: bar)
        buffer.put(" " + action, x: body.x, y: y, style: bar, maxWidth: body.width - DisplayWidth.of(position))
    }
}
