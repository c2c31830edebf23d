import Foundation
import TerminalCore

/// Everything the command line prints goes through here: data from the database (a customer
/// name with an escape sequence, say) reaches the terminal as visible text, as in the TUI. Line
/// ends (`\n`, and `\r\n` as CSV writes them) are kept; every other control character inside a
/// line is shown, not sent.
func safeForTerminal(_ text: String) -> String {
    var lines: [String] = []
    var current = String.UnicodeScalarView()
    var ends: [String] = []
    let scalars = Array(text.unicodeScalars)
    var i = 0
    while i < scalars.count {
        let s = scalars[i]
        if s == "\n" || (s == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n") {
            lines.append(String(current)); current = String.UnicodeScalarView()
            ends.append(s == "\r" ? "\r\n" : "\n")
            i += s == "\r" ? 2 : 1
            continue
        }
        current.append(s)
        i += 1
    }
    lines.append(String(current))
    var out = ""
    for (k, line) in lines.enumerated() { out += TextSanitizer.clean(line) + (k < ends.count ? ends[k] : "") }
    return out
}

func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    FileHandle.standardOutput.write(Data((safeForTerminal(items.map { "\($0)" }.joined(separator: separator)) + terminator).utf8))
}

/// The same for what goes to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((safeForTerminal(text) + "\n").utf8))
}
