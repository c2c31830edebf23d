import TerminalCore

/// What every widget needs to draw: the theme (already downgraded to the terminal's colours)
/// and the glyph set.
public struct RenderContext: Sendable {
    public var theme: Theme
    public var glyphs: Glyphs
    public init(theme: Theme, glyphs: Glyphs) { self.theme = theme; self.glyphs = glyphs }
    public func style(_ role: String) -> Style { theme.style(role) }
}

/// A box with a title; returns the inner rect.
public enum Panel {
    @discardableResult
    public static func render(_ title: String, focused: Bool, in rect: Rect, into buffer: inout CellBuffer, context: RenderContext) -> Rect {
        buffer.fill(rect, style: context.style("default"))
        buffer.box(rect, style: context.style(focused ? "border.focused" : "border"), glyphs: context.glyphs, title: title,
                   titleStyle: context.style("title"))
        return rect.inset(1)
    }
}
