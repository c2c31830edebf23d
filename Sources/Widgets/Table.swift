import TerminalCore

public struct TableColumn: Sendable, Equatable {
    public var title: String
    /// Minimum width in columns; flexible columns share what is left.
    public var width: Int
    public var flex: Int
    public var alignRight: Bool
    /// Gives way first when the table is too narrow (a customer name before the amounts).
    public var shrinks: Bool

    public init(_ title: String, width: Int, flex: Int = 0, alignRight: Bool = false, shrinks: Bool = false) {
        self.title = title; self.width = width; self.flex = flex; self.alignRight = alignRight; self.shrinks = shrinks
    }
}

public struct TableRow: Sendable, Equatable {
    public var cells: [String]
    /// A theme role for the whole row (e.g. `list.group`, `reminder.overdue`), if not default.
    public var role: String?
    public var selectable: Bool
    /// A theme role per cell (a warning on one value), where it differs from the row's.
    public var cellRoles: [String?]
    public init(_ cells: [String], role: String? = nil, selectable: Bool = true, cellRoles: [String?] = []) {
        self.cells = cells; self.role = role; self.selectable = selectable; self.cellRoles = cellRoles
    }
}

/// A scrolling table: header, rows truncated by display width (CJK-aware, with `…`), one
/// selected row, a sort marker. Pure state + rendering; the owner decides what rows it holds.
public struct Table: Sendable, Equatable {
    public var columns: [TableColumn]
    public var rows: [TableRow]
    public var selected: Int?
    public var offset: Int = 0
    public var sortColumn: Int?
    public var sortAscending = true
    public var showHeader = true

    public init(columns: [TableColumn], rows: [TableRow] = [], selected: Int? = nil) {
        self.columns = columns; self.rows = rows; self.selected = selected
    }

    /// Column widths for a total width: minimums first, then the flexible share, separated by one space.
    public func widths(total: Int) -> [Int] {
        var w = columns.map(\.width)
        let gaps = max(0, columns.count - 1)
        var spare = total - gaps - w.reduce(0, +)
        let flexSum = columns.map(\.flex).reduce(0, +)
        if spare > 0, flexSum > 0 {
            var given = 0
            for i in columns.indices where columns[i].flex > 0 {
                let share = spare * columns[i].flex / flexSum
                w[i] += share
                given += share
            }
            if let last = columns.indices.last(where: { columns[$0].flex > 0 }) { w[last] += spare - given }
            spare = 0
        }
        // Too narrow: shrink the columns that give way first, then the flexible (text) columns,
        // so numbers keep every digit, then the others from the right; none below 3 columns.
        var over = w.reduce(0, +) + gaps - total
        let order = columns.indices.filter { columns[$0].shrinks }.reversed()
            + columns.indices.filter { columns[$0].flex > 0 && !columns[$0].shrinks }.reversed()
            + columns.indices.filter { columns[$0].flex == 0 && !columns[$0].shrinks }.reversed()
        for i in order where over > 0 {
            let cut = min(over, max(0, w[i] - 3))
            w[i] -= cut; over -= cut
        }
        return w
    }

    public var visibleRowsPadding: Int { showHeader ? 1 : 0 }

    /// Keeps the selection on screen for `height` visible rows.
    public mutating func scrollToSelection(height: Int) {
        let visible = max(1, height - visibleRowsPadding)
        guard let s = selected else { offset = min(offset, max(0, rows.count - visible)); return }
        if s < offset { offset = s }
        if s >= offset + visible { offset = s - visible + 1 }
        offset = max(0, min(offset, max(0, rows.count - visible)))
    }

    /// Moves the selection by `delta` rows, skipping rows that cannot be selected.
    public mutating func move(_ delta: Int) {
        guard !rows.isEmpty else { selected = nil; return }
        var i = (selected ?? (delta > 0 ? -1 : rows.count)) + delta
        i = max(0, min(rows.count - 1, i))
        let step = delta >= 0 ? 1 : -1
        var j = i
        while j >= 0, j < rows.count, !rows[j].selectable { j += step }
        if j < 0 || j >= rows.count {
            j = i
            while j >= 0, j < rows.count, !rows[j].selectable { j -= step }
        }
        if j >= 0, j < rows.count, rows[j].selectable { selected = j }
    }

    public mutating func moveToTop() { selected = nil; move(1) }
    public mutating func moveToBottom() { selected = nil; move(-1) }

    public func render(in rect: Rect, into buffer: inout CellBuffer, context: RenderContext, focused: Bool = true) {
        guard !rect.isEmpty else { return }
        var table = self
        table.scrollToSelection(height: rect.height)
        let widths = table.widths(total: rect.width)
        var y = rect.y
        if showHeader {
            buffer.fill(rect.row(0), style: context.style("list.header"))
            var x = rect.x
            for (i, col) in columns.enumerated() {
                var title = col.title
                if sortColumn == i { title += sortAscending ? context.glyphs.sortUp : context.glyphs.sortDown }
                buffer.put(DisplayWidth.pad(title, to: widths[i], alignRight: col.alignRight), x: x, y: y, style: context.style("list.header"), maxWidth: widths[i])
                x += widths[i] + 1
            }
            y += 1
        }
        let visible = rect.height - (showHeader ? 1 : 0)
        for r in 0..<visible {
            let index = table.offset + r
            guard index < rows.count else { break }
            let row = rows[index]
            let isSelected = index == selected
            var style = context.style(row.role ?? "default")
            if isSelected { style = context.style(focused ? "list.selected" : "muted").with(focused ? [] : .reverse) }
            buffer.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: style)
            if row.cells.count == 1 && columns.count > 1 {
                // A one-cell row (a group heading) spans the whole width.
                buffer.put(TextSanitizer.clean(row.cells[0]), x: rect.x, y: y, style: style, maxWidth: rect.width)
                y += 1
                continue
            }
            var x = rect.x
            for (i, col) in columns.enumerated() {
                let text = i < row.cells.count ? row.cells[i] : ""
                let cell = DisplayWidth.pad(TextSanitizer.clean(text), to: widths[i], alignRight: col.alignRight)
                let cellStyle = !isSelected && i < row.cellRoles.count ? row.cellRoles[i].map(context.style) ?? style : style
                buffer.put(cell, x: x, y: y, style: cellStyle, maxWidth: widths[i])
                x += widths[i] + 1
            }
            y += 1
        }
    }
}
