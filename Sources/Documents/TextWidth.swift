/// How many columns a character takes on a fixed-pitch device (terminal or printer). Documents
/// does not own the East-Asian-Width table (TerminalCore does, and Documents may import only
/// Domain): the program passes `DisplayWidth.of` in, so screen and paper agree on one table.
public struct TextWidth: Sendable {
    public let of: @Sendable (Character) -> Int
    /// Makes data safe for the device (control characters shown, not sent): the program passes
    /// the terminal's sanitizer in, so a printer never receives an escape sequence from a record.
    public let clean: @Sendable (String) -> String
    public init(_ of: @escaping @Sendable (Character) -> Int, clean: @escaping @Sendable (String) -> String = { $0 }) { self.of = of; self.clean = clean }

    public func width(_ text: some StringProtocol) -> Int { text.reduce(0) { $0 + of($1) } }

    /// `text` cut to at most `columns` (never half a wide character) and padded with spaces to
    /// exactly `columns`, left- or right-aligned or centred. Fixed forms need exact columns, so a
    /// long value is cut rather than wrapped.
    public func fit(_ text: String, _ columns: Int, align: Alignment = .left) -> String {
        var kept = ""
        var used = 0
        for ch in text where !ch.isNewline {
            let w = of(ch)
            if used + w > columns { break }
            kept.append(ch); used += w
        }
        let gap = max(0, columns - used)
        switch align {
        case .left: return kept + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + kept
        case .center: return String(repeating: " ", count: gap / 2) + kept + String(repeating: " ", count: gap - gap / 2)
        }
    }

    public enum Alignment: Sendable { case left, right, center }
}
