/// A key press, independent of ncurses.
public enum KeyEvent: Hashable, Sendable {
    case char(Character)
    case ctrl(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete, insert
    case function(Int)
    case resize

    /// The spelling used in keys.toml and in the status bar: `j`, `ctrl-l`, `pgdn`, `f1`, `shift-tab`.
    public var name: String {
        switch self {
        case .char(" "): return "space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "ctrl-\(c)"
        case .up: return "up"
        case .down: return "down"
        case .left: return "left"
        case .right: return "right"
        case .pageUp: return "pgup"
        case .pageDown: return "pgdn"
        case .home: return "home"
        case .end: return "end"
        case .enter: return "enter"
        case .escape: return "esc"
        case .tab: return "tab"
        case .backTab: return "shift-tab"
        case .backspace: return "backspace"
        case .delete: return "delete"
        case .insert: return "insert"
        case .function(let n): return "f\(n)"
        case .resize: return "resize"
        }
    }

    public static func parse(_ spec: String) -> KeyEvent? {
        let s = spec.trimmingCharacters(in: " ")
        let lower = s.lowercased()
        let named: [String: KeyEvent] = [
            "up": .up, "down": .down, "left": .left, "right": .right, "pgup": .pageUp, "pageup": .pageUp,
            "pgdn": .pageDown, "pagedown": .pageDown, "home": .home, "end": .end, "enter": .enter,
            "return": .enter, "esc": .escape, "escape": .escape, "tab": .tab, "shift-tab": .backTab,
            "backtab": .backTab, "backspace": .backspace, "delete": .delete, "del": .delete,
            "insert": .insert, "space": .char(" "),
        ]
        if let k = named[lower] { return k }
        if lower.hasPrefix("ctrl-"), lower.count == 6, let c = lower.last { return .ctrl(c) }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...24).contains(n) { return .function(n) }
        if s.count == 1, let c = s.first { return .char(c) }
        return nil
    }
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return String(s)
    }
}
