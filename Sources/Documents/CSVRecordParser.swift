import Domain

/// RFC 4180 records from text fed in pieces: the state carries over between pieces, so a
/// quoted field may span them. CRLF, LF or a lone CR ends a record; a quote doubled inside quotes
/// is a quote. Each record comes with the line it starts on.
struct RecordParser {
    private var fields: [String] = []
    private var field = ""
    private var inQuotes = false
    /// Inside quotes, a quote was read: the next character says whether it closed the field.
    private var quoteSeen = false
    /// A CR ended the record: a LF right after it belongs to the same line end.
    private var crSeen = false
    private var fieldStarted = false
    private var quoteLine = 0
    private var line = 1
    private var recordLine = 1

    mutating func feed(_ text: String, _ emit: (Int, [String]) -> Void) {
        for c in text.unicodeScalars { step(c, emit) }
    }

    /// The last record, when the text does not end with a line break; an error when a quoted
    /// field is still open (a file cut short).
    mutating func finish(_ emit: (Int, [String]) -> Void) throws(DocumentError) {
        if inQuotes && !quoteSeen { throw DocumentError("line \(quoteLine): a quoted field is never closed (is the file cut short?)") }
        if fieldStarted || !fields.isEmpty || !field.isEmpty {
            fields.append(field)
            emit(recordLine, fields)
        }
        self = RecordParser()
    }

    private mutating func step(_ c: Unicode.Scalar, _ emit: (Int, [String]) -> Void) {
        if crSeen { crSeen = false; if c == "\n" { return } }
        if inQuotes {
            if quoteSeen {
                quoteSeen = false
                if c == "\"" { field.unicodeScalars.append("\""); return }
                inQuotes = false
            } else {
                if c == "\"" { quoteSeen = true; return }
                if c == "\n" { line += 1 }
                field.unicodeScalars.append(c)
                return
            }
        }
        switch c {
        case "\"" where !fieldStarted:
            inQuotes = true; fieldStarted = true; quoteLine = line
        case ",":
            fields.append(field); field = ""; fieldStarted = false
        case "\r", "\n":
            crSeen = c == "\r"
            fields.append(field)
            emit(recordLine, fields)
            fields = []; field = ""; fieldStarted = false
            line += 1; recordLine = line
        default:
            field.unicodeScalars.append(c); fieldStarted = true
        }
    }
}
