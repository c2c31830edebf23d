import TerminalCore

public enum FieldKind: Sendable, Equatable {
    case text, secret, integer, money, quantity, date
    /// A fixed list; typing a letter jumps to the first option starting with it.
    case choice([String])
    /// Free typing with a list of suggestions under the field (already filtered by the owner).
    case lookup([String])
}

public struct FormField: Sendable, Equatable {
    public var key: String
    public var label: String
    public var kind: FieldKind
    public var value: String
    public var error: String?
    public var cursor: Int
    /// Highlighted option of a lookup's match list.
    public var pick: Int = 0

    public init(key: String, label: String, kind: FieldKind, value: String = "") {
        self.key = key; self.label = label; self.kind = kind; self.value = value; cursor = value.count
    }

    public var options: [String] {
        switch kind {
        case .choice(let o), .lookup(let o): return o
        default: return []
        }
    }

    /// The lookup's suggestions, as the owner filtered them for what is typed.
    public var matches: [String] {
        guard case .lookup(let options) = kind else { return [] }
        return options
    }
}

/// A form as drawn: labels, fields, the focused one with the cursor, an error beside each field.
/// What the fields hold and how typing changes them is the view model's business; this only draws.
public struct Form: Sendable, Equatable {
    public var fields: [FormField]
    public var focus: Int = 0

    public init(fields: [FormField], focus: Int = 0) { self.fields = fields; self.focus = focus }

    public func value(_ key: String) -> String { fields.first { $0.key == key }?.value ?? "" }

    public mutating func setError(_ key: String, _ message: String?) {
        if let i = fields.firstIndex(where: { $0.key == key }) { fields[i].error = message }
    }

    /// Rows the form needs: one per field, plus the open match list under a focused lookup.
    public var height: Int {
        fields.count + (fields.indices.contains(focus) ? min(5, fields[focus].matches.count) : 0)
    }

    public func render(in rect: Rect, into buffer: inout CellBuffer, context: RenderContext, labelWidth: Int? = nil) {
        let lw = labelWidth ?? min(rect.width / 3, (fields.map { DisplayWidth.of($0.label) }.max() ?? 0) + 1)
        // A field is as wide as the form; one in error gives way to its message beside it.
        let full = max(4, rect.width - lw - 1)
        var y = rect.y
        // A form taller than its box scrolls: the fields from the top while the focused one (and
        // its suggestions) fit, else down to it.
        let suggestions = fields.indices.contains(focus) ? min(5, fields[focus].matches.count) : 0
        let first = max(0, focus + 1 + suggestions - rect.height)
        var last = first - 1
        defer {
            // Fields out of sight above or below are marked at the label column's edge.
            if first > 0 { buffer.put(context.glyphs.sortUp, x: rect.x, y: rect.y, style: context.style("muted"), maxWidth: 1) }
            if last < fields.count - 1, rect.height > 1 { buffer.put(context.glyphs.sortDown, x: rect.x, y: rect.maxY - 1, style: context.style("muted"), maxWidth: 1) }
        }
        for (i, f) in fields.enumerated().dropFirst(first) {
            guard y < rect.maxY else { break }
            last = i
            let focused = i == focus
            buffer.put(DisplayWidth.pad(f.label, to: lw, alignRight: true), x: rect.x, y: y, style: context.style(focused ? "title" : "default"), maxWidth: lw)
            let fx = rect.x + lw + 1
            let shown: String
            switch f.kind {
            case .secret: shown = String(repeating: "*", count: f.value.count)
            case .choice: shown = "◂ " + f.value + " ▸"
            default: shown = f.value
            }
            // Down to what its value needs (at least 8), so the message fits a narrow terminal.
            let fieldWidth = f.error.map { max(min(full, max(8, DisplayWidth.of(shown) + 2)), full - DisplayWidth.of($0) - 1) } ?? full
            let fieldStyle = context.style(focused ? "input.focused" : "input.field")
            buffer.fill(Rect(x: fx, y: y, width: fieldWidth, height: 1), style: fieldStyle)
            // Keep the cursor visible when the text is longer than the field; a cut shows as "…".
            let beforeCursor = String(shown.prefix(f.cursor))
            // Only the field being typed in scrolls to its cursor; the others show their start.
            var skip = 0
            while focused, DisplayWidth.of(beforeCursor.dropFirst(skip)) >= fieldWidth - (skip > 0 ? 1 : 0) { skip += 1 }
            let rest = String(shown.dropFirst(skip))
            let lead = skip > 0 ? "…" : ""
            buffer.put(lead + DisplayWidth.truncate(rest, to: fieldWidth - DisplayWidth.of(lead)), x: fx, y: y, style: fieldStyle, maxWidth: fieldWidth)
            if focused { buffer.cursor = (fx + DisplayWidth.of(lead) + DisplayWidth.of(beforeCursor.dropFirst(skip)), y) }
            let after = fx + fieldWidth + 1
            if let e = f.error, after < rect.maxX {
                buffer.put(DisplayWidth.truncate(e, to: rect.maxX - after), x: after, y: y, style: context.style("input.error"), maxWidth: rect.maxX - after)
            }
            y += 1
            if focused, case .lookup = f.kind {
                // Five suggestions at a time, moving with the highlighted one.
                let first = max(0, f.pick - 4)
                for (k, m) in f.matches.enumerated().dropFirst(first).prefix(5) where y < rect.maxY {
                    let style = context.style(k == f.pick ? "list.selected" : "muted")
                    buffer.put(DisplayWidth.pad(DisplayWidth.truncate(m, to: fieldWidth), to: fieldWidth), x: fx, y: y, style: style, maxWidth: fieldWidth)
                    y += 1
                }
            }
        }
    }
}
