import Domain
import Foundation

/// Where templates come from: the user's folder (`$XDG_CONFIG_HOME/rapport/templates/NAME.mustache`)
/// overrides the bundled default of the same name. Names are `KIND.FORMAT`: `quote.txt`,
/// `order.html`, `shipment.txt`, `purchase-order.txt`, `alignment.txt`.
public struct TemplateLibrary: Sendable {
    public let directory: String
    public let width: TextWidth

    public init(directory: String, width: TextWidth) { self.directory = directory; self.width = width }

    public struct Entry: Sendable, Equatable {
        public var name: String
        /// The user's file, or nil for the bundled default.
        public var overridePath: String?
    }

    public static var bundledNames: [String] { BundledTemplates.all.keys.sorted() }

    /// Every template name, bundled or the user's own (a user may add e.g. `quote-a5.txt`).
    public func list() -> [Entry] {
        var names = Set(BundledTemplates.all.keys)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for f in files where f.hasSuffix(".mustache") { names.insert(String(f.dropLast(".mustache".count))) }
        return names.sorted().map { Entry(name: $0, overridePath: userPath($0)) }
    }

    func userPath(_ name: String) -> String? {
        let path = directory + "/\(name).mustache"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// Writes the bundled template to the user's folder to be edited; never overwrites.
    public func copy(_ name: String) throws(DocumentError) -> String {
        guard let text = BundledTemplates.all[name] else {
            throw DocumentError("no bundled template '\(name)' (one of: \(TemplateLibrary.bundledNames.joined(separator: ", ")))")
        }
        let path = directory + "/\(name).mustache"
        guard !FileManager.default.fileExists(atPath: path) else { throw DocumentError("\(path) exists already: edit it, or move it away to copy the default again") }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        } catch { throw DocumentError("cannot write \(path): \(error.localizedDescription)") }
        return path
    }

    /// The kind a template name serves (`quote-a5.txt` → quote), nil for the alignment page.
    public static func kind(of name: String) throws(DocumentError) -> PrintableDocument.Kind? {
        let base = String(name.split(separator: ".").first ?? "")
        if base == "alignment" { return nil }
        for k in PrintableDocument.Kind.allCases.sorted(by: { $0.rawValue.count > $1.rawValue.count }) where base == k.rawValue || base.hasPrefix(k.rawValue + "-") {
            return k
        }
        throw DocumentError("template '\(name)' does not say what it prints: start its name with quote, order, shipment, purchase-order or alignment")
    }

    /// Loads and checks a template by name, or by path when `name` names a file.
    public func template(_ name: String) throws(DocumentError) -> PrintTemplate {
        let (file, text): (String, String)
        let resolvedName: String
        if name.contains("/") {
            file = name
            resolvedName = URL(fileURLWithPath: name).lastPathComponent.replacingOccurrences(of: ".mustache", with: "")
            guard let t = try? String(contentsOfFile: name, encoding: .utf8) else { throw DocumentError("\(name): cannot read the template (missing, or not UTF-8)") }
            text = t
        } else if let path = userPath(name) {
            file = path; resolvedName = name
            guard let t = try? String(contentsOfFile: path, encoding: .utf8) else { throw DocumentError("\(path): cannot read the template (not UTF-8?)") }
            text = t
        } else if let t = BundledTemplates.all[name] {
            file = "(bundled) \(name)"; resolvedName = name; text = t
        } else {
            throw DocumentError("no template '\(name)' (rapport templates list shows them)")
        }
        guard text.utf8.count <= TemplateLibrary.maxTemplate else {
            throw DocumentError("\(file): the template is \(text.utf8.count / 1024) KB, over the \(TemplateLibrary.maxTemplate / 1024) KB a template may be")
        }
        let format: PrintTemplate.Format = resolvedName.hasSuffix(".html") ? .html : .text
        guard resolvedName.hasSuffix(".html") || resolvedName.hasSuffix(".txt") else {
            throw DocumentError("template '\(resolvedName)' must end in .txt or .html")
        }
        let schema = try TemplateLibrary.kind(of: resolvedName).map(TemplateSchema.document) ?? TemplateSchema.alignment
        do { return try PrintTemplate(name: resolvedName, file: file, format: format, text: text, schema: schema) } catch {
            throw DocumentError(error.description)
        }
    }

    /// A printed document's largest size (about 1,000 pages of 80 columns); beyond it a template is wrong.
    public static let maxOutput = 4 * 1_048_576
    /// A template file's largest size.
    public static let maxTemplate = 256 * 1024

    /// Every template checked: one line per problem (`file:line: message`).
    public func check() -> [String] {
        list().flatMap { entry -> [String] in
            do throws(DocumentError) { _ = try template(entry.name); return [] } catch { return error.message.split(separator: "\n").map(String.init) }
        }
    }

    /// A document through a template: the finished text (or HTML) and how many copies to print.
    public func render(_ document: PrintableDocument, template name: String? = nil, printedOn: DateOnly) throws(DocumentError) -> RenderedDocument {
        let name = name ?? "\(document.kind.rawValue).txt"
        let template = try template(name)
        guard try TemplateLibrary.kind(of: template.name) == document.kind else {
            throw DocumentError("template '\(template.name)' is not for a \(document.kind.rawValue)")
        }
        let text = template.render(PrintContext.document(document, printedOn: printedOn, width: width), width: width)
        guard text.utf8.count <= TemplateLibrary.maxOutput else {
            throw DocumentError("\(template.file): the document would be \(text.utf8.count / 1_048_576) MB, over the \(TemplateLibrary.maxOutput / 1_048_576) MB a printed document may be: nothing was printed")
        }
        return RenderedDocument(text: text, format: template.format, copies: template.settings.copies,
                                suggestedFile: "\(document.number).\(template.format.rawValue)")
    }

    /// The alignment test page through `alignment.txt` (or the user's copy of it).
    public func alignmentPage(company: PrintableDocument.Party, printedOn: DateOnly) throws(DocumentError) -> RenderedDocument {
        let template = try template("alignment.txt")
        let s = template.settings
        let header = template.header.map { PrintTemplate.lineCount($0.text) } ?? 0
        let c = PrintContext.alignment(width: s.width > 0 ? s.width - 2 : 78, pageLength: max(1, (s.pageLength > 0 ? s.pageLength : 33) - header),
                                       company: company, printedOn: printedOn, width: width)
        return RenderedDocument(text: template.render(c, width: width), format: .text, copies: 1, suggestedFile: "alignment.txt")
    }
}

public struct RenderedDocument: Sendable, Equatable {
    public var text: String
    public var format: PrintTemplate.Format
    public var copies: Int
    public var suggestedFile: String

    public init(text: String, format: PrintTemplate.Format, copies: Int, suggestedFile: String) {
        self.text = text; self.format = format; self.copies = copies; self.suggestedFile = suggestedFile
    }
}

public struct DocumentError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
