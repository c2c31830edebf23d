public struct Rect: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width <= 0 || height <= 0 }

    public func inset(_ n: Int) -> Rect { Rect(x: x + n, y: y + n, width: width - 2 * n, height: height - 2 * n) }

    /// Splits off `columns` on the left; the rest (minus `gap`) is the second rect.
    public func splitLeft(_ columns: Int, gap: Int = 0) -> (Rect, Rect) {
        let w = min(columns, width)
        return (Rect(x: x, y: y, width: w, height: height), Rect(x: x + w + gap, y: y, width: width - w - gap, height: height))
    }

    public func splitTop(_ rows: Int, gap: Int = 0) -> (Rect, Rect) {
        let h = min(rows, height)
        return (Rect(x: x, y: y, width: width, height: h), Rect(x: x, y: y + h + gap, width: width, height: height - h - gap))
    }

    public func row(_ i: Int) -> Rect { Rect(x: x, y: y + i, width: width, height: i < height ? 1 : 0) }

    public func centered(width w: Int, height h: Int) -> Rect {
        let cw = min(w, width), ch = min(h, height)
        return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
    }
}
