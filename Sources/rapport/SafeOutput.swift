import Foundation
import TerminalCore

/// Everything the command line prints goes through here: data from the database (a customer
/// name with an escape sequence, say) reaches the terminal as visible text, as in the TUI. Line
/// breaks between lines are kept; control characters inside a line are shown, not sent.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    let text = items.map { "\($0)" }.joined(separator: separator)
    let safe = text.split(separator: "\n", omittingEmptySubsequences: false).map { TextSanitizer.clean(String($0)) }.joined(separator: "\n")
    FileHandle.standardOutput.write(Data((safe + terminator).utf8))
}

/// The same for what goes to standard error.
func printError(_ text: String) {
    let safe = text.split(separator: "\n", omittingEmptySubsequences: false).map { TextSanitizer.clean(String($0)) }.joined(separator: "\n")
    FileHandle.standardError.write(Data((safe + "\n").utf8))
}
