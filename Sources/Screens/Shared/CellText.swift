import Domain
import TerminalCore
import Widgets

/// Typed values as the user reads them: money with grouping, quantities without trailing zeros,
/// ISO dates, percentages with "—" for a missing ratio, status keys in the UI's language, a
/// warning marked ⚠ (and drawn in the overdue style).
struct CellText {
    let catalog: Catalog
    var glyphs = Glyphs.unicode

    func text(_ value: CellValue) -> String {
        switch value {
        case .status(let key): catalog.text(key)
        case .days(let n): catalog.text("unit.days", String(n))
        case .gauge(let p): gauge(p)
        case .points(let p): catalog.text("unit.points", p.pointsText)
        case .spark(let values): CellValue.sparkline(values, glyphs: glyphs.sparks)
        case .warning(let v): text(v) + "  ⚠"
        case .joined(let vs, let separator): vs.map(text).filter { !$0.isEmpty }.joined(separator: separator)
        default: value.plainText
        }
    }

    /// Ten cells filled by the share reached (full past 100%), then the percentage.
    func gauge(_ p: BasisPoints?) -> String {
        guard let p else { return CellValue.percent(nil).plainText }
        let filled = Int(max(0, min(10, p.value / 1_000)))
        return String(repeating: glyphs.gaugeFull, count: filled) + String(repeating: glyphs.gaugeEmpty, count: 10 - filled) + " " + CellValue.percent(p).plainText
    }

    /// The theme role of a value that needs attention; nil for an ordinary one.
    func role(_ value: CellValue) -> String? {
        if case .warning = value { return "reminder.overdue" }
        return nil
    }

    /// A table of typed rows: column widths from their titles and the widest value (up to 30),
    /// numbers right-aligned, flexible and shrinking columns as the spec says.
    func table(_ columns: [ColumnSpec], _ rows: [[CellValue]]) -> Table {
        let texts = rows.map { $0.map(text) }
        let specs = columns.enumerated().map { i, c -> TableColumn in
            let title = catalog.text(c.key)
            // The first 200 rows, and the last (a report's total, the widest figure).
            let widest = min(30, (texts.prefix(200) + texts.suffix(1)).map { i < $0.count ? DisplayWidth.of($0[i]) : 0 }.max() ?? 0)
            return TableColumn(title, width: c.width ?? max(4, DisplayWidth.of(title), widest), flex: c.flexible ? 1 : 0, alignRight: c.alignRight, shrinks: c.shrinks)
        }
        return Table(columns: specs, rows: zip(rows, texts).map { row, text in TableRow(text, cellRoles: row.map(role)) })
    }
}
