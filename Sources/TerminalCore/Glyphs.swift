/// Line-drawing and chart characters; ASCII ones for terminals that cannot show Unicode
/// box drawing (TERM=vt100, linux console without a UTF-8 font, non-UTF-8 locale).
public struct Glyphs: Sendable, Equatable {
    public var horizontal: String
    public var vertical: String
    public var topLeft: String
    public var topRight: String
    public var bottomLeft: String
    public var bottomRight: String
    public var ellipsis: String
    public var sparks: [String]
    public var barFull: String
    public var gaugeFull: String
    public var gaugeEmpty: String
    public var sortUp: String
    public var sortDown: String
    public var pointer: String

    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        ellipsis: "…", sparks: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"], barFull: "█",
        gaugeFull: "█", gaugeEmpty: "░", sortUp: "▲", sortDown: "▼", pointer: "▶")

    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        ellipsis: "~", sparks: ["_", ".", "-", "=", "+", "*", "#", "@"], barFull: "#",
        gaugeFull: "#", gaugeEmpty: ".", sortUp: "^", sortDown: "v", pointer: ">")

    /// vt100 and friends get ASCII lines; everything else Unicode.
    public static func forTerminal(_ term: String?) -> Glyphs {
        guard let term else { return .unicode }
        return term.hasPrefix("vt1") || term.hasPrefix("vt2") ? .ascii : .unicode
    }
}
