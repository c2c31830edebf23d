/// The off-screen picture of a frame. Screens render into it; the backend presents only the cells
/// that differ from the previous frame; tests read it back as text.
public struct CellBuffer: Equatable, Sendable {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be shown (for text input), if anywhere.
    public var cursor: (x: Int, y: Int)?

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width); self.height = max(0, height)
        cells = Array(repeating: fill, count: self.width * self.height)
    }

    public static func == (a: CellBuffer, b: CellBuffer) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells
            && a.cursor?.x == b.cursor?.x && a.cursor?.y == b.cursor?.y
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    public mutating func fill(_ rect: Rect, style: Style, text: String = " ") {
        let x0 = max(0, rect.x), x1 = min(width, rect.maxX)
        let y0 = max(0, rect.y), y1 = min(height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 {
            // A wide character cut by the rect's edge loses its other half too: a half left
            // behind would show on the terminal as the whole character, or eat its neighbour.
            clearWide(at: x0, y: y)
            if x1 - 1 > x0 { clearWide(at: x1 - 1, y: y) }
            for x in x0..<x1 { cells[y * width + x] = Cell(text, style: style) }
        }
    }

    /// Writes sanitized `text` at (x, y), clipped to `maxWidth` columns and the buffer's edge.
    /// Returns the number of columns written. A wide character that would straddle the clip edge
    /// is replaced by a space.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        var col = x
        var shown = TextSanitizer.clean(text)
        // Text cut by its width ends with "…", so a reader knows there is more.
        if maxWidth != nil, x >= 0, DisplayWidth.of(shown) > limit - x { shown = DisplayWidth.truncate(shown, to: max(0, limit - x)) }
        for character in shown {
            let w = DisplayWidth.of(character)
            if w == 0 {
                if col > x, col - 1 < width, col - 1 >= 0 {
                    // Combining mark: attach to the previous cell.
                    var prev = col - 1
                    if cells[y * width + prev].isContinuation, prev > 0 { prev -= 1 }
                    cells[y * width + prev].text.append(character)
                }
                continue
            }
            if col + w > limit {
                if col < limit { clearWide(at: col, y: y); cells[y * width + col] = Cell(" ", style: style); col += 1 }
                break
            }
            if col >= 0 {
                clearWide(at: col, y: y)
                cells[y * width + col] = Cell(String(character), style: style)
                if w == 2 {
                    if col + 1 < width { clearWide(at: col + 1, y: y) }
                    cells[y * width + col + 1] = Cell("", style: style)
                }
            }
            col += w
        }
        return col - x
    }

    /// Before overwriting a cell, break up a wide character it belongs to so that no half remains.
    private mutating func clearWide(at x: Int, y: Int) {
        let i = y * width + x
        if cells[i].isContinuation, x > 0 {
            cells[i - 1] = Cell(" ", style: cells[i - 1].style)
        } else if x + 1 < width, cells[i + 1].isContinuation, DisplayWidth.of(cells[i].text) == 2 {
            cells[i + 1] = Cell(" ", style: cells[i + 1].style)
        }
    }

    /// Draws a box; `title` is set into the top border.
    public mutating func box(_ rect: Rect, style: Style, glyphs: Glyphs, title: String? = nil, titleStyle: Style? = nil) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let top = rect.y, bottom = rect.maxY - 1, left = rect.x, right = rect.maxX - 1
        for x in (left + 1)..<right {
            put(glyphs.horizontal, x: x, y: top, style: style)
            put(glyphs.horizontal, x: x, y: bottom, style: style)
        }
        for y in (top + 1)..<bottom {
            put(glyphs.vertical, x: left, y: y, style: style)
            put(glyphs.vertical, x: right, y: y, style: style)
        }
        put(glyphs.topLeft, x: left, y: top, style: style)
        put(glyphs.topRight, x: right, y: top, style: style)
        put(glyphs.bottomLeft, x: left, y: bottom, style: style)
        put(glyphs.bottomRight, x: right, y: bottom, style: style)
        if let title, rect.width > 4 {
            put(" \(title) ", x: left + 1, y: top, style: titleStyle ?? style, maxWidth: rect.width - 2)
        }
    }

    /// Rows as plain text, wide characters once, trailing spaces kept (exact columns).
    public func lines() -> [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width {
                let c = cells[y * width + x]
                if !c.isContinuation { line += c.text }
            }
            return line
        }
    }

    /// The snapshot form used by tests: rows with trailing spaces trimmed.
    public func text() -> String {
        lines().map { line in
            var l = line
            while l.hasSuffix(" ") { l.removeLast() }
            return l
        }.joined(separator: "\n")
    }

    /// The cells a terminal must be sent to show this frame over `previous`: every changed cell
    /// that starts a character, and every wide character whose second column changed (the
    /// terminal forgets a wide character when anything is written over either half).
    /// Continuation cells are never sent: the wide character before them covers them.
    public func cellsToDraw(since previous: CellBuffer?) -> [(x: Int, y: Int)] {
        var out: [(x: Int, y: Int)] = []
        for y in changedRows(since: previous) {
            let row = y * width
            for x in 0..<width {
                let cell = cells[row + x]
                if cell.isContinuation { continue }
                var changed = previous.map { $0.cells[row + x] != cell } ?? true
                if !changed, x + 1 < width, cells[row + x + 1].isContinuation, let previous, previous.cells[row + x + 1] != cells[row + x + 1] {
                    changed = true
                }
                if changed { out.append((x, y)) }
            }
        }
        return out
    }

    /// Indices of rows that differ from `previous` (all rows if the size changed).
    public func changedRows(since previous: CellBuffer?) -> [Int] {
        guard let previous, previous.width == width, previous.height == height else { return Array(0..<height) }
        return (0..<height).filter { y in
            let range = (y * width)..<((y + 1) * width)
            return cells[range] != previous.cells[range]
        }
    }
}
