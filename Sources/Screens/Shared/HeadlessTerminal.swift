import Foundation
import TerminalCore

/// A terminal without a screen: keys come from a queue, frames are kept. The headless app driver,
/// the benchmark and the tests run the real loop on it.
@MainActor
public final class HeadlessTerminal: TerminalDevice {
    public var size: (width: Int, height: Int)
    public let colorDepth: ColorDepth
    public let glyphs: Glyphs
    public private(set) var frame: CellBuffer
    public private(set) var presents = 0
    public private(set) var changedRows = 0
    private var previous: CellBuffer?
    private var keys: [KeyEvent] = []

    public init(width: Int = 80, height: Int = 24, colorDepth: ColorDepth = .c256, glyphs: Glyphs = .unicode) {
        size = (width, height); self.colorDepth = colorDepth; self.glyphs = glyphs
        frame = CellBuffer(width: width, height: height)
    }

    public func type(_ keys: [KeyEvent]) { self.keys += keys }
    public func type(_ text: String) { keys += text.map { KeyEvent.char($0) } }

    public func resize(width: Int, height: Int) {
        size = (width, height)
        keys.append(.resize)
    }

    public func readKey() -> KeyEvent? { keys.isEmpty ? nil : keys.removeFirst() }

    public func present(_ buffer: CellBuffer) {
        changedRows += buffer.changedRows(since: previous).count
        previous = buffer
        frame = buffer
        presents += 1
    }

    public func invalidate() { previous = nil }

    public func waitForInput(milliseconds: Int) {
        if keys.isEmpty { usleep(useconds_t(milliseconds * 1000)) }
    }

    public var text: String { frame.text() }
}
