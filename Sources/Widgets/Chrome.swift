import TerminalCore

/// A row of tabs; the active one in `tab.active`.
public struct Tabs: Sendable, Equatable {
    public var titles: [String]
    public var active: Int
    public init(titles: [String], active: Int) { self.titles = titles; self.active = active }

    public func render(in rect: Rect, into buffer: inout CellBuffer, context: RenderContext) {
        buffer.fill(rect.row(0), style: context.style("tab"))
        let labels = titles.enumerated().map { " \($0.offset + 1) \($0.element) " }
        // When the tabs do not fit, start late enough that the active one shows, marked with ‹.
        var first = 0
        while first < active, labels[first...active].reduce(0, { $0 + DisplayWidth.of($1) + 1 }) + 1 > rect.width { first += 1 }
        var x = rect.x
        if first > 0 { x += buffer.put("‹", x: x, y: rect.y, style: context.style("tab")) }
        for (i, label) in labels.enumerated() where i >= first {
            // Tabs that do not fit are marked › at the right edge, as ‹ marks those on the left.
            let room = rect.maxX - x - (i < labels.count - 1 ? 1 : 0)
            if DisplayWidth.of(label) > room {
                buffer.put("›", x: rect.maxX - 1, y: rect.y, style: context.style("tab"))
                break
            }
            x += buffer.put(label, x: x, y: rect.y, style: context.style(i == active ? "tab.active" : "tab"), maxWidth: room) + 1
        }
    }
}

/// The bottom line: key hints generated from the current screen's bindings, and a message.
public struct StatusBar: Sendable, Equatable {
    public var hints: [(key: String, label: String)]
    public var message: String
    public init(hints: [(key: String, label: String)], message: String = "") { self.hints = hints; self.message = message }

    public static func == (a: StatusBar, b: StatusBar) -> Bool {
        a.message == b.message && a.hints.map(\.key) == b.hints.map(\.key) && a.hints.map(\.label) == b.hints.map(\.label)
    }

    public func render(in rect: Rect, into buffer: inout CellBuffer, context: RenderContext) {
        let base = context.style("statusbar")
        buffer.fill(rect.row(0), style: base)
        var x = rect.x
        let messageWidth = DisplayWidth.of(message)
        let limit = rect.maxX - (messageWidth > 0 ? messageWidth + 2 : 0)
        for (i, h) in hints.enumerated() {
            let need = DisplayWidth.of(h.key) + DisplayWidth.of(h.label) + 2
            // The last hint that fits leaves room for "…" when more follow (`?` lists them all).
            let more = i < hints.count - 1 ? 1 : 0
            if x + need + more > limit {
                buffer.put("…", x: x, y: rect.y, style: base)
                break
            }
            x += buffer.put(h.key, x: x, y: rect.y, style: context.style("statusbar.key"))
            x += buffer.put(" " + h.label + " ", x: x, y: rect.y, style: base)
        }
        if messageWidth > 0 {
            buffer.put(message, x: max(x, rect.maxX - messageWidth - 1), y: rect.y, style: base, maxWidth: rect.maxX - x)
        }
    }
}

/// A centred box asking a yes/no question.
public struct ConfirmDialog: Sendable, Equatable {
    public var title: String
    public var message: String
    public var choices: String
    public init(title: String, message: String, choices: String) { self.title = title; self.message = message; self.choices = choices }

    /// A long message (a claimant's reason) wraps instead of being cut at the screen's edge.
    public func render(in screen: Rect, into buffer: inout CellBuffer, context: RenderContext) {
        let width = min(screen.width - 4, max(DisplayWidth.of(message), DisplayWidth.of(title), DisplayWidth.of(choices)) + 6)
        let lines = DisplayWidth.wrap(message, width: max(1, width - 4)).prefix(max(1, screen.height - 6))
        let rect = screen.centered(width: width, height: 5 + lines.count)
        let inner = Panel.render(title, focused: true, in: rect, into: &buffer, context: context)
        for (i, line) in lines.enumerated() {
            buffer.put(line, x: inner.x + 1, y: inner.y + 1 + i, style: context.style("dialog"), maxWidth: inner.width - 2)
        }
        buffer.put(choices, x: inner.x + 1, y: inner.y + 1 + lines.count, style: context.style("statusbar.key"), maxWidth: inner.width - 2)
    }
}

/// Several paragraphs in a box (a KPI's formula, then its inputs), each wrapped on its own.
public struct InfoDialog: Sendable, Equatable {
    public var title: String
    public var paragraphs: [String]
    public var choices: String
    public init(title: String, paragraphs: [String], choices: String) { self.title = title; self.paragraphs = paragraphs; self.choices = choices }

    public func render(in screen: Rect, into buffer: inout CellBuffer, context: RenderContext) {
        let widest = (paragraphs + [title, choices]).map(DisplayWidth.of).max() ?? 0
        let width = min(screen.width - 4, max(30, widest + 6))
        let lines = Array(paragraphs.flatMap { $0.isEmpty ? [""] : DisplayWidth.wrap($0, width: max(1, width - 4)) }.prefix(max(1, screen.height - 6)))
        let rect = screen.centered(width: width, height: 5 + lines.count)
        let inner = Panel.render(title, focused: true, in: rect, into: &buffer, context: context)
        for (i, line) in lines.enumerated() {
            buffer.put(line, x: inner.x + 1, y: inner.y + 1 + i, style: context.style("dialog"), maxWidth: inner.width - 2)
        }
        buffer.put(choices, x: inner.x + 1, y: inner.y + 2 + lines.count, style: context.style("statusbar.key"), maxWidth: inner.width - 2)
    }
}

/// A short message over the status bar that goes away by itself.
public struct Toast: Sendable, Equatable {
    public var text: String
    public var isError: Bool
    public init(text: String, isError: Bool) { self.text = text; self.isError = isError }

    /// Bottom right over the status bar; a text too long for one line (a file's path) wraps
    /// onto a second.
    public func render(in screen: Rect, into buffer: inout CellBuffer, context: RenderContext) {
        let lines = Array(DisplayWidth.wrap(text, width: max(10, screen.width - 4)).prefix(2))
        let w = min(screen.width - 2, (lines.map(DisplayWidth.of).max() ?? 0) + 2)
        let x = max(0, screen.maxX - w - 1)
        let style = context.style(isError ? "toast.error" : "toast")
        for (i, line) in lines.enumerated() {
            let y = max(0, screen.maxY - 1 - lines.count + i)
            buffer.fill(Rect(x: x, y: y, width: w, height: 1), style: style)
            buffer.put(line, x: x + 1, y: y, style: style, maxWidth: w - 2)
        }
    }
}

/// `?`: the bindings of the current screen, generated from the keymap.
public struct HelpOverlay: Sendable, Equatable {
    public var title: String
    public var entries: [(key: String, description: String)]
    public var footer: String
    public init(title: String, entries: [(key: String, description: String)], footer: String) {
        self.title = title; self.entries = entries; self.footer = footer
    }
    public static func == (a: HelpOverlay, b: HelpOverlay) -> Bool {
        a.title == b.title && a.entries.map(\.key) == b.entries.map(\.key) && a.entries.map(\.description) == b.entries.map(\.description)
    }

    /// One column when every line fits the screen's height, else two side by side.
    public func render(in screen: Rect, into buffer: inout CellBuffer, context: RenderContext) {
        let keyWidth = min(16, (entries.map { DisplayWidth.of($0.key) }.max() ?? 4))
        let descWidth = entries.map { DisplayWidth.of($0.description) }.max() ?? 10
        let rows = screen.height - 5
        let columns = entries.count > rows ? 2 : 1
        let perColumn = (entries.count + columns - 1) / columns
        let rect = screen.centered(width: min(screen.width - 2, columns * (keyWidth + descWidth + 3) + 3), height: min(screen.height - 2, perColumn + 4))
        let inner = Panel.render(title, focused: true, in: rect, into: &buffer, context: context)
        let columnWidth = (inner.width - 1) / columns
        for column in 0..<columns {
            let part = entries.dropFirst(column * perColumn).prefix(perColumn)
            // Each column as narrow as its own keys, so descriptions get the rest; a key list or a
            // description that still does not fit ends in "…".
            let keys = min(columns == 1 ? keyWidth : 12, part.map { DisplayWidth.of($0.key) }.max() ?? 4)
            let x = inner.x + 1 + column * columnWidth
            for (row, e) in part.enumerated() where row < inner.height - 1 {
                buffer.put(DisplayWidth.pad(DisplayWidth.truncate(e.key, to: keys), to: keys), x: x, y: inner.y + row, style: context.style("statusbar.key").with(.bold), maxWidth: keys)
                buffer.put(DisplayWidth.truncate(e.description, to: columnWidth - keys - 2), x: x + keys + 1, y: inner.y + row, style: context.style("default"), maxWidth: columnWidth - keys - 2)
            }
        }
        buffer.put(footer, x: inner.x + 1, y: inner.maxY - 1, style: context.style("muted"), maxWidth: inner.width - 2)
    }
}

/// `:`: a query line and the commands that match it.
public struct CommandPalette: Sendable, Equatable {
    public var title: String
    public var query: String
    public var entries: [(command: String, description: String)]
    public var selected: Int
    public init(title: String, query: String, entries: [(command: String, description: String)], selected: Int) {
        self.title = title; self.query = query; self.entries = entries; self.selected = selected
    }
    public static func == (a: CommandPalette, b: CommandPalette) -> Bool {
        a.query == b.query && a.selected == b.selected && a.entries.map(\.command) == b.entries.map(\.command)
    }

    public func render(in screen: Rect, into buffer: inout CellBuffer, context: RenderContext) {
        let rect = Rect(x: screen.x + max(1, (screen.width - 60) / 2), y: screen.y + 2, width: min(60, screen.width - 2), height: min(screen.height - 4, entries.count + 4))
        let inner = Panel.render(title, focused: true, in: rect, into: &buffer, context: context)
        let line = ":" + query
        buffer.fill(inner.row(0), style: context.style("input.focused"))
        buffer.put(line, x: inner.x, y: inner.y, style: context.style("input.focused"), maxWidth: inner.width)
        buffer.cursor = (inner.x + DisplayWidth.of(line), inner.y)
        let table = Table(columns: [TableColumn("", width: 16), TableColumn("", width: 10, flex: 1)],
                          rows: entries.map { TableRow([$0.command, $0.description]) }, selected: entries.isEmpty ? nil : selected)
        var t = table
        t.showHeader = false
        t.render(in: Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1), into: &buffer, context: context)
    }
}
