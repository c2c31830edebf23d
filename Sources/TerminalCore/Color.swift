/// A colour as a theme names it; `downgraded(to:)` maps it to what the terminal can show.
public enum Color: Hashable, Sendable {
    case terminalDefault
    /// 0–15: the ANSI colours, 8–15 the bright ones.
    case ansi(UInt8)
    case palette(UInt8)
    case rgb(UInt8, UInt8, UInt8)

    static let ansiNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// `default`, `red`, `bright-red`, `#5fafff`, `123` (256-palette index).
    public static func parse(_ text: String) -> Color? {
        let t = text.lowercased()
        if t == "default" || t == "none" || t.isEmpty { return .terminalDefault }
        if let i = ansiNames.firstIndex(of: t) { return .ansi(UInt8(i)) }
        if t.hasPrefix("bright-"), let i = ansiNames.firstIndex(of: String(t.dropFirst(7))) { return .ansi(UInt8(i + 8)) }
        if t.hasPrefix("#"), t.count == 7, let v = UInt32(t.dropFirst(), radix: 16) {
            return .rgb(UInt8(v >> 16), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF))
        }
        if let n = UInt8(t) { return .palette(n) }
        return nil
    }

    public func downgraded(to depth: ColorDepth) -> Color {
        switch (self, depth) {
        case (.terminalDefault, _): return .terminalDefault
        case (_, .mono): return .terminalDefault
        case (.rgb, .truecolor): return self
        case (.rgb(let r, let g, let b), _): return Color.palette(Color.nearest256(r, g, b)).downgraded(to: depth)
        case (.palette, .truecolor), (.palette, .c256): return self
        case (.palette(let n), _): return Color.ansi(Color.nearest16(n)).downgraded(to: depth)
        case (.ansi(let n), .c8): return .ansi(n % 8)
        case (.ansi, _): return self
        }
    }

    static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        func level(_ c: UInt8) -> Int {
            let v = Int(c)
            return v < 48 ? 0 : v < 115 ? 1 : (v - 35) / 40
        }
        let levels = [0, 95, 135, 175, 215, 255]
        let (lr, lg, lb) = (level(r), level(g), level(b))
        let cube = 16 + 36 * lr + 6 * lg + lb
        let cubeDist = dist(Int(r), Int(g), Int(b), levels[lr], levels[lg], levels[lb])
        let avg = (Int(r) + Int(g) + Int(b)) / 3
        let grayIndex = min(23, max(0, (avg - 3) / 10))
        let gv = 8 + 10 * grayIndex
        let grayDist = dist(Int(r), Int(g), Int(b), gv, gv, gv)
        return UInt8(grayDist < cubeDist ? 232 + grayIndex : cube)
    }

    static func dist(_ a: Int, _ b: Int, _ c: Int, _ x: Int, _ y: Int, _ z: Int) -> Int {
        (a - x) * (a - x) + (b - y) * (b - y) + (c - z) * (c - z)
    }

    static let ansiRGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    static func rgbOf256(_ n: UInt8) -> (Int, Int, Int) {
        let i = Int(n)
        if i < 16 { return ansiRGB[i] }
        if i >= 232 { let v = 8 + 10 * (i - 232); return (v, v, v) }
        let levels = [0, 95, 135, 175, 215, 255]
        let c = i - 16
        return (levels[c / 36], levels[(c / 6) % 6], levels[c % 6])
    }

    static func nearest16(_ n: UInt8) -> UInt8 {
        if n < 16 { return n }
        let (r, g, b) = rgbOf256(n)
        var best = 0, bestDist = Int.max
        for (i, c) in ansiRGB.enumerated() {
            let d = dist(r, g, b, c.0, c.1, c.2)
            if d < bestDist { best = i; bestDist = d }
        }
        return UInt8(best)
    }
}

public enum ColorDepth: Int, Comparable, Sendable, CaseIterable {
    case mono = 0, c8, c16, c256, truecolor

    public static func < (a: ColorDepth, b: ColorDepth) -> Bool { a.rawValue < b.rawValue }

    /// What the environment allows: `NO_COLOR` means mono; otherwise the terminal's colour count,
    /// raised to truecolor only when `COLORTERM` says so and the terminal has more than 256.
    public static func detect(colors: Int, environment: [String: String]) -> ColorDepth {
        if let v = environment["NO_COLOR"], !v.isEmpty { return .mono }
        if colors >= 0x1000000 { return .truecolor }
        if colors >= 256 { return .c256 }
        if colors >= 16 { return .c16 }
        if colors >= 8 { return .c8 }
        return .mono
    }
}
