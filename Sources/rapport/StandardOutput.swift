import Documents
import Domain
import Foundation
import TerminalCore

/// `--out -`: a sheet or a document on standard output, for a file the caller's shell creates
/// (`> FILE`). A terminal gets text made safe, as everything else the command line prints; a
/// workbook is refused there (it is binary) and otherwise built in a private temporary folder
/// (0700, removed after) and copied out.
enum StandardOutput {
    static var isTerminal: Bool { isatty(STDOUT_FILENO) != 0 }

    static func write(_ sheet: Sheet, format: String) throws {
        if format == "csv" { text(String(decoding: CSV.data(sheet), as: UTF8.self)); return }
        guard !isTerminal else { throw DocumentsCLIError("a workbook is not for the terminal: redirect --out - to a file (> \(sheet.name).xlsx)") }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        do {
            let file = try XLSXWriter.write(sheet, to: dir + "/\(sheet.name).xlsx", width: TextWidth { DisplayWidth.of($0) })
            guard let data = FileManager.default.contents(atPath: file) else { throw DocumentsCLIError("the workbook could not be read back") }
            FileHandle.standardOutput.write(data)
        } catch let e as DocumentError { throw DocumentsCLIError(e.message) }
    }

    static func text(_ s: String) {
        FileHandle.standardOutput.write(Data((isTerminal ? safeForTerminal(s) : s).utf8))
    }
}
