import Testing
@testable import TerminalCore

/// A terminal as tmux and xterm behave: a wide character fills two columns, and writing over
/// either half of one blanks the other half.
struct TerminalModel {
    var cells: [[String]]
    init(width: Int, height: Int) { cells = Array(repeating: Array(repeating: " ", count: width), count: height) }

    mutating func write(_ text: String, x: Int, y: Int) {
        let w = max(1, DisplayWidth.of(text))
        for col in x..<min(cells[y].count, x + w) {
            if cells[y][col] == "" , col > 0 { cells[y][col - 1] = " " }
            if col + 1 < cells[y].count, cells[y][col + 1] == "" { cells[y][col + 1] = " " }
        }
        cells[y][x] = text
        if w == 2, x + 1 < cells[y].count { cells[y][x + 1] = "" }
    }

    /// Sends what the presenter sends for `frame` over `previous`.
    mutating func present(_ frame: CellBuffer, over previous: CellBuffer?) {
        for (x, y) in frame.cellsToDraw(since: previous) { write(frame[x, y].text, x: x, y: y) }
    }

    var text: String { cells.map { $0.joined() }.joined(separator: "\n") }
}

@Suite struct WideCharacterRepaintTests {
    func chineseScreen() -> CellBuffer {
        var b = CellBuffer(width: 30, height: 6)
        for y in 0..<6 { b.put("│  上海宏达贸易  逾期未跟进 (44)", x: 0, y: y, style: .plain) }
        return b
    }

    /// An overlay drawn the way dialogs are (a fill, then a box) with its edges on the second
    /// half of wide characters, then closed: the terminal must show exactly a full redraw.
    @Test(arguments: [4, 5, 8, 9, 12])
    func closingAnOverlayAtAnyColumnLeavesNoDebris(left: Int) {
        let base = chineseScreen()
        var overlay = base
        let rect = Rect(x: left, y: 1, width: 11, height: 4)
        overlay.fill(rect, style: .plain)
        overlay.box(rect, style: .plain, glyphs: .unicode, title: "命令")
        var terminal = TerminalModel(width: 30, height: 6)
        terminal.present(base, over: nil)
        terminal.present(overlay, over: base)
        var fresh = TerminalModel(width: 30, height: 6)
        fresh.present(overlay, over: nil)
        #expect(terminal.text == fresh.text, "with the overlay open")
        terminal.present(base, over: overlay)
        fresh = TerminalModel(width: 30, height: 6)
        fresh.present(base, over: nil)
        #expect(terminal.text == fresh.text, "after it closed")
        #expect(terminal.text.contains("上海宏达贸易"))
    }

    @Test func fillBreaksAWideCharacterCutByItsEdges() {
        var b = CellBuffer(width: 8, height: 1)
        b.put("上海宏达", x: 0, y: 0, style: .plain)
        b.fill(Rect(x: 1, y: 0, width: 4, height: 1), style: .plain, text: "x")
        #expect(b.lines()[0] == " xxxx 达")
    }
}
