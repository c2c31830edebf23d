import Foundation
import Testing
@testable import TerminalCore

@Suite struct TOMLSubsetTests {
    @Test func readsTablesKeysAndValues() throws {
        let entries = try TOMLSubset.parse("""
            # comment
            name = "mono"   # trailing
            [list.selected]
            fg = "#ffffff"
            bold = true
            ["border.focused"]
            width = 1_000
            keys = ["j", 'down']
            esc = "a\\tb\\u00e9"
            """)
        #expect(entries.map(\.key) == ["name", "list.selected.fg", "list.selected.bold", "border.focused.width", "border.focused.keys", "border.focused.esc"])
        #expect(entries[2].value == .bool(true))
        #expect(entries[3].value == .integer(1000))
        #expect(entries[4].value == .array([.string("j"), .string("down")]))
        #expect(entries[5].value == .string("a\tbé"))
        #expect(entries[1].line == 4)
    }

    @Test func errorsNameTheLine() {
        #expect(throws: TOMLError(file: "t.toml", line: 3, message: "expected = after key 'broken'")) {
            try TOMLSubset.parse("a = 1\n\nbroken\n", file: "t.toml")
        }
        #expect(throws: TOMLError(file: "t.toml", line: 2, message: "unterminated string")) {
            try TOMLSubset.parse("a = 1\nb = \"oops\n", file: "t.toml")
        }
        #expect(throws: TOMLError(file: "t.toml", line: 2, message: "duplicate key 'a'")) {
            try TOMLSubset.parse("a = 1\na = 2\n", file: "t.toml")
        }
        // 100,000 nested arrays: an error with its line, not a stack overflow.
        #expect(throws: TOMLError(file: "t.toml", line: 2, message: "arrays nested more than 32 deep")) {
            try TOMLSubset.parse("a = 1\nb = " + String(repeating: "[", count: 100_000) + "\n", file: "t.toml")
        }
    }
}

@Suite struct KeymapTests {
    @Test func defaultsAndOverrides() throws {
        let standard = Keymap.standard
        #expect(standard.actions(for: .char("j")) == ["move-down"])
        #expect(standard.actions(for: .down) == ["move-down"])
        #expect(standard.actions(for: .function(1)) == ["help"])
        #expect(standard.actions(for: .char("s")) == ["sort", "ship", "save-file", "save-anyway"])
        let custom = try standard.overridden(byTOML: "[keys]\nmove-down = [\"ctrl-n\", \"down\"]\nquit = \"Q\"\n", file: "keys.toml")
        #expect(custom.actions(for: .ctrl("n")) == ["move-down"])
        #expect(custom.actions(for: .char("j")) == [])
        #expect(custom.actions(for: .char("Q")) == ["quit"])
        #expect(custom.label(for: "quit") == "Q")
    }

    @Test func badKeymapsAreRefusedWithTheLine() {
        #expect(throws: TOMLError(file: "keys.toml", line: 2, message: "unknown action 'fly'")) {
            try Keymap.standard.overridden(byTOML: "[keys]\nfly = \"f\"\n", file: "keys.toml")
        }
        #expect(throws: TOMLError(file: "keys.toml", line: 2, message: "cannot read key string(\"ctrl-\") for 'quit'")) {
            try Keymap.standard.overridden(byTOML: "[keys]\nquit = \"ctrl-\"\n", file: "keys.toml")
        }
    }

    @Test func keyNamesRoundTrip() {
        for spec in ["j", "ctrl-l", "pgdn", "f1", "shift-tab", "enter", "esc", "space", "?", ":"] {
            #expect(KeyEvent.parse(spec)?.name == spec)
        }
    }
}

@Suite struct ThemeTests {
    static let themesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("themes")

    @Test func rolesFallBackToParentThenDefault() throws {
        let theme = try Theme.load(toml: "[default]\nfg = \"white\"\n[dashboard.metric]\nfg = \"green\"\n", file: "t.toml", base: Theme(name: "empty", styles: [:]))
        #expect(theme.style("dashboard.metric.ok").fg == .ansi(2))
        #expect(theme.style("dashboard.metric").fg == .ansi(2))
        #expect(theme.style("list.selected").fg == .ansi(7))
    }

    @Test func shippedThemesLoad() throws {
        for name in ["default", "light", "high-contrast", "mono"] {
            let path = ThemeTests.themesFolder.appendingPathComponent("\(name).toml").path
            let theme = try Theme.load(toml: try String(contentsOfFile: path, encoding: .utf8), file: path)
            #expect(theme.name == name)
            for role in Theme.roles { _ = theme.style(role) }
        }
    }

    @Test func monoThemeHasNoColours() throws {
        let path = ThemeTests.themesFolder.appendingPathComponent("mono.toml").path
        let theme = try Theme.load(toml: try String(contentsOfFile: path, encoding: .utf8), file: path)
        for role in ["list.selected", "statusbar", "input.focused", "tab.active"] {
            #expect(theme.style(role).fg == .terminalDefault && theme.style(role).bg == .terminalDefault)
            #expect(theme.style(role).attributes.contains(.reverse))
        }
    }

    @Test func badThemeNamesFileAndLine() {
        #expect(throws: TOMLError(file: "x.toml", line: 2, message: "cannot read colour for title.fg: use a name, #rrggbb or 0–255")) {
            try Theme.load(toml: "[title]\nfg = \"reddish\"\n", file: "x.toml")
        }
        #expect(throws: TOMLError(file: "x.toml", line: 2, message: "unknown style property 'blink' (fg, bg, bold, underline, reverse, dim, italic)")) {
            try Theme.load(toml: "[title]\nblink = true\n", file: "x.toml")
        }
    }
}
