import Mustache

/// One printable value: its text, and the column transforms a template applies to it —
/// `left20(customer.name)`, `right12(amount)`, `center40(title)` cut and pad to exactly that many
/// columns by display width, so Chinese names keep the columns of a fixed form straight.
struct PrintValue: MustacheCustomRenderable, MustacheTransformable, CustomStringConvertible {
    let text: String
    let width: TextWidth

    var renderText: String { text }
    var description: String { text }
    /// Empty values are false in `{{#note}}…{{/note}}` sections.
    var isNull: Bool { text.isEmpty }

    func transform(_ name: String) -> Any? {
        guard let (align, columns) = PrintValue.columnTransform(name) else { return nil }
        return PrintValue(text: width.fit(text, columns, align: align), width: width)
    }

    /// `left20` → (.left, 20); nil for anything else. Widths from 1 to 400 columns.
    static func columnTransform(_ name: String) -> (TextWidth.Alignment, Int)? {
        for (prefix, align) in [("left", TextWidth.Alignment.left), ("right", .right), ("center", .center)] where name.hasPrefix(prefix) {
            guard let n = Int(name.dropFirst(prefix.count)), (1...400).contains(n) else { return nil }
            return (align, n)
        }
        return nil
    }
}
