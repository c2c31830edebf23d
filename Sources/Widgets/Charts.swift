import TerminalCore

/// Horizontal bars, one per label, scaled to the widest value with integer arithmetic.
public struct BarChart: Sendable, Equatable {
    public struct Bar: Sendable, Equatable {
        public var label: String
        public var value: Int64
        public var display: String
        /// A target on the same scale (a quota): a mark across the bar's row.
        public var marker: Int64?
        public init(label: String, value: Int64, display: String, marker: Int64? = nil) {
            self.label = label; self.value = value; self.display = display; self.marker = marker
        }
    }
    public var bars: [Bar]
    public init(bars: [Bar]) { self.bars = bars }

    public func render(in rect: Rect, into buffer: inout CellBuffer, context: RenderContext) {
        guard !rect.isEmpty, !bars.isEmpty else { return }
        let labelWidth = min(rect.width / 3, bars.map { DisplayWidth.of($0.label) }.max() ?? 0)
        let valueWidth = bars.map { DisplayWidth.of($0.display) }.max() ?? 0
        let barSpace = max(1, rect.width - labelWidth - valueWidth - 2)
        // Bars and markers share one scale: a quota above every bar still fits.
        let maxValue = max(1, (bars.map(\.value) + bars.compactMap(\.marker)).max() ?? 1)
        let markerSpace = bars.contains { $0.marker != nil } ? barSpace - 1 : barSpace
        for (i, bar) in bars.prefix(rect.height).enumerated() {
            let y = rect.y + i
            buffer.put(DisplayWidth.pad(bar.label, to: labelWidth), x: rect.x, y: y, style: context.style("default"), maxWidth: labelWidth)
            let length = bar.value <= 0 ? 0 : max(1, Int(Int64(markerSpace) * bar.value / maxValue))
            let series = "chart.series\(i % 3 + 1)"
            buffer.put(String(repeating: context.glyphs.barFull, count: length), x: rect.x + labelWidth + 1, y: y, style: context.style(series))
            var end = length
            if let marker = bar.marker, marker > 0 {
                let at = Int(Int64(markerSpace) * marker / maxValue)
                buffer.put(context.glyphs.vertical, x: rect.x + labelWidth + 1 + at, y: y, style: context.style("reminder.due"))
                end = max(end, at + 1)
            }
            buffer.put(bar.display, x: rect.x + labelWidth + 2 + end, y: y, style: context.style("muted"), maxWidth: valueWidth)
        }
    }
}

/// One character per value, eight levels from the series minimum to its maximum.
public struct Sparkline: Sendable, Equatable {
    public var values: [Int64]
    public init(values: [Int64]) { self.values = values }

    public func text(glyphs: Glyphs) -> String {
        guard let lo = values.min(), let hi = values.max() else { return "" }
        let levels = glyphs.sparks.count
        return values.map { v in
            let i = hi == lo ? (v > 0 ? levels / 2 : 0) : Int((v - lo) * Int64(levels - 1) / (hi - lo))
            return glyphs.sparks[i]
        }.joined()
    }

    public func render(in rect: Rect, into buffer: inout CellBuffer, context: RenderContext) {
        buffer.put(text(glyphs: context.glyphs), x: rect.x, y: rect.y, style: context.style("chart.series1"), maxWidth: rect.width)
    }
}

/// A progress bar for a ratio in basis points (10000 = 100 %); over 100 % fills the bar.
public struct Gauge: Sendable, Equatable {
    public var basisPoints: Int64?
    public var label: String
    public init(basisPoints: Int64?, label: String) { self.basisPoints = basisPoints; self.label = label }

    public func render(in rect: Rect, into buffer: inout CellBuffer, context: RenderContext) {
        guard rect.width > 2 else { return }
        let labelWidth = DisplayWidth.of(label) + 1
        let barWidth = max(1, rect.width - labelWidth)
        let bp = max(0, basisPoints ?? 0)
        let filled = Int(min(Int64(barWidth), Int64(barWidth) * bp / 10_000))
        let role = basisPoints == nil ? "muted" : bp >= 10_000 ? "dashboard.metric.ok" : bp >= 7_000 ? "dashboard.metric.warn" : "dashboard.metric.critical"
        buffer.put(String(repeating: context.glyphs.gaugeFull, count: filled), x: rect.x, y: rect.y, style: context.style(role))
        buffer.put(String(repeating: context.glyphs.gaugeEmpty, count: barWidth - filled), x: rect.x + filled, y: rect.y, style: context.style("muted"))
        buffer.put(label, x: rect.x + barWidth + 1, y: rect.y, style: context.style(role), maxWidth: labelWidth)
    }
}
