import Foundation

/// Where printed documents go: a CUPS queue through `lp` (raw for dot-matrix queues, so the
/// printer gets the characters as they are, in its own encoding), or a file.
public struct PrinterSettings: Sendable, Equatable {
    /// The CUPS queue (`lp -d`); nil: documents are saved to files.
    public var printer: String?
    /// `lp -o raw`: no CUPS filter between the text and the printer (dot-matrix forms).
    public var raw: Bool
    /// What the printer understands: `utf-8`, or `gb18030` for Chinese dot-matrix printers.
    public var encoding: String
    /// Where documents are saved when not printed.
    public var directory: String
    /// The program that queues a job (CUPS `lp`; tests put a recording stand-in here).
    public var command = "lp"

    public init(printer: String? = nil, raw: Bool = true, encoding: String = "utf-8", directory: String) {
        self.printer = printer; self.raw = raw; self.encoding = encoding; self.directory = directory
    }
}

public enum PrintOutcome: Sendable, Equatable {
    case printed(printer: String, copies: Int, message: String)
    /// Saved to `path`; `reason` says why it was not printed (lp's own message), nil when no
    /// printer was asked for.
    case saved(path: String, reason: String?)
}

public enum PrintJob {
    /// Prints or saves `document`. `out` forces a file. A failing `lp` never loses the document:
    /// it is saved and the outcome carries lp's message.
    public static func deliver(_ document: RenderedDocument, settings: PrinterSettings, out: String? = nil, title: String) throws(DocumentError) -> PrintOutcome {
        if let out { return .saved(path: try save(document, to: out), reason: nil) }
        let fallback = settings.directory + "/" + document.suggestedFile
        guard let printer = settings.printer, !printer.isEmpty else { return .saved(path: try save(document, to: fallback), reason: nil) }
        let bytes: [UInt8]
        do throws(DocumentError) { bytes = try TextEncoding.encode(document.text, as: settings.encoding) } catch {
            return .saved(path: try save(document, to: fallback), reason: error.message)
        }
        var arguments = [settings.command, "-d", printer, "-n", String(document.copies), "-t", title]
        if settings.raw && document.format == .text { arguments += ["-o", "raw"] }
        switch run(arguments, input: bytes) {
        case .success(let message): return .printed(printer: printer, copies: document.copies, message: message)
        case .failure(let error): return .saved(path: try save(document, to: fallback), reason: error.message)
        }
    }

    /// Writes the document (UTF-8, mode 0600: documents carry customer data), creating folders.
    public static func save(_ document: RenderedDocument, to path: String) throws(DocumentError) -> String {
        try FileOutput.write(Data(document.text.utf8), to: path)
    }

    /// Runs a command with `input` on its standard input; its output, or its error message.
    static func run(_ arguments: [String], input: [UInt8]) -> Result<String, DocumentError> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin; process.standardOutput = stdout; process.standardError = stderr
        do { try process.run() } catch { return .failure(DocumentError("\(arguments[0]): \(error.localizedDescription)")) }
        stdin.fileHandleForWriting.write(Data(input))
        try? stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = { (d: Data) in String(decoding: d, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
        guard process.terminationStatus == 0 else {
            let message = text(err).isEmpty ? "\(arguments[0]) exited with status \(process.terminationStatus)" : text(err)
            return .failure(DocumentError(message))
        }
        return .success(text(out))
    }
}
