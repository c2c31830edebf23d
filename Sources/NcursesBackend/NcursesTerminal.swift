import CNcursesw
import Foundation
import TerminalCore

/// The only user of ncurses: start-up and restore, keys from `get_wch`, and presenting a
/// `CellBuffer` by writing only the cells that changed since the last frame.
@MainActor
public final class NcursesTerminal: TerminalDevice {
    public enum StartError: Error, CustomStringConvertible {
        case noTerminal(String)
        case notUTF8(String)
        public var description: String {
            switch self {
            case .noTerminal(let s), .notUTF8(let s): return s
            }
        }
    }

    private var screen: OpaquePointer?
    private var window: UnsafeMutablePointer<WINDOW>?
    private var previous: CellBuffer?
    private var pairs: [PairKey: Int16] = [:]
    private var nextPair: Int16 = 1
    private var active = false
    public let colorDepth: ColorDepth
    public let glyphs: Glyphs
    /// Set when the locale was not UTF-8 and C.UTF-8 was used instead, for the app to say so.
    public private(set) var localeNote: String?

    struct PairKey: Hashable { var fg: Color; var bg: Color }

    /// Checks TERM and the locale, then enters full-screen mode. Throws (with the terminal left
    /// untouched) when the terminal cannot be driven.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let term = environment["TERM"] ?? ""
        if term.isEmpty || term == "dumb" {
            throw StartError.noTerminal("Rapport needs a full-screen terminal, but TERM is \(term.isEmpty ? "not set" : "'dumb'"). Run it in a terminal emulator, tmux or over ssh -t, e.g. TERM=xterm-256color.")
        }
        // Without a terminal there is nothing to draw on and no keys to read (ncurses would wait
        // for keys that never come): say so and stop.
        guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else {
            throw StartError.noTerminal("the TUI needs a terminal (standard input and output); run it in a terminal or over `ssh -t`. The other commands (check, report, export …) work without one.")
        }
        setlocale(LC_ALL, "")
        var codeset = String(cString: rapport_codeset())
        if codeset != "UTF-8" {
            // A non-UTF-8 locale cannot show Chinese text; try the C.UTF-8 locale every glibc has.
            let found = codeset
            if setlocale(LC_CTYPE, "C.UTF-8") != nil { codeset = String(cString: rapport_codeset()) }
            guard codeset == "UTF-8" else {
                throw StartError.notUTF8("Rapport needs a UTF-8 locale (found \(found)). Set LANG=C.UTF-8 or en_US.UTF-8 or zh_CN.UTF-8.")
            }
            localeNote = "Locale is \(found), not UTF-8: using C.UTF-8"
        }
        guard let s = rapport_newterm() else {
            throw StartError.noTerminal("The terminal type '\(term)' is unknown to this system's terminfo. Try TERM=xterm-256color.")
        }
        screen = s
        set_term(s)
        window = rapport_stdscr()
        active = true
        raw()
        noecho()
        nonl()
        keypad(window, true)
        wtimeout(window, 0)
        rapport_set_escdelay(25)
        // Terminals (and tmux) send Home/End/PgUp/PgDn in more ways than their terminfo entry
        // lists; teach ncurses the common ones so Esc-[-4-~ never arrives as Esc + "[4~".
        let extraKeys: [(String, Int32)] = [
            ("\u{1B}[1~", KEY_HOME), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[H", KEY_HOME), ("\u{1B}OH", KEY_HOME),
            ("\u{1B}[4~", KEY_END), ("\u{1B}[8~", KEY_END), ("\u{1B}[F", KEY_END), ("\u{1B}OF", KEY_END),
            ("\u{1B}[5~", KEY_PPAGE), ("\u{1B}[6~", KEY_NPAGE), ("\u{1B}[3~", KEY_DC), ("\u{1B}[Z", KEY_BTAB),
        ]
        for (sequence, code) in extraKeys { _ = define_key(sequence, code) }
        curs_set(0)
        var depth = ColorDepth.mono
        if has_colors() {
            start_color()
            use_default_colors()
            depth = ColorDepth.detect(colors: Int(rapport_colors()), environment: environment)
        }
        if let v = environment["NO_COLOR"], !v.isEmpty { depth = .mono }
        // ncurses pairs here carry palette indices; direct RGB needs an -direct terminfo, so
        // truecolor themes are shown through the 256-colour palette.
        colorDepth = min(depth, .c256)
        glyphs = Glyphs.forTerminal(term)
    }

    /// Leaves full-screen mode and restores the terminal; safe to call twice.
    public func shutdown() {
        guard active else { return }
        active = false
        curs_set(1)
        endwin()
        if let screen { delscreen(screen) }
        screen = nil
        rapport_flush_stdout()
    }

    public var size: (width: Int, height: Int) { (Int(rapport_cols()), Int(rapport_lines())) }

    public func invalidate() {
        previous = nil
        if let window { clearok(window, true) }
    }

    public func waitForInput(milliseconds: Int) {
        var fd = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        _ = poll(&fd, 1, Int32(milliseconds))  // a signal (resize, TERM) ends the wait early
    }

    public func readKey() -> KeyEvent? {
        guard let window else { return nil }
        var ch: wint_t = 0
        let r = wget_wch(window, &ch)
        if r == rapport_err() { return nil }
        if r == rapport_key_code_yes() { return NcursesTerminal.key(code: Int32(ch)) }
        return NcursesTerminal.key(char: UInt32(ch))
    }

    static func key(code: Int32) -> KeyEvent? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_RESIZE: return .resize
        case KEY_F0 + 1...KEY_F0 + 24: return .function(Int(code - KEY_F0))
        default: return nil
        }
    }

    static func key(char v: UInt32) -> KeyEvent? {
        switch v {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(v + 96))))
        default:
            guard let s = Unicode.Scalar(v) else { return nil }
            return .char(Character(s))
        }
    }

    public func present(_ buffer: CellBuffer) {
        guard let window else { return }
        if previous?.width != buffer.width || previous?.height != buffer.height {
            previous = nil
            werase(window)
        }
        for (x, y) in buffer.cellsToDraw(since: previous) {
            draw(buffer[x, y], x: x, y: y, window: window, lastColumn: x == buffer.width - 1 && y == buffer.height - 1)
        }
        if let c = buffer.cursor {
            wmove(window, Int32(c.y), Int32(c.x))
            curs_set(1)
        } else {
            curs_set(0)
        }
        wnoutrefresh(window)
        doupdate()
        previous = buffer
    }

    private func draw(_ cell: Cell, x: Int, y: Int, window: UnsafeMutablePointer<WINDOW>, lastColumn: Bool) {
        var chars: [wchar_t] = cell.text.unicodeScalars.prefix(4).map { wchar_t(bitPattern: $0.value) }
        if chars.isEmpty { chars = [32] }
        chars.append(0)
        var attrs: attr_t = 0
        let a = cell.style.attributes
        if a.contains(.bold) { attrs |= rapport_a_bold() }
        if a.contains(.underline) { attrs |= rapport_a_underline() }
        if a.contains(.reverse) { attrs |= rapport_a_reverse() }
        if a.contains(.dim) { attrs |= rapport_a_dim() }
        if a.contains(.italic) { attrs |= rapport_a_italic() }
        let pair = colorDepth == .mono ? 0 : pairNumber(fg: cell.style.fg, bg: cell.style.bg)
        var cc = cchar_t()
        setcchar(&cc, chars, attrs, pair, nil)
        // Writing the bottom-right cell scrolls some terminals; insert it instead.
        if lastColumn { mvwins_wch(window, Int32(y), Int32(x), &cc) } else { mvwadd_wch(window, Int32(y), Int32(x), &cc) }
    }

    private func pairNumber(fg: Color, bg: Color) -> Int16 {
        if fg == .terminalDefault && bg == .terminalDefault { return 0 }
        let key = PairKey(fg: fg, bg: bg)
        if let p = pairs[key] { return p }
        guard Int32(nextPair) < rapport_color_pairs(), nextPair < Int16.max else { return 0 }
        let p = nextPair
        nextPair += 1
        init_pair(p, NcursesTerminal.index(fg), NcursesTerminal.index(bg))
        pairs[key] = p
        return p
    }

    static func index(_ c: Color) -> Int16 {
        switch c {
        case .terminalDefault: return -1
        case .ansi(let n): return Int16(n)
        case .palette(let n): return Int16(n)
        case .rgb(let r, let g, let b): return Int16(Color.rgb(r, g, b).downgraded(to: .c256).paletteIndex)
        }
    }
}

extension Color {
    var paletteIndex: UInt8 {
        switch self {
        case .ansi(let n), .palette(let n): return n
        default: return 0
        }
    }
}
