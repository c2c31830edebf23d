import Domain
import Mustache

/// A print template: Mustache, as plain text for fixed-pitch (dot-matrix) printers or as HTML.
///
/// A text template may start with settings and split itself into parts:
/// ```
/// page_length = 33      # lines per sheet of the form (0: one long page)
/// width = 80            # columns: longer lines are cut, never wrapped onto the next form line
/// copies = 3            # sent to lp -n
/// form_feed = false     # true: end pages with a form feed; false: pad with blank lines
/// --- header            # repeated on every page ({{page}} of {{pages}})
/// --- body              # the document; split over as many pages as it needs
/// --- footer            # at the bottom of every page
/// ```
/// Without `---` lines the whole file is the body. HTML templates are one Mustache file.
public struct PrintTemplate: Sendable {
    public enum Format: String, Sendable { case text = "txt", html }

    public struct Settings: Sendable, Equatable {
        public var pageLength = 0
        public var width = 0
        public var copies = 1
        public var formFeed = false
    }

    public let name: String
    public let file: String
    public let format: Format
    public let settings: Settings
    let header: Part?
    let body: Part
    let footer: Part?

    struct Part: Sendable {
        let template: MustacheTemplate
        let text: String
        let firstLine: Int
    }

    /// Parses and checks a template against the fields `schema` allows; every problem is a
    /// `TemplateError` naming the file and line.
    init(name: String, file: String, format: Format, text: String, schema: [String: TemplateSchema]) throws(TemplateErrors) {
        self.name = name; self.file = file; self.format = format
        var errors: [TemplateError] = []
        var settings = Settings()
        let parts = PrintTemplate.parts(of: text, file: file, format: format, settings: &settings, errors: &errors)
        let check = TemplateCheck(fields: schema)
        var compiled: [String: Part] = [:]
        for (key, part) in parts {
            for p in check.problems(in: part.text, firstLine: part.firstLine) {
                errors.append(TemplateError(file: file, line: p.line, message: p.message))
            }
            // The pragma stands on a line of its own (a standalone tag leaves no trace in the
            // output); the parser's line numbers are one more than the file's.
            let pragma = format == .text ? "{{% CONTENT_TYPE: TEXT}}\n" : "{{% CONTENT_TYPE: HTML}}\n"
            do {
                compiled[key] = Part(template: try MustacheTemplate(string: pragma + part.text), text: part.text, firstLine: part.firstLine)
            } catch let e as MustacheTemplate.ParserError {
                errors.append(TemplateError(file: file, line: part.firstLine + e.context.lineNumber - 2, message: "Mustache: \(e.error)"))
            } catch {
                errors.append(TemplateError(file: file, line: part.firstLine, message: "Mustache: \(error)"))
            }
        }
        if settings.pageLength > 0, format == .text {
            let fixed = [parts["header"], parts["footer"]].compactMap { $0 }.map { PrintTemplate.lineCount($0.text) }.reduce(0, +)
            if fixed >= settings.pageLength {
                errors.append(TemplateError(file: file, line: 1, message: "header and footer take \(fixed) lines: no room for the document on a page of \(settings.pageLength)"))
            }
        }
        guard errors.isEmpty, let body = compiled["body"] else { throw TemplateErrors(errors: errors.sorted { $0.line < $1.line }) }
        self.settings = settings
        self.header = compiled["header"]; self.body = body; self.footer = compiled["footer"]
    }

    /// A text template's `--- header`, `--- body` and `--- footer` parts (with the line each starts
    /// on) and the settings above them; any other template is all body.
    static func parts(of text: String, file: String, format: Format, settings: inout Settings, errors: inout [TemplateError]) -> [String: (text: String, firstLine: Int)] {
        var parts: [String: (text: String, firstLine: Int)] = [:]
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if format == .text && lines.contains(where: { $0.hasPrefix("--- ") }) {
            var current: String?
            var buffer: [Substring] = []
            var start = 1
            func flush() { if let c = current { parts[c] = (buffer.joined(separator: "\n"), start) } }
            for (index, raw) in lines.enumerated() {
                let lineNo = index + 1
                if raw.hasPrefix("--- ") {
                    flush()
                    let part = raw.dropFirst(4).split(separator: "#").first.map { String($0).trimmingSpaces() } ?? ""
                    guard ["header", "body", "footer"].contains(part) else {
                        errors.append(TemplateError(file: file, line: lineNo, message: "unknown part '--- \(part)' (header, body or footer)"))
                        current = nil; buffer = []; continue
                    }
                    if parts[part] != nil { errors.append(TemplateError(file: file, line: lineNo, message: "part '\(part)' appears twice")) }
                    current = part; buffer = []; start = lineNo + 1
                } else if current != nil {
                    buffer.append(raw)
                } else {
                    do { try PrintTemplate.setting(String(raw), into: &settings) } catch {
                        errors.append(TemplateError(file: file, line: lineNo, message: error.message))
                    }
                }
            }
            flush()
            if parts["body"] == nil { errors.append(TemplateError(file: file, line: lines.count, message: "no '--- body' part")) }
        } else {
            parts["body"] = (text, 1)
        }
        return parts
    }

    static func setting(_ raw: String, into s: inout Settings) throws(TemplateError) {
        let line = String(raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "").trimmingSpaces()
        if line.isEmpty || line.hasPrefix("{{!") { return }
        let kv = line.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces() }
        guard kv.count == 2 else { throw TemplateError(file: "", line: 0, message: "expected 'setting = value' before the first --- part, got '\(line)'") }
        func number(_ range: ClosedRange<Int>) throws(TemplateError) -> Int {
            guard let n = Int(kv[1]), range.contains(n) else {
                throw TemplateError(file: "", line: 0, message: "\(kv[0]) must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(kv[1])'")
            }
            return n
        }
        switch kv[0] {
        case "page_length": s.pageLength = try number(0...500)
        case "width": s.width = try number(0...400)
        case "copies": s.copies = try number(1...99)
        case "form_feed":
            guard kv[1] == "true" || kv[1] == "false" else { throw TemplateError(file: "", line: 0, message: "form_feed must be true or false, not '\(kv[1])'") }
            s.formFeed = kv[1] == "true"
        default: throw TemplateError(file: "", line: 0, message: "unknown setting '\(kv[0])' (page_length, width, copies, form_feed)")
        }
    }

    static func lineCount(_ text: String) -> Int {
        guard !text.isEmpty else { return 0 }
        return text.split(separator: "\n", omittingEmptySubsequences: false).count
    }

    /// The finished document: pages of exactly `page_length` lines (a form feed between pages
    /// when asked), header and footer on each, lines cut to `width`.
    func render(_ context: [String: Any], width: TextWidth) -> String {
        guard format == .text else { return body.template.render(context) }
        var bodyLines = lines(body.template.render(context), width: width)
        while bodyLines.last?.isEmpty == true { bodyLines.removeLast() }
        func rendered(_ part: Part?, page: Int, pages: Int) -> [String] {
            guard let part else { return [] }
            var c = context
            c["page"] = PrintValue(text: String(page), width: width)
            c["pages"] = PrintValue(text: String(pages), width: width)
            return lines(part.template.render(c), width: width)
        }
        guard settings.pageLength > 0 else {
            return (rendered(header, page: 1, pages: 1) + bodyLines + rendered(footer, page: 1, pages: 1)).joined(separator: "\n") + "\n"
        }
        let fixed = rendered(header, page: 1, pages: 1).count + rendered(footer, page: 1, pages: 1).count
        let room = max(1, settings.pageLength - fixed)
        let pages = max(1, (bodyLines.count + room - 1) / room)
        var out: [String] = []
        for page in 1...pages {
            var sheet = rendered(header, page: page, pages: pages)
            sheet += bodyLines.dropFirst((page - 1) * room).prefix(room)
            let foot = rendered(footer, page: page, pages: pages)
            if !settings.formFeed || page == pages {
                while sheet.count + foot.count < settings.pageLength { sheet.append("") }
            }
            sheet += foot
            out.append(sheet.joined(separator: "\n") + "\n")
        }
        return out.joined(separator: settings.formFeed ? "\u{0C}" : "")
    }

    /// Lines of rendered text, trailing spaces dropped and each cut to the page width.
    private func lines(_ text: String, width: TextWidth) -> [String] {
        var result = text.split(separator: "\n", omittingEmptySubsequences: false).map { raw -> String in
            var line = String(raw)
            if line.hasSuffix("\r") { line.removeLast() }
            if settings.width > 0, width.width(line) > settings.width { line = width.fit(line, settings.width) }
            while line.last == " " { line.removeLast() }
            return line
        }
        if result.last == "" && text.hasSuffix("\n") { result.removeLast() }
        return result
    }
}

public struct TemplateError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String
    public var description: String { "\(file):\(line): \(message)" }
}

public struct TemplateErrors: Error, Equatable, Sendable, CustomStringConvertible {
    public var errors: [TemplateError]
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
