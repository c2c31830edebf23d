/// One screen column. A wide character occupies its cell and the next, which holds `""`
/// (a continuation) so that diffs and snapshots stay column-exact.
public struct Cell: Equatable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String = " ", style: Style = .plain) {
        self.text = text; self.style = style
    }

    public var isContinuation: Bool { text.isEmpty }
    public static let blank = Cell()
}
