import Documents
import Domain
import Foundation
import Testing

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
