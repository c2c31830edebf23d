import Domain
import Foundation
import Testing
@testable import Documents

@Suite struct CSVTests {
    func table(_ s: String) throws -> CSV.Table { try CSV.parse(bytes: Array(s.utf8)) }

    @Test func quotesEmbeddedNewlinesBOMAndCRLF() throws {
        let t = try table("\u{FEFF}code,name,note\r\nC1,\"Acme, Inc.\",\"said \"\"hi\"\"\nthen left\"\r\nC2,北京华联,\r\n")
        #expect(t.header == ["code", "name", "note"])
        #expect(t.records.map(\.fields) == [["C1", "Acme, Inc.", "said \"hi\"\nthen left"], ["C2", "北京华联", ""]])
        #expect(t.records.map(\.line) == [2, 4])
        #expect(t.encoding == "utf-8")
    }

    @Test func lastLineWithoutNewlineAndBlankLines() throws {
        let t = try table("a,b\n1,2\n\n3,4")
        #expect(t.records.map(\.fields) == [["1", "2"], ["3", "4"]])
    }

    @Test func aTruncatedQuotedFieldNamesItsLine() {
        #expect(throws: DocumentError("line 3: a quoted field is never closed (is the file cut short?)")) {
            _ = try table("a,b\n1,2\n3,\"unfinished")
        }
    }

    @Test func gb18030IsReadAndMixedEncodingsAreRefused() throws {
        let gb = try TextEncoding.encode("编码,名称\nC1,北京华联\n", as: "gb18030")
        let t = try CSV.parse(bytes: gb)
        #expect(t.encoding == "gb18030" && t.records[0].fields == ["C1", "北京华联"])
        let mixed = Array("code,name\nC1,上海\n".utf8) + (try TextEncoding.encode("C2,北京\n", as: "gb18030"))
        #expect(throws: DocumentError("mixed encodings: line 2 is UTF-8 but line 3 is not; save the whole file as UTF-8 (or all as GB18030)")) {
            _ = try CSV.parse(bytes: mixed)
        }
    }

    @Test func big5AndShiftJISAreRefusedUnlessNamed() throws {
        let big5 = try TextEncoding.encode("編號,名稱\nC1,臺北貿易股份有限公司\nC2,高雄五金行\n", as: "big5")
        let sjis = try TextEncoding.encode("コード,名前\nC1,東京トレーディング株式会社\n", as: "shift-jis")
        for bytes in [big5, sjis] {
            do { _ = try CSV.parse(bytes: bytes); Issue.record("a Big5 or Shift-JIS file was read as GB18030") } catch {
                #expect(error.message.contains("--encoding"))
            }
        }
        #expect(try CSV.parse(bytes: big5, encoding: "big5").records[0].fields == ["C1", "臺北貿易股份有限公司"])
        #expect(try CSV.parse(bytes: sjis, encoding: "shift-jis").records[0].fields == ["C1", "東京トレーディング株式会社"])
        #expect(throws: DocumentError("unknown encoding 'latin9' (utf-8, gb18030, big5 or shift-jis)")) { _ = try CSV.parse(bytes: big5, encoding: "latin9") }
    }

    @Test func controlCharactersInAFieldAreRefusedNamingRowAndColumn() throws {
        #expect(throws: DocumentError("row 3, column 2: a control character (U+0) in the value; remove it from the file")) {
            _ = try CSV.parse(bytes: Array("code,name\nC1,ok\nC2,bad\u{0}name\n".utf8))
        }
        #expect(throws: DocumentError("row 2, column 1: a control character (U+1B) in the value; remove it from the file")) {
            _ = try CSV.parse(bytes: Array("code,name\n\u{1B}[2J,x\n".utf8))
        }
        // A line break and a tab inside a quoted field are text, not garbage.
        #expect(try CSV.parse(bytes: Array("code,note\nC1,\"a\tb\nc\"\n".utf8)).records[0].fields == ["C1", "a\tb\nc"])
    }

    /// Read a few bytes at a time, a file gives the same records as read whole: quoted fields
    /// with line breaks, CRLF, doubled quotes and Chinese across block edges.
    @Test func aFileReadInBlocksGivesTheSameRecords() throws {
        var text = "code,name,note\r\n"
        for i in 0..<200 { text += "C\(i),\"北京华联 \(i)号, \"\"总店\"\"\",\"第一行\r\n第二行 \(i)\"\r\n" }
        for encoding in ["utf-8", "gb18030"] {
            let bytes = try TextEncoding.encode(text, as: encoding)
            let whole = try CSV.parse(bytes: bytes)
            #expect(whole.encoding == encoding && whole.records.count == 200 && whole.records[7].fields == ["C7", "北京华联 7号, \"总店\"", "第一行\r\n第二行 7"])
            #expect(whole.records[7].line == 16)
            for size in [1, 7, 64, 1000] {
                let reader = try CSV.Reader(source: BytesSource(bytes), encoding: nil, label: "", blockSize: size)
                var records: [(line: Int, fields: [String])] = []
                while let r = try reader.next() { records.append(r) }
                #expect(reader.encoding == encoding && reader.header == ["code", "name", "note"])
                #expect(records.map(\.line) == whole.records.map(\.line) && records.map(\.fields) == whole.records.map(\.fields), "\(encoding), blocks of \(size)")
            }
        }
    }

    @Test func writesWhatItReads() throws {
        let sheet = Sheet(name: "t", columns: [.init("code"), .init("note"), .init("amount", .money), .init("on", .date)],
                          rows: [[.text("C1"), .text("a, \"b\"\nc"), .money(Money(minorUnits: -1_234_567)), .date(DateOnly(iso: "2026-02-28")!)],
                                 [.text("C2"), .empty, .money(.zero), .empty]])
        let back = try CSV.parse(bytes: [UInt8](CSV.data(sheet)))
        #expect(back.records.map(\.fields) == [["C1", "a, \"b\"\nc", "-12345.67", "2026-02-28"], ["C2", "", "0.00", ""]])
    }

    @Test func mappingFindsAliasesAndNamesWhatIsMissing() throws {
        let t = try table("客户编号,Firm,电话\nC1,Acme,123456\n")
        #expect(throws: ImportErrors.self) { _ = try MappedTable.map(t, spec: .customers, mapping: nil) }
        let m = try MappedTable.map(t, spec: .customers, mapping: "Firm=name")
        #expect(m.value("code", in: t.records[0].fields) == "C1" && m.value("name", in: t.records[0].fields) == "Acme" && m.value("phone", in: t.records[0].fields) == "123456")
        do { _ = try MappedTable.map(t, spec: .customers, mapping: "Firm=nmae") } catch {
            #expect(error.problems.map(\.column).contains("Firm"))
            #expect(error.problems.contains { $0.column == "name" && $0.message.hasPrefix("required column missing") })
        }
    }
}
