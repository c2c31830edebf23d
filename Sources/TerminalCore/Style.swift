public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = TextAttributes(rawValue: 1)
    public static let underline = TextAttributes(rawValue: 2)
    public static let reverse = TextAttributes(rawValue: 4)
    public static let dim = TextAttributes(rawValue: 8)
    public static let italic = TextAttributes(rawValue: 16)
}

public struct Style: Hashable, Sendable {
    public var fg: Color
    public var bg: Color
    public var attributes: TextAttributes

    public init(fg: Color = .terminalDefault, bg: Color = .terminalDefault, attributes: TextAttributes = []) {
        self.fg = fg; self.bg = bg; self.attributes = attributes
    }

    public static let plain = Style()

    public func with(_ extra: TextAttributes) -> Style {
        var s = self
        s.attributes.formUnion(extra)
        return s
    }

    /// Without colours a style that marked itself by a background (a selection, a status bar)
    /// would vanish, so on mono it becomes reverse video instead.
    public func downgraded(to depth: ColorDepth) -> Style {
        if depth == .mono {
            var attrs = attributes
            if bg != .terminalDefault { attrs.insert(.reverse) }
            return Style(fg: .terminalDefault, bg: .terminalDefault, attributes: attrs)
        }
        return Style(fg: fg.downgraded(to: depth), bg: bg.downgraded(to: depth), attributes: attributes)
    }
}
