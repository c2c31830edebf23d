import TerminalCore

public enum FieldKind: Sendable, Equatable {
    case text, secret, integer, money, quantity, date
    /// A fixed list; typing a letter jumps to the first option starting with it.
    case choice([String])
    /// Free typing filters the options; Enter/Tab takes the highlighted one.
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

    /// Lookup options matching what is typed (substring, case-insensitive), best first.
    public var matches: [String] {
        guard case .lookup(let options) = kind else { return [] }
        let q = value.lowercased()
        if q.isEmpty { return options }
        let prefix = options.filter { $0.lowercased().hasPrefix(q) }
        return prefix + options.filter { !$0.lowercased().hasPrefix(q) && $0.lowercased().contains(q) }
    }
}

public enum FormEvent: Sendable, Equatable {
    case none, edited, moved, submit, cancel
}

/// A form: typed fields, the focused one, errors shown beside the field. Validation comes from
/// the owner (`validate`), so the rules live in Domain and are not repeated here.
public struct Form: Sendable, Equatable {
    public var fields: [FormField]
    public var focus: Int = 0
    public var isDirty = false

    public init(fields: [FormField]) { self.fields = fields }

    public func value(_ key: String) -> String { fields.first { $0.key == key }?.value ?? "" }

    public mutating func setError(_ key: String, _ message: String?) {
        if let i = fields.firstIndex(where: { $0.key == key }) { fields[i].error = message }
    }

    public var hasErrors: Bool { fields.contains { $0.error != nil } }

    /// Handles one key. Enter moves to the next field and submits on the last; Ctrl-S submits
    /// anywhere; Esc cancels. Leaving a field runs `validate` on it.
    public mutating func handle(_ key: KeyEvent, validate: (FormField) -> String?) -> FormEvent {
        guard !fields.isEmpty else { return .none }
        var f = fields[focus]
        switch key {
        case .escape: return .cancel
        case .ctrl("s"):
            validateAll(validate)
            return hasErrors ? .moved : .submit
        case .enter, .tab, .down:
            if case .lookup = f.kind, let m = f.matches.dropFirst(f.pick).first, key != .down || f.matches.isEmpty {
                f.value = m; f.cursor = m.count; fields[focus] = f
            } else if case .lookup = f.kind, key == .down {
                fields[focus].pick = min(f.pick + 1, max(0, f.matches.count - 1))
                return .moved
            }
            fields[focus].error = validate(fields[focus])
            if key == .enter && focus == fields.count - 1 {
                validateAll(validate)
                return hasErrors ? .moved : .submit
            }
            if fields[focus].error == nil || key != .enter { focus = min(fields.count - 1, focus + 1) }
            return .moved
        case .backTab, .up:
            if case .lookup = f.kind, key == .up, f.pick > 0 { fields[focus].pick -= 1; return .moved }
            fields[focus].error = validate(fields[focus])
            focus = max(0, focus - 1)
            return .moved
        case .left:
            f.cursor = max(0, f.cursor - 1)
        case .right:
            f.cursor = min(f.value.count, f.cursor + 1)
        case .home, .ctrl("a"):
            f.cursor = 0
        case .end, .ctrl("e"):
            f.cursor = f.value.count
        case .backspace:
            guard f.cursor > 0 else { return .none }
            let i = f.value.index(f.value.startIndex, offsetBy: f.cursor - 1)
            f.value.remove(at: i); f.cursor -= 1; f.pick = 0
        case .delete:
            guard f.cursor < f.value.count else { return .none }
            f.value.remove(at: f.value.index(f.value.startIndex, offsetBy: f.cursor))
        case .ctrl("u"):
            f.value = ""; f.cursor = 0
        case .char(let c):
            if case .choice(let options) = f.kind {
                let l = String(c).lowercased()
                let start = (options.firstIndex(of: f.value) ?? -1) + 1
                let order = Array(options[min(start, options.count)...]) + Array(options[..<min(start, options.count)])
                if let hit = order.first(where: { $0.lowercased().hasPrefix(l) }) { f.value = hit; f.cursor = hit.count }
            } else {
                f.value.insert(c, at: f.value.index(f.value.startIndex, offsetBy: f.cursor))
                f.cursor += 1; f.pick = 0
            }
        default:
            return .none
        }
        f.error = nil
        fields[focus] = f
        isDirty = true
        return .edited
    }

    mutating func validateAll(_ validate: (FormField) -> String?) {
        for i in fields.indices { fields[i].error = validate(fields[i]) }
        if let first = fields.firstIndex(where: { $0.error != nil }) { focus = first }
    }

    public func render(in rect: Rect, into buffer: inout CellBuffer, context: RenderContext, labelWidth: Int? = nil) {
        let lw = labelWidth ?? min(rect.width / 3, (fields.map { DisplayWidth.of($0.label) }.max() ?? 0) + 1)
        // Leave room beside the field for its error message.
        let fieldWidth = max(4, min(40, rect.width - lw - 1 - 26))
        var y = rect.y
        for (i, f) in fields.enumerated() {
            guard y < rect.maxY else { break }
            let focused = i == focus
            buffer.put(DisplayWidth.pad(f.label, to: lw, alignRight: true), x: rect.x, y: y, style: context.style(focused ? "title" : "default"), maxWidth: lw)
            let fx = rect.x + lw + 1
            let shown: String
            switch f.kind {
            case .secret: shown = String(repeating: "*", count: f.value.count)
            case .choice: shown = "◂ " + f.value + " ▸"
            default: shown = f.value
            }
            let fieldStyle = context.style(focused ? "input.focused" : "input.field")
            buffer.fill(Rect(x: fx, y: y, width: fieldWidth, height: 1), style: fieldStyle)
            // Keep the cursor visible when the text is longer than the field.
            let beforeCursor = String(shown.prefix(f.cursor))
            var skip = 0
            while DisplayWidth.of(beforeCursor.dropFirst(skip)) >= fieldWidth { skip += 1 }
            buffer.put(String(shown.dropFirst(skip)), x: fx, y: y, style: fieldStyle, maxWidth: fieldWidth)
            if focused { buffer.cursor = (fx + DisplayWidth.of(beforeCursor.dropFirst(skip)), y) }
            let after = fx + fieldWidth + 1
            if let e = f.error, after < rect.maxX {
                buffer.put(e, x: after, y: y, style: context.style("input.error"), maxWidth: rect.maxX - after)
            }
            y += 1
            if focused, case .lookup = f.kind {
                for (k, m) in f.matches.prefix(5).enumerated() where y < rect.maxY {
                    let style = context.style(k == f.pick ? "list.selected" : "muted")
                    buffer.put(DisplayWidth.pad(m, to: fieldWidth), x: fx, y: y, style: style, maxWidth: fieldWidth)
                    y += 1
                }
            }
        }
    }
}
