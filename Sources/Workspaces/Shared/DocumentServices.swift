import Documents
import Domain
import Foundation
import Store

/// What `p` and `x` need besides the database: the template library, the printer settings and
/// where exports go. The program builds it (it owns the display-width table and config.toml).
public struct DocumentServices: Sendable {
    public var library: TemplateLibrary
    public var printer: PrinterSettings
    public var exportDirectory: String

    public init(library: TemplateLibrary, printer: PrinterSettings, exportDirectory: String) {
        self.library = library; self.printer = printer; self.exportDirectory = exportDirectory
    }

    /// A free file name in the export folder: `customers-2026-11-22.xlsx`, then `-2`, `-3` ….
    func exportPath(_ base: String, today: DateOnly, format: ExportFormat) -> String {
        let stem = exportDirectory + "/" + base.filter { $0.isLetter || $0.isNumber || $0 == "-" } + "-" + today.iso
        var path = stem + "." + format.rawValue
        var n = 2
        while FileManager.default.fileExists(atPath: path) { path = "\(stem)-\(n).\(format.rawValue)"; n += 1 }
        return path
    }
}

public enum ExportFormat: String, Sendable, Equatable { case xlsx, csv }

/// A document rendered for the preview pane: what `Enter` prints (or saves).
public struct PrintPreview: Sendable, Equatable {
    public var number: String
    public var document: RenderedDocument
    public var lines: [String]
    public var scroll = 0
    /// The printer `Enter` sends to; nil: it saves the file.
    public var printer: String?

    public init(number: String, document: RenderedDocument, printer: String?) {
        self.number = number; self.document = document; self.printer = printer
        // Form feeds end pages on paper; in the pane a rule shows where.
        lines = document.text.replacingOccurrences(of: "\u{0C}", with: "\n\u{0C}\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}

/// What `x` exports: a list as the user has it (its sort and filters, or a search), or the
/// table of a card's tab.
/// Titles (and values like `status.active`) are catalog keys until the screen translates them.
public enum ExportRequest: Sendable, Equatable {
    case list(ListQuery, search: String?, labels: [String: String] = [:])
    /// A card's table, every row of it (not only the pages on screen), typed by its columns.
    case cardTable(RecordRef, section: String, columns: [ColumnSpec], name: String, labels: [String: String] = [:])
    /// One document, header and lines (`x` on a purchase order's or a quote's card).
    case document(RecordRef, labels: [String: String] = [:])
}

extension EffectRunner {
    /// A failure as the user reads it: the Store's in the user's language; a template's or a
    /// printer's own words (a file and line, lp's message).
    static func message(_ error: any Error) -> UserMessage {
        switch error {
        case let e as StoreError: e.userMessage
        case let e as DocumentError: UserMessage("error.as-is", e.message)
        default: UserMessage("error.refused", "\(error)")
        }
    }

    func preparePrint(_ ref: RecordRef, session: Session) -> [AppModel.Action] {
        guard let documents else { return [.notice("print.unavailable", argument: "", isError: true)] }
        do {
            guard let (kind, number) = try database.documentNumber(ref) else { return [.notice("print.nothing", argument: "", isError: true)] }
            let doc = try database.printableDocument(kind, number: number, for: session.actor)
            let rendered = try documents.library.render(doc, printedOn: session.today)
            return [.printReady(PrintPreview(number: number, document: rendered, printer: documents.printer.printer))]
        } catch {
            return [.refused(EffectRunner.message(error))]
        }
    }

    /// Marked documents as one job: each rendered by its template, a form feed between them so
    /// each starts on its own page (multi-part forms), one file or one printer job.
    func preparePrint(_ refs: [RecordRef], session: Session) -> [AppModel.Action] {
        guard let documents else { return [.notice("print.unavailable", argument: "", isError: true)] }
        do {
            var parts: [RenderedDocument] = [], numbers: [String] = [], voided: [String] = []
            for ref in refs {
                guard let (kind, number) = try database.documentNumber(ref) else { continue }
                // A note voided since it was marked is left out of the batch, and named.
                let document: PrintableDocument
                do { document = try database.printableDocument(kind, number: number, for: session.actor) } catch {
                    if case .invalid(let e) = error, e.code == "error.print-void" { voided.append(number); continue }
                    throw error
                }
                parts.append(try documents.library.render(document, printedOn: session.today))
                numbers.append(number)
            }
            let skipped: [AppModel.Action] = voided.isEmpty ? [] : [.notice("print.void-skipped", argument: voided.joined(separator: ", "), isError: true)]
            guard let first = parts.first, let firstNumber = numbers.first, let lastNumber = numbers.last else {
                return skipped.isEmpty ? [.notice("print.nothing", argument: "", isError: true)] : skipped
            }
            let text = parts.map { $0.text.hasSuffix("\n") ? $0.text : $0.text + "\n" }.joined(separator: "\u{0C}")
            let name = parts.count == 1 ? first.suggestedFile : "\(firstNumber)-\(lastNumber)." + (first.suggestedFile.split(separator: ".").last.map(String.init) ?? "txt")
            let batch = RenderedDocument(text: text, format: first.format, copies: first.copies, suggestedFile: name)
            return [.printReady(PrintPreview(number: parts.count == 1 ? firstNumber : "\(firstNumber) … \(lastNumber) (\(parts.count))", document: batch, printer: documents.printer.printer))]
                + skipped
        } catch {
            return [.refused(EffectRunner.message(error))]
        }
    }

    func print(_ preview: PrintPreview, toFile: Bool) -> [AppModel.Action] {
        guard let documents else { return [.notice("print.unavailable", argument: "", isError: true)] }
        do {
            let out = toFile ? documents.printer.directory + "/" + preview.document.suggestedFile : nil
            switch try PrintJob.deliver(preview.document, settings: documents.printer, out: out, title: preview.number) {
            case .printed(let printer, let copies, _):
                return [.notice("print.printed", argument: "\(preview.number) → \(printer) ×\(copies)", isError: false)]
            case .saved(let path, nil):
                return [.notice("print.saved", argument: path, isError: false)]
            case .saved(let path, let reason?):
                return [.toast("\(reason) — \(path)", isError: true)]
            }
        } catch {
            return [.refused(UserMessage("error.as-is", error.message))]
        }
    }

    func export(_ request: ExportRequest, format: ExportFormat, session: Session) -> [AppModel.Action] {
        guard let documents else { return [.notice("print.unavailable", argument: "", isError: true)] }
        do {
            let name: String
            var sheet: Sheet
            switch request {
            case .list(let query, let search, let labels):
                name = query.kind.rawValue
                sheet = try database.listSheet(query, text: search, for: session.actor, today: session.today)
                sheet.localize(labels)
            case .document(let ref, let labels):
                guard let (kind, number) = try database.documentNumber(ref) else { throw StoreError.notFound("\(ref.kind.rawValue) \(ref.id)") }
                sheet = Sheet.document(try database.printableDocument(kind, number: number, for: session.actor))
                name = number
                sheet.localize(labels)
            case .cardTable(let ref, let section, let columns, let n, let labels):
                name = n
                let all = try database.cardPage(ref, section: section, offset: 0, limit: nil, for: session.actor, today: session.today)
                sheet = Sheet(name: section, columns: columns, rows: all.rows)
                sheet.localize(labels)
            }
            let path = documents.exportPath(name, today: session.today, format: format)
            let written = format == .csv ? try CSV.write(sheet, to: path) : try XLSXWriter.write(sheet, to: path, width: documents.library.width)
            let file = URL(fileURLWithPath: written)
            return [.notice("export.done", argument: "\(sheet.rows.count) → \(file.lastPathComponent) (\(file.deletingLastPathComponent().path))", isError: false)]
        } catch {
            return [.refused(EffectRunner.message(error))]
        }
    }
}
