import Domain
import Foundation

/// RFC 4180 CSV: fields in double quotes may hold commas, quotes (doubled) and line breaks;
/// CRLF or LF line ends; a UTF-8 byte-order mark is skipped. Input in UTF-8 or GB18030 (what
/// Excel writes on Chinese Windows), told apart by the bytes; a file mixing both is refused.
public enum CSV {
    public struct Table: Sendable, Equatable {
        public var header: [String]
        /// Each record with the file line it starts on (records may span lines).
        public var records: [(line: Int, fields: [String])]
        public var encoding: String

        public static func == (a: Table, b: Table) -> Bool {
            a.header == b.header && a.encoding == b.encoding && a.records.map(\.line) == b.records.map(\.line) && a.records.map(\.fields) == b.records.map(\.fields)
        }
    }

    /// `encoding`: what the user says the file is (`utf-8`, `gb18030`, `big5`, `shift-jis`);
    /// nil: UTF-8, else plausible GB18030, else refused naming `--encoding`.
    public static func read(path: String, encoding: String? = nil) throws(DocumentError) -> Table {
        guard let data = FileManager.default.contents(atPath: path) else { throw DocumentError("\(path): cannot read the file") }
        do { return try parse(bytes: [UInt8](data), encoding: encoding) } catch { throw DocumentError("\(path): \(error.message)") }
    }

    public static func parse(bytes: [UInt8], encoding given: String? = nil) throws(DocumentError) -> Table {
        let text: String, encoding: String
        if let given { (text, encoding) = (try TextEncoding.decode(bytes, as: given), given.lowercased()) } else { (text, encoding) = try decode(bytes) }
        let rows = try records(text)
        try refuseControlCharacters(rows)
        guard let first = rows.first else { throw DocumentError("the file is empty: expected a header row") }
        let header = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        let body = rows.dropFirst().filter { !($0.fields.count == 1 && $0.fields[0].isEmpty) }
        return Table(header: header, records: Array(body), encoding: encoding)
    }

    static func decode(_ bytes: [UInt8]) throws(DocumentError) -> (String, String) {
        var b = bytes[...]
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { b = b.dropFirst(3) }
        if let s = String(validating: b, as: UTF8.self) { return (s, "utf-8") }
        // Not UTF-8. If some lines are UTF-8 with Chinese in them and others are not, the file
        // was pieced together from two encodings: say where, rather than guess.
        let lines = b.split(separator: 0x0A, omittingEmptySubsequences: false)
        let utf8Line = lines.firstIndex { line in line.contains { $0 >= 0x80 } && String(validating: line, as: UTF8.self) != nil }
        let otherLine = lines.firstIndex { String(validating: $0, as: UTF8.self) == nil }
        if let u = utf8Line, let o = otherLine {
            throw DocumentError("mixed encodings: line \(u + 1) is UTF-8 but line \(o + 1) is not; save the whole file as UTF-8 (or all as GB18030)")
        }
        guard let s = TextEncoding.decodeGB18030(Array(b)), TextEncoding.looksLikeGB18030(Array(b)) else {
            throw DocumentError("line \((otherLine ?? 0) + 1) is neither UTF-8 nor plausible GB18030 (Shift-JIS or Big5, perhaps): "
                                + "save the file as UTF-8 CSV, or say what it is with --encoding big5|shift-jis|gb18030|utf-8")
        }
        return (s, "gb18030")
    }

    /// NUL and other control characters have no place in a field (line breaks and tabs inside a
    /// quoted field aside): refused naming the row and column, so nothing stores garbage.
    static func refuseControlCharacters(_ rows: [(line: Int, fields: [String])]) throws(DocumentError) {
        for r in rows {
            for (i, f) in r.fields.enumerated() {
                if let bad = f.unicodeScalars.first(where: { ($0.value < 0x20 && ![0x09, 0x0A, 0x0D].contains($0.value)) || (0x7F...0x9F).contains($0.value) }) {
                    throw DocumentError("row \(r.line), column \(i + 1): a control character (U+\(String(bad.value, radix: 16, uppercase: true))) in the value; remove it from the file")
                }
            }
        }
    }

    /// Splits text into records of fields. An opening quote never closed (a truncated file) is
    /// an error naming the line it opened on.
    static func records(_ text: String) throws(DocumentError) -> [(line: Int, fields: [String])] {
        var out: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var quoteLine = 0
        var line = 1
        var recordLine = 1
        var fieldStarted = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        while let c = next() {
            if inQuotes {
                if c == "\"" {
                    if let n = next() {
                        if n == "\"" { field.unicodeScalars.append("\"") } else { inQuotes = false; pending = n }
                    } else { inQuotes = false }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where !fieldStarted:
                inQuotes = true; fieldStarted = true; quoteLine = line
            case ",":
                fields.append(field); field = ""; fieldStarted = false
            case "\r":
                if let n = next(), n != "\n" { pending = n }
                fallthrough
            case "\n":
                fields.append(field); field = ""; fieldStarted = false
                out.append((recordLine, fields)); fields = []
                line += 1; recordLine = line
            default:
                field.unicodeScalars.append(c); fieldStarted = true
            }
        }
        if inQuotes { throw DocumentError("line \(quoteLine): a quoted field is never closed (is the file cut short?)") }
        if fieldStarted || !fields.isEmpty || !field.isEmpty {
            fields.append(field)
            out.append((recordLine, fields))
        }
        return out
    }

    /// A CSV file as Excel opens it: UTF-8 with a byte-order mark, CRLF, quoted where needed.
    public static func data(_ sheet: Sheet) -> Data {
        var text = ""
        lines(sheet) { text += $0 }
        return Data(text.utf8)
    }

    /// The file's text, a line at a time: the byte-order mark and header, then the rows.
    static func lines(_ sheet: Sheet, _ emit: (String) -> Void) {
        emit("\u{FEFF}" + line(sheet.columns.map(\.title)))
        for row in sheet.rows { emit(line(row.map(\.plain))) }
    }

    /// The same, streamed to `path` (mode 0600), written whole or not at all.
    public static func write(_ sheet: Sheet, to path: String) throws(DocumentError) -> String {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: path)
        let temp = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).part")
        do {
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try ChunkedFile.write(to: temp) { emit in lines(sheet, emit) }
            if fm.fileExists(atPath: target.path) { try fm.removeItem(at: target) }
            try fm.moveItem(at: temp, to: target)
        } catch {
            try? fm.removeItem(at: temp)
            throw DocumentError("cannot write \(path): \(error.localizedDescription)")
        }
        return target.path
    }

    static func line(_ fields: [String]) -> String {
        fields.map { f in
            f.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || f.hasPrefix(" ") || f.hasSuffix(" ")
                ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f
        }.joined(separator: ",") + "\r\n"
    }
}
