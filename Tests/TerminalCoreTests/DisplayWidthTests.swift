import Testing
@testable import TerminalCore

@Suite struct DisplayWidthTests {
    @Test func asciiAndCJK() {
        #expect(DisplayWidth.of("Rapport") == 7)
        #expect(DisplayWidth.of("北京华联") == 8)
        #expect(DisplayWidth.of("北京 Ltd.") == 9)
        #expect(DisplayWidth.of("한국") == 4)
        #expect(DisplayWidth.of("カタカナ") == 8)
    }

    @Test func fullWidthPunctuationAndForms() {
        #expect(DisplayWidth.of("，。、「」") == 10)
        #expect(DisplayWidth.of("ＡＢＣ１２") == 10)
        #expect(DisplayWidth.of("（）") == 4)
        #expect(DisplayWidth.of("ｱ") == 1)  // half-width katakana stays narrow
    }

    @Test func emoji() {
        #expect(DisplayWidth.of("😀") == 2)
        #expect(DisplayWidth.of("❤️") == 2)  // text heart + VS16
        #expect(DisplayWidth.of("👨‍👩‍👧") == 2)  // ZWJ family is one grapheme
        #expect(DisplayWidth.of("🇨🇳") == 2)
    }

    @Test func combiningMarksTakeNoColumn() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("Cafe\u{301}") == 4)
        #expect(DisplayWidth.of("\u{200B}") == 0)
    }

    @Test func truncationNeverSplitsAWideCharacter() {
        #expect(DisplayWidth.truncate("北京华联商厦", to: 6) == "北京…")
        #expect(DisplayWidth.truncate("北京华联商厦", to: 7) == "北京华…")
        #expect(DisplayWidth.of(DisplayWidth.truncate("北京华联商厦", to: 6)) == 5)
        #expect(DisplayWidth.truncate("北京", to: 4) == "北京")
        #expect(DisplayWidth.truncate("Northwind Trading", to: 10) == "Northwind…")
        for w in 1...12 {
            #expect(DisplayWidth.of(DisplayWidth.truncate("上海宏达Trading有限公司", to: w)) <= w)
        }
    }

    @Test func padAlignsByColumns() {
        #expect(DisplayWidth.pad("北京", to: 6) == "北京  ")
        #expect(DisplayWidth.pad("12", to: 5, alignRight: true) == "   12")
        #expect(DisplayWidth.of(DisplayWidth.pad("北京华联商厦有限公司", to: 9)) == 9)
    }
}

@Suite struct WrapTests {
    @Test func wrapsAtSpacesAndInsideChineseTextWithinTheWidth() {
        let reason = "Met them at the Canton fair in October; 他们说去年就和我们谈过华东区的独家代理，请批准转给我"
        let lines = DisplayWidth.wrap(reason, width: 30)
        #expect(lines.count > 2)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 30 })
        #expect(lines.joined(separator: " ").filter { $0 != " " } == reason.filter { $0 != " " })
        #expect(lines[0] == "Met them at the Canton fair in")
        #expect(DisplayWidth.wrap("short", width: 30) == ["short"])
    }
}

@Suite struct SanitizerTests {
    @Test func escapeSequencesBecomeVisibleText() {
        #expect(TextSanitizer.clean("Evil\u{1B}[31mRed") == "Evil^[[31mRed")
        #expect(TextSanitizer.clean("a\u{07}b") == "a^Gb")
        #expect(TextSanitizer.clean("x\u{9B}2J") == "x<9B>2J")
        #expect(TextSanitizer.clean("line1\nline2\tx") == "line1 line2 x")
        #expect(TextSanitizer.clean("a\u{202E}b") == "a\u{FFFD}b")
        #expect(TextSanitizer.clean("北京华联") == "北京华联")
    }

    @Test func noControlByteSurvives() {
        let all = String(String.UnicodeScalarView((0..<0xA0).compactMap(Unicode.Scalar.init)))
        let clean = TextSanitizer.clean(all)
        #expect(!clean.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }
}
