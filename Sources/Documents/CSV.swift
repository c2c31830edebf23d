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
    /// nil: UTF-8, else plausible GB18030, else refused naming `--encoding`. The whole file in
    /// memory: for files of any size, read a record at a time with `Reader`.
    public static func read(path: String, encoding: String? = nil) throws(DocumentError) -> Table {
        try table(try Reader(path: path, encoding: encoding))
    }

    public static func parse(bytes: [UInt8], encoding: String? = nil) throws(DocumentError) -> Table {
        try table(try Reader(bytes: bytes, encoding: encoding))
    }

    static func table(_ reader: Reader) throws(DocumentError) -> Table {
        var records: [(line: Int, fields: [String])] = []
        while let r = try reader.next() { records.append(r) }
        return Table(header: reader.header, records: records, encoding: reader.encoding)
    }

    /// NUL and other control characters have no place in a field (line breaks and tabs inside a
    /// quoted field aside): refused naming the row and column, so nothing stores garbage.
    static func refuseControlCharacters(_ r: (line: Int, fields: [String])) throws(DocumentError) {
        for (i, f) in r.fields.enumerated() {
            if let bad = f.unicodeScalars.first(where: { ($0.value < 0x20 && ![0x09, 0x0A, 0x0D].contains($0.value)) || (0x7F...0x9F).contains($0.value) }) {
                throw DocumentError("row \(r.line), column \(i + 1): a control character (U+\(String(bad.value, radix: 16, uppercase: true))) in the value; remove it from the file")
            }
        }
    }

    /// Splits text into records of fields. An opening quote never closed (a truncated file) is
    /// an error naming the line it opened on.
    static func records(_ text: String) throws(DocumentError) -> [(line: Int, fields: [String])] {
        var out: [(line: Int, fields: [String])] = []
        var parser = RecordParser()
        parser.feed(text) { out.append(($0, $1)) }
        try parser.finish { out.append(($0, $1)) }
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
