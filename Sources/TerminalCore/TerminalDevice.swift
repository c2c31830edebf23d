/// What the run loop needs of a terminal: the ncurses backend in the app, a recording fake in
/// the headless driver and tests.
@MainActor
public protocol TerminalDevice: AnyObject {
    var size: (width: Int, height: Int) { get }
    var colorDepth: ColorDepth { get }
    var glyphs: Glyphs { get }
    /// The next pending key, without waiting.
    func readKey() -> KeyEvent?
    /// Shows `buffer`, writing only what changed since the last call.
    func present(_ buffer: CellBuffer)
    /// Sleeps until a key may be pending or `milliseconds` pass, whichever comes first; how an
    /// idle session stays near 0 % CPU.
    func waitForInput(milliseconds: Int)
    /// Forget what is on screen so the next present repaints everything (Ctrl-L).
    func invalidate()
}
