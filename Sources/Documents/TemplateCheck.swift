import Domain

/// Reads the tags of a Mustache template and checks every name against the kind's fields, so an
/// unknown field is an error with its line instead of a blank on paper. Partials, inheritance and
/// changed delimiters are refused: a print template is one self-contained file.
struct TemplateCheck {
    let fields: [String: TemplateSchema]
    static let maxDepth = 8

    struct Problem: Error, Equatable {
        var line: Int
        var message: String
    }

    /// Problems of `text`, whose first line is line `firstLine` of its file.
    func problems(in text: String, firstLine: Int = 1) -> [Problem] {
        var problems: [Problem] = []
        var scopes: [[String: TemplateSchema]] = [fields]
        var open: [(name: String, line: Int)] = []
        let chars = Array(text.unicodeScalars)
        var i = 0
        var line = firstLine
        func at(_ s: String, _ k: Int) -> Bool {
            let u = Array(s.unicodeScalars)
            guard k + u.count <= chars.count else { return false }
            for j in 0..<u.count where chars[k + j] != u[j] { return false }
            return true
        }
        while i < chars.count {
            if chars[i] == "\n" { line += 1; i += 1; continue }
            guard at("{{", i) else { i += 1; continue }
            let tagLine = line
            var j = i + 2
            let triple = j < chars.count && chars[j] == "{"
            if triple { j += 1 }
            let close = triple ? "}}}" : "}}"
            var k = j
            while k < chars.count && !at(close, k) { if chars[k] == "\n" { line += 1 }; k += 1 }
            guard k < chars.count else { problems.append(Problem(line: tagLine, message: "a tag opened with {{ is never closed")); break }
            var body = String(String.UnicodeScalarView(chars[j..<k])).trimmingSpaces()
            i = k + close.count
            var sigil: Character = " "
            if !triple, let f = body.first, "#^/!&>=%$<".contains(f) { sigil = f; body = String(body.dropFirst()).trimmingSpaces() }
            switch sigil {
            case "!": continue
            case ">": problems.append(Problem(line: tagLine, message: "partials ({{>\(body)}}) are not supported: keep the template in one file")); continue
            case "=": problems.append(Problem(line: tagLine, message: "changing the delimiters ({{=…=}}) is not supported")); continue
            case "$", "<": problems.append(Problem(line: tagLine, message: "template inheritance ({{\(sigil)\(body)}}) is not supported")); continue
            case "%": continue
            default: break
            }
            guard let (name, transforms) = TemplateCheck.split(body) else {
                problems.append(Problem(line: tagLine, message: "'\(body)' is not a field name")); continue
            }
            for t in transforms where PrintValue.columnTransform(t) == nil {
                problems.append(Problem(line: tagLine, message: "unknown column '\(t)' in '\(body)' (use left20, right12 or center40: an alignment and a width)"))
            }
            if sigil == "/" {
                if let last = open.last, last.name == body { open.removeLast(); scopes.removeLast() } else {
                    let expected = open.last.map { "{{/\($0.name)}} for the section opened on line \($0.line)" } ?? "no open section"
                    problems.append(Problem(line: tagLine, message: "{{/\(body)}} closes nothing here (expected \(expected))"))
                }
                continue
            }
            let schema = resolve(name, scopes)
            if schema == nil { problems.append(Problem(line: tagLine, message: "unknown field '\(name)'\(suggestion(name, scopes))")) }
            if sigil == "#" || sigil == "^" {
                // Output is bounded by the template times its lists: a list re-entered inside
                // itself (found again through the enclosing scope) would multiply it.
                if case .list? = schema, sigil == "#", let outer = open.first(where: { $0.name == body }) {
                    problems.append(Problem(line: tagLine, message: "{{#\(body)}} inside {{#\(body)}} (line \(outer.line)) repeats the whole list for every item: not allowed"))
                }
                if open.count >= TemplateCheck.maxDepth {
                    problems.append(Problem(line: tagLine, message: "sections nest more than \(TemplateCheck.maxDepth) deep"))
                }
                open.append((body, tagLine))
                switch schema {
                case .list(let f)?, .object(let f)?: scopes.append(sigil == "#" ? f : [:])
                default: scopes.append([:])
                }
            } else if case .list? = schema {
                problems.append(Problem(line: tagLine, message: "'\(name)' is a list: use {{#\(name)}}…{{/\(name)}}"))
            }
        }
        for o in open { problems.append(Problem(line: o.line, message: "section {{#\(o.name)}} is never closed")) }
        return problems
    }

    /// `right12(amount)` → ("amount", ["right12"]); nil when the brackets do not match.
    static func split(_ body: String) -> (String, [String])? {
        var rest = Substring(body)
        var transforms: [String] = []
        while let open = rest.firstIndex(of: "(") {
            guard rest.hasSuffix(")") else { return nil }
            transforms.append(String(rest[..<open]).trimmingSpaces())
            rest = rest[rest.index(after: open)..<rest.index(before: rest.endIndex)]
        }
        let name = String(rest).trimmingSpaces()
        guard !name.isEmpty, !name.contains(")"), !name.contains(" ") else { return nil }
        return (name, transforms)
    }

    func resolve(_ name: String, _ scopes: [[String: TemplateSchema]]) -> TemplateSchema? {
        if name == "." { return .value }
        let local = name.hasPrefix(".")
        let parts = name.split(separator: ".").map(String.init)
        guard let first = parts.first else { return nil }
        let searched = local ? Array(scopes.suffix(1)) : scopes.reversed()
        guard var node = searched.lazy.compactMap({ $0[first] }).first else { return nil }
        for p in parts.dropFirst() {
            guard case .object(let f) = node, let next = f[p] else { return nil }
            node = next
        }
        return node
    }

    private func suggestion(_ name: String, _ scopes: [[String: TemplateSchema]]) -> String {
        let known = Set(scopes.flatMap { $0.keys }).sorted()
        let close = known.filter { $0.hasPrefix(String(name.prefix(3))) || name.hasPrefix($0) }
        return close.isEmpty ? "" : " (did you mean \(close.prefix(3).joined(separator: ", "))?)"
    }
}
