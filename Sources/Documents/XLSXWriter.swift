import Domain
import Foundation
import ZIPFoundation

/// Writes an Office Open XML workbook (SpreadsheetML in a ZIP): one sheet, a bold header row
/// frozen above the data with an auto-filter, money with two decimals and grouping, dates as
/// real dates, column widths from the widest value by display width (Chinese counts double).
public enum XLSXWriter {
    /// Writes the workbook to `path` (mode 0600). The worksheet is streamed to a temporary file
    /// and zipped from there, so a 200,000-row list never sits in memory as one string.
    public static func write(_ sheet: Sheet, to path: String, width: TextWidth) throws(DocumentError) -> String {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: path)
        // Built beside the target (a hidden folder, private like everything Rapport writes), never
        // in a shared temporary folder; renamed into place when whole.
        let work = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).work")
        defer { try? fm.removeItem(at: work) }
        do {
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try fm.createDirectory(at: work, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let sheetFile = work.appendingPathComponent("sheet1.xml")
            try ChunkedFile.write(to: sheetFile) { emit in worksheet(sheet, width: width, emit: emit) }
            let zipFile = work.appendingPathComponent("book.xlsx")
            let archive = try Archive(url: zipFile, accessMode: .create)
            // A fixed time stamp: the same table makes the same file.
            let stamp = Date(timeIntervalSince1970: 1_577_836_800)
            let parts: [(String, String)] = [
                ("[Content_Types].xml", contentTypes), ("_rels/.rels", rootRels), ("docProps/app.xml", appProps),
                ("xl/workbook.xml", workbook(sheet.name)), ("xl/_rels/workbook.xml.rels", workbookRels), ("xl/styles.xml", styles),
            ]
            for (name, text) in parts {
                let bytes = Data(text.utf8)
                try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: stamp,
                                     compressionMethod: .deflate) { position, size in
                    bytes.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            let handle = try FileHandle(forReadingFrom: sheetFile)
            defer { try? handle.close() }
            let size = Int64(try fm.attributesOfItem(atPath: sheetFile.path)[.size] as? Int ?? 0)
            try archive.addEntry(with: "xl/worksheets/sheet1.xml", type: .file, uncompressedSize: size, modificationDate: stamp,
                                 compressionMethod: .deflate) { position, chunk in
                try handle.seek(toOffset: UInt64(position))
                return try handle.read(upToCount: chunk) ?? Data()
            }
            if fm.fileExists(atPath: target.path) { try fm.removeItem(at: target) }
            try fm.moveItem(at: zipFile, to: target)
            try fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: target.path)
        } catch let e as DocumentError { throw e } catch {
            throw DocumentError("cannot write \(path): \(error)")
        }
        return target.path
    }

    // Style indexes in styles.xml's cellXfs.
    static let header = 1, money = 2, date = 3, integer = 4, quantity = 5, percent = 6

    static func worksheet(_ sheet: Sheet, width: TextWidth, emit: (String) -> Void) {
        var x = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        x += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        let lastCol = column(max(0, sheet.columns.count - 1))
        x += "<dimension ref=\"A1:\(lastCol)\(sheet.rows.count + 1)\"/>"
        x += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>"#
        x += "<cols>"
        for (i, c) in sheet.columns.enumerated() {
            var widest = width.width(c.title)
            for row in sheet.rows where i < row.count { widest = max(widest, shownWidth(row[i], width: width)) }
            x += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(min(80, widest + 2))\" customWidth=\"1\"/>"
        }
        x += "</cols><sheetData>"
        x += "<row r=\"1\">"
        for (i, c) in sheet.columns.enumerated() { x += "<c r=\"\(column(i))1\" s=\"\(header)\" t=\"inlineStr\"><is><t>\(escape(c.title))</t></is></c>" }
        x += "</row>"
        emit(x)
        let letters = sheet.columns.indices.map(column)
        for (r, row) in sheet.rows.enumerated() {
            let n = r + 2
            var line = "<row r=\"\(n)\">"
            for (i, v) in row.enumerated() {
                let ref = (i < letters.count ? letters[i] : column(i)) + String(n)
                switch v {
                case .empty: continue
                case .text(let s): line += "<c r=\"\(ref)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escape(s))</t></is></c>"
                case .integer(let i): line += "<c r=\"\(ref)\" s=\"\(integer)\"><v>\(i)</v></c>"
                case .money(let m): line += "<c r=\"\(ref)\" s=\"\(money)\"><v>\(m.formatted(grouping: false))</v></c>"
                case .quantity(let q): line += "<c r=\"\(ref)\" s=\"\(quantity)\"><v>\(q.description)</v></c>"
                case .date(let d): line += "<c r=\"\(ref)\" s=\"\(date)\"><v>\(Int(d.day) + 25_569)</v></c>"
                case .percent(let p): line += "<c r=\"\(ref)\" s=\"\(percent)\"><v>\(Sheet.Value.decimal(p.value, places: 4))</v></c>"
                }
            }
            emit(line + "</row>")
        }
        var tail = "</sheetData>"
        if !sheet.columns.isEmpty { tail += "<autoFilter ref=\"A1:\(lastCol)\(sheet.rows.count + 1)\"/>" }
        emit(tail + "</worksheet>")
    }

    static func shownWidth(_ v: Sheet.Value, width: TextWidth) -> Int {
        switch v {
        case .money(let m): return m.formatted().count
        case .date: return 10
        default: return width.width(v.plain)
        }
    }

    /// 0 → A, 25 → Z, 26 → AA.
    static func column(_ index: Int) -> String {
        var n = index + 1, s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }

    /// XML text: markup escaped, and characters XML 1.0 forbids (controls other than tab and
    /// newline) dropped so a stray byte in a customer note cannot break the workbook.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            default:
                if u.value < 0x20 || (0xFFFE...0xFFFF).contains(u.value) { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    static func workbook(_ name: String) -> String {
        // Sheet names: at most 31 characters, none of []:*?/\ .
        let clean = String(name.filter { !"[]:*?/\\".contains($0) }.prefix(31))
        return #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n" +
            #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"# +
            "<sheets><sheet name=\"\(escape(clean.isEmpty ? "Sheet1" : clean))\" sheetId=\"1\" r:id=\"rId1\"/></sheets>" +
            (clean.isEmpty ? "" : "<definedNames><definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"0\" hidden=\"1\">'\(escape(clean))'!$A$1</definedName></definedNames>") +
            "</workbook>"
    }

    static let contentTypes = #"""
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>
    """#

    static let rootRels = #"""
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>
    """#

    static let appProps = #"""
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Rapport</Application></Properties>
    """#

    static let workbookRels = #"""
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
    """#

    static let styles = #"""
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="#,##0.###"/><numFmt numFmtId="166" formatCode="0.0%"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
    """#
}

/// Text written to a file in chunks of about a megabyte, so a big export never sits in memory
/// whole. Mode 0600 (exports carry customer data).
enum ChunkedFile {
    static func write(to url: URL, _ body: ((String) -> Void) -> Void) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw DocumentError("cannot create \(url.path)")
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var buffer = ""
        var failure: (any Error)?
        body { text in
            buffer += text
            if buffer.utf8.count >= 1 << 20, failure == nil {
                do { try handle.write(contentsOf: Data(buffer.utf8)) } catch { failure = error }
                buffer = ""
            }
        }
        if let failure { throw failure }
        try handle.write(contentsOf: Data(buffer.utf8))
    }
}

/// Writes finished bytes to a file, mode 0600 (exports carry customer data), creating folders.
enum FileOutput {
    static func write(_ data: Data, to path: String) throws(DocumentError) -> String {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url, options: .atomic)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        } catch { throw DocumentError("cannot write \(path): \(error.localizedDescription)") }
        return url.path
    }
}
