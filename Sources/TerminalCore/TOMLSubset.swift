/// A reader for the part of TOML that Rapport's themes, keymaps and config use: comments,
/// `[table]` and `[dotted.table]` headers, `key = value` with bare, quoted or dotted keys, basic
/// and literal strings, integers, booleans and single-line arrays of those. Anything else is an
/// error naming the line, so a user never gets a silently half-read file.
///
/// Written here because TOMLKit, the usual choice, needs a package that is not available to
/// this project's builds; this subset is all the files need.
public enum TOMLValue: Equatable, Sendable {
    case string(String)
    case integer(Int64)
    case bool(Bool)
    case array([TOMLValue])

    public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    public var boolValue: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    public var intValue: Int64? { if case .integer(let i) = self { return i } else { return nil } }
}

public struct TOMLEntry: Equatable, Sendable {
    /// Full dotted path: table path + key path, e.g. `dashboard.metric.ok.fg`.
    public var path: [String]
    public var value: TOMLValue
    public var line: Int
    public var key: String { path.joined(separator: ".") }
}

public struct TOMLError: Error, Equatable, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int
    public var message: String
    public init(file: String, line: Int, message: String) { self.file = file; self.line = line; self.message = message }
    public var description: String { "\(file):\(line): \(message)" }
}

public enum TOMLSubset {
    public static func parse(_ text: String, file: String = "<input>") throws(TOMLError) -> [TOMLEntry] {
        var entries: [TOMLEntry] = []
        var table: [String] = []
        var seen = Set<String>()
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNo = index + 1
            var scanner = Scanner(chars: Array(rawLine), line: lineNo, file: file)
            scanner.skipSpaces()
            if scanner.atEndOrComment { continue }
            if scanner.peek == "[" {
                scanner.advance()
                if scanner.peek == "[" { throw scanner.error("arrays of tables ([[…]]) are not supported") }
                let path = try scanner.keyPath()
                scanner.skipSpaces()
                guard scanner.peek == "]" else { throw scanner.error("expected ] to close the table header") }
                scanner.advance()
                scanner.skipSpaces()
                guard scanner.atEndOrComment else { throw scanner.error("unexpected text after table header") }
                table = path
                continue
            }
            let keyPath = try scanner.keyPath()
            scanner.skipSpaces()
            guard scanner.peek == "=" else { throw scanner.error("expected = after key '\(keyPath.joined(separator: "."))'") }
            scanner.advance()
            scanner.skipSpaces()
            let value = try scanner.value()
            scanner.skipSpaces()
            guard scanner.atEndOrComment else { throw scanner.error("unexpected text after value") }
            let entry = TOMLEntry(path: table + keyPath, value: value, line: lineNo)
            guard seen.insert(entry.key).inserted else { throw scanner.error("duplicate key '\(entry.key)'") }
            entries.append(entry)
        }
        return entries
    }

    struct Scanner {
        var chars: [Character]
        var pos = 0
        var line: Int
        var file: String

        init(chars: [Character], line: Int, file: String) {
            self.chars = chars; self.line = line; self.file = file
            if chars.last == "\r" { self.chars.removeLast() }
        }

        var peek: Character? { pos < chars.count ? chars[pos] : nil }
        var atEndOrComment: Bool { peek == nil || peek == "#" }
        mutating func advance() { pos += 1 }
        mutating func skipSpaces() { while peek == " " || peek == "\t" { pos += 1 } }
        func error(_ message: String) -> TOMLError { TOMLError(file: file, line: line, message: message) }

        mutating func keyPath() throws(TOMLError) -> [String] {
            var parts: [String] = []
            while true {
                skipSpaces()
                if peek == "\"" || peek == "'" {
                    guard case .string(let s) = try value() else { throw error("bad quoted key") }
                    parts.append(s)
                } else {
                    var key = ""
                    while let c = peek, c.isLetter || c.isNumber || c == "-" || c == "_" { key.append(c); advance() }
                    guard !key.isEmpty else { throw error("expected a key") }
                    parts.append(key)
                }
                skipSpaces()
                if peek == "." { advance() } else { return parts }
            }
        }

        /// How deep arrays may nest: a file nested deeper is an error with its line, not a crash.
        static let maxDepth = 32

        mutating func value(depth: Int = 0) throws(TOMLError) -> TOMLValue {
            guard depth <= Scanner.maxDepth else { throw error("arrays nested more than \(Scanner.maxDepth) deep") }
            guard let c = peek else { throw error("expected a value") }
            switch c {
            case "\"":
                advance()
                var s = ""
                while let ch = peek, ch != "\"" {
                    advance()
                    if ch == "\\" {
                        guard let e = peek else { break }
                        advance()
                        switch e {
                        case "n": s.append("\n")
                        case "t": s.append("\t")
                        case "\\": s.append("\\")
                        case "\"": s.append("\"")
                        case "u", "U":
                            let n = e == "u" ? 4 : 8
                            guard pos + n <= chars.count, let v = UInt32(String(chars[pos..<pos + n]), radix: 16),
                                  let scalar = Unicode.Scalar(v) else { throw error("bad \\\(e) escape") }
                            s.unicodeScalars.append(scalar)
                            pos += n
                        default: throw error("unknown escape \\\(e)")
                        }
                    } else {
                        s.append(ch)
                    }
                }
                guard peek == "\"" else { throw error("unterminated string") }
                advance()
                return .string(s)
            case "'":
                advance()
                var s = ""
                while let ch = peek, ch != "'" { s.append(ch); advance() }
                guard peek == "'" else { throw error("unterminated string") }
                advance()
                return .string(s)
            case "[":
                advance()
                var items: [TOMLValue] = []
                while true {
                    skipSpaces()
                    if peek == "]" { advance(); return .array(items) }
                    items.append(try value(depth: depth + 1))
                    skipSpaces()
                    if peek == "," { advance(); continue }
                    if peek == "]" { advance(); return .array(items) }
                    throw error("expected , or ] in array")
                }
            default:
                var word = ""
                while let ch = peek, ch != " ", ch != "\t", ch != ",", ch != "]", ch != "#" { word.append(ch); advance() }
                if word == "true" { return .bool(true) }
                if word == "false" { return .bool(false) }
                if let i = Int64(word.replacingUnderscores()) { return .integer(i) }
                throw error("unsupported value '\(word)' (use a quoted string, an integer, true/false or [ … ])")
            }
        }
    }
}

extension String {
    func replacingUnderscores() -> String { String(filter { $0 != "_" }) }
}
