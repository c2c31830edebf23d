import Testing
@testable import TerminalCore

@Suite struct CellBufferTests {
    @Test func wideCharactersTakeTwoCells() {
        var b = CellBuffer(width: 10, height: 1)
        let w = b.put("北京ab", x: 0, y: 0, style: .plain)
        #expect(w == 6)
        #expect(b[0, 0].text == "北")
        #expect(b[1, 0].isContinuation)
        #expect(b[2, 0].text == "京")
        #expect(b[4, 0].text == "a")
        #expect(b.text() == "北京ab")
    }

    @Test func overwritingHalfAWideCharacterClearsTheOtherHalf() {
        var b = CellBuffer(width: 6, height: 1)
        b.put("北京", x: 0, y: 0, style: .plain)
        b.put("x", x: 1, y: 0, style: .plain)
        #expect(b[0, 0].text == " ")
        #expect(b[1, 0].text == "x")
        #expect(b.lines()[0] == " x京  ")
    }

    @Test func wideCharacterAtTheClipEdgeBecomesASpace() {
        var b = CellBuffer(width: 4, height: 1)
        let w = b.put("ab北京", x: 1, y: 0, style: .plain)
        #expect(w == 3)
        #expect(b.lines()[0] == " ab ")
    }

    @Test func textCutByItsWidthEndsWithAnEllipsis() {
        var b = CellBuffer(width: 6, height: 1)
        #expect(b.put("ab北京", x: 0, y: 0, style: .plain, maxWidth: 4) == 3)
        #expect(b.lines()[0] == "ab…   ")
        var fits = CellBuffer(width: 6, height: 1)
        _ = fits.put("ab北", x: 0, y: 0, style: .plain, maxWidth: 4)
        #expect(fits.lines()[0] == "ab北  ")
    }

    @Test func escapeSequencesAreShownNotSent() {
        var b = CellBuffer(width: 20, height: 1)
        b.put("Evil\u{1B}[31mRed", x: 0, y: 0, style: .plain)
        #expect(b.text() == "Evil^[[31mRed")
    }

    @Test func changedRowsReportsOnlyDifferences() {
        var a = CellBuffer(width: 4, height: 3)
        var b = a
        b.put("x", x: 1, y: 1, style: .plain)
        #expect(b.changedRows(since: a) == [1])
        a.put("y", x: 0, y: 2, style: .plain)
        #expect(b.changedRows(since: a) == [1, 2])
        #expect(b.changedRows(since: nil) == [0, 1, 2])
        #expect(b.changedRows(since: CellBuffer(width: 5, height: 3)).count == 3)
    }

    @Test func boxAndTitle() {
        var b = CellBuffer(width: 12, height: 3)
        b.box(Rect(x: 0, y: 0, width: 12, height: 3), style: .plain, glyphs: .ascii, title: "客户")
        #expect(b.text() == "+ 客户 ----+\n|          |\n+----------+")
    }
}

@Suite struct ColorTests {
    @Test func downgradeChain() {
        let c = Color.rgb(0, 135, 175)
        #expect(c.downgraded(to: .truecolor) == c)
        #expect(c.downgraded(to: .c256) == .palette(31))
        let sixteen = c.downgraded(to: .c16)
        guard case .ansi(let n) = sixteen else { Issue.record("expected an ANSI colour"); return }
        #expect(n < 16)
        guard case .ansi(let eight) = c.downgraded(to: .c8) else { Issue.record("expected an ANSI colour"); return }
        #expect(eight < 8)
        #expect(c.downgraded(to: .mono) == .terminalDefault)
        #expect(Color.ansi(9).downgraded(to: .c8) == .ansi(1))
        #expect(Color.palette(196).downgraded(to: .c16) == .ansi(9))
        #expect(Color.rgb(128, 128, 128).downgraded(to: .c256) == .palette(244))
    }

    @Test func monoKeepsSelectionVisible() {
        let selected = Style(fg: .ansi(0), bg: .ansi(6))
        #expect(selected.downgraded(to: .mono).attributes.contains(.reverse))
        #expect(!Style(fg: .ansi(1)).downgraded(to: .mono).attributes.contains(.reverse))
    }

    @Test func depthFromEnvironment() {
        #expect(ColorDepth.detect(colors: 256, environment: ["NO_COLOR": "1"]) == .mono)
        #expect(ColorDepth.detect(colors: 256, environment: [:]) == .c256)
        #expect(ColorDepth.detect(colors: 16, environment: [:]) == .c16)
        #expect(ColorDepth.detect(colors: 8, environment: [:]) == .c8)
        #expect(ColorDepth.detect(colors: -1, environment: [:]) == .mono)
        #expect(ColorDepth.detect(colors: 16_777_216, environment: [:]) == .truecolor)
    }

    @Test func parsesColourNames() {
        #expect(Color.parse("red") == .ansi(1))
        #expect(Color.parse("bright-cyan") == .ansi(14))
        #expect(Color.parse("#ff0000") == .rgb(255, 0, 0))
        #expect(Color.parse("123") == .palette(123))
        #expect(Color.parse("default") == .terminalDefault)
        #expect(Color.parse("reddish") == nil)
    }
}
