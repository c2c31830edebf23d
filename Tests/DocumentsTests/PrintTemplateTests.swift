import Documents
import Domain
import Foundation
import TerminalCore
import TestSupport
import Testing

let width = TextWidth { DisplayWidth.of($0) }

func sampleQuote(lines: Int = 3) -> PrintableDocument {
    let products = [("GJ-001", "碳钢管件 DN50", "件", 12_000, 183_050, 500), ("FM-220", "不锈钢球阀 Stainless ball valve 2\"", "个", 3_000, 45_000, 0),
                    ("DL-7", "电缆 YJV-3×95", "米", 250_500, 1_234, 1_250)]
    let ls = (0..<lines).map { i -> PrintableDocument.Line in
        let p = products[i % products.count]
        let q = Quantity(thousandths: Int64(p.3)), price = Money(minorUnits: Int64(p.4)), d = BasisPoints(Int64(p.5))
        let amount = (try? LineAmount.compute(quantity: q, unitPrice: price, discountBasisPoints: d.value)) ?? .zero
        return .init(code: p.0, name: p.1, unit: p.2, quantity: q, unitPrice: price, discount: d, amount: amount)
    }
    return PrintableDocument(
        kind: .quote, number: "Q-2026-00131", date: DateOnly(iso: "2026-11-22")!, dueDate: DateOnly(iso: "2026-12-22")!, status: "draft",
        company: .init(name: "上海融通贸易有限公司", address: "上海市浦东新区张江路 88 号", phone: "021-5080 1234"), currency: "CNY",
        party: .init(code: "C000017", name: "北京华联综合超市股份有限公司", address: "北京市朝阳区", contact: "王经理", phone: "010-6500 1234"),
        owner: "李娜", note: "含税价，运费另计", lines: ls, total: ls.reduce(Money.zero) { $0 + $1.amount })
}

func library(_ dir: String = "/nonexistent-rapport-templates") -> TemplateLibrary { TemplateLibrary(directory: dir, width: width) }

@Suite struct PrintTemplateTests {
    @Test func quoteTextLinesUpChineseColumns() throws {
        let doc = try library().render(sampleQuote(), printedOn: DateOnly(iso: "2026-11-22")!)
        assertSnapshot(text: doc.text, "quote-txt-zh")
        let lines = doc.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 34) // one page of 33 lines and the final newline
        // Every line item ends its amount in the same column, whatever the product's script.
        let items = lines.filter { $0.hasPrefix("  1 ") || $0.hasPrefix("  2 ") || $0.hasPrefix("  3 ") }
        #expect(items.count == 3)
        #expect(Set(items.map { width.width($0) }) == [79])
        #expect(doc.text.contains("大写 In words: 贰万肆仟玖佰贰拾贰元肆角柒分"))
        #expect(doc.copies == 1)
    }

    @Test func printedTextShowsControlCharactersInsteadOfSendingThem() throws {
        // A customer name with an escape sequence would move a dot-matrix printer's head.
        var quote = sampleQuote()
        quote.party.name = "Evil\u{1B}[2J Co"
        let safe = TemplateLibrary(directory: "/nonexistent-rapport-templates", width: TextWidth({ DisplayWidth.of($0) }, clean: TextSanitizer.clean))
        let doc = try safe.render(quote, printedOn: DateOnly(iso: "2026-11-22")!)
        #expect(!doc.text.unicodeScalars.contains { $0.value == 0x1B } && doc.text.contains("Evil^[[2J Co"))
    }

    @Test func longDocumentsRepeatTheHeaderOnEveryPage() throws {
        let doc = try library().render(sampleQuote(lines: 50), printedOn: DateOnly(iso: "2026-11-22")!)
        let lines = doc.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count % 33 == 0)
        let pages = lines.count / 33
        #expect(pages == 3)
        for p in 0..<pages {
            let page = lines.dropFirst(p * 33).prefix(33)
            #expect(page.first?.contains("上海融通贸易有限公司") == true)
            #expect(page.contains { $0.contains("第 \(p + 1)/\(pages) 页") })
        }
        assertSnapshot(text: doc.text, "quote-txt-3-pages")
    }

    @Test func htmlEscapesDataAndOtherKindsRender() throws {
        var q = sampleQuote()
        q.party.name = "<script>A&B</script>"
        let html = try library().render(q, template: "quote.html", printedOn: DateOnly(iso: "2026-11-22")!)
        #expect(html.text.contains("&lt;script&gt;A&amp;B&lt;/script&gt;"))
        #expect(!html.text.contains("<script>"))
        for kind in PrintableDocument.Kind.allCases {
            var d = sampleQuote()
            d.kind = kind
            if kind == .shipment { d.lines = d.lines.map { var l = $0; l.ordered = Quantity(units: 20); return l } }
            for format in ["txt", "html"] {
                let r = try library().render(d, template: "\(kind.rawValue).\(format)", printedOn: DateOnly(iso: "2026-11-22")!)
                #expect(r.text.contains("Q-2026-00131"))
            }
        }
        #expect(library().check() == [])
    }

    @Test func aTemplateWithAnUnknownFieldFailsWithFileAndLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-tpl-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let lib = library(dir)
        let path = try lib.copy("quote.txt")
        #expect(throws: DocumentError.self) { _ = try lib.copy("quote.txt") }
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "{{right12(amount)}}", with: "{{right12(amonut)}}")
        text = text.replacingOccurrences(of: "{{owner}}", with: "{{wide9(owner)}}")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let problems = lib.check()
        #expect(problems.count == 2)
        #expect(problems.first?.hasPrefix("\(path):12: unknown column 'wide9'") == true)
        #expect(problems.last?.hasPrefix("\(path):18: unknown field 'amonut'") == true)
        #expect(throws: DocumentError.self) { _ = try lib.render(sampleQuote(), printedOn: DateOnly(iso: "2026-11-22")!) }
        // A section never closed, a bad setting, and a broken tag.
        try "page_length = x\n--- body\n{{#lines}}\n{{name}\n".write(toFile: path, atomically: true, encoding: .utf8)
        let broken = lib.check()
        #expect(broken.contains { $0.hasPrefix("\(path):1: page_length must be a whole number") })
        #expect(broken.contains { $0.hasPrefix("\(path):4:") || $0.hasPrefix("\(path):3: section") })
    }

    /// A template cannot make a document without bound: a list inside itself, sections nested too
    /// deep, a huge template or a huge result are refused by check and by printing.
    @Test func templatesThatWouldExplodeAreRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-tpl-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let lib = library(dir)
        let path = try lib.copy("quote.txt")
        let today = DateOnly(iso: "2026-11-22")!
        let nested = "--- body\n" + String(repeating: "{{#lines}}", count: 6) + "{{name}}" + String(repeating: "{{/lines}}", count: 6) + "\n"
        try nested.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(lib.check().contains { $0.hasPrefix("\(path):2: {{#lines}} inside {{#lines}} (line 2) repeats the whole list") })
        #expect(throws: DocumentError.self) { _ = try lib.render(sampleQuote(lines: 50), printedOn: today) }
        let deep = "--- body\n" + (0..<10).map { _ in "{{#note}}\n" }.joined() + (0..<10).map { _ in "{{/note}}\n" }.joined()
        try deep.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(lib.check().contains { $0 == "\(path):10: sections nest more than 8 deep" })
        try ("--- body\n" + String(repeating: "x", count: TemplateLibrary.maxTemplate)).write(toFile: path, atomically: true, encoding: .utf8)
        #expect(lib.check().contains { $0.contains("over the 256 KB a template may be") })
        // Within the limits but long: 20,000 lines of 250 columns is over 4 MB.
        try ("width = 0\n--- body\n{{#lines}}" + String(repeating: "{{name}}{{code}}", count: 8) + String(repeating: "=", count: 100) + "\n{{/lines}}").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(lib.check() == [])
        do { _ = try lib.render(sampleQuote(lines: 20_000), printedOn: today); Issue.record("a 5 MB document was printed") } catch {
            #expect(error.message.contains("over the 4 MB a printed document may be"))
        }
        #expect(try lib.render(sampleQuote(lines: 100), printedOn: today).text.contains("碳钢管件"))
    }

    @Test func columnsCutAndPadByDisplayWidth() {
        #expect(width.fit("北京华联", 5) == "北京 ")
        #expect(width.fit("abc", 5, align: .right) == "  abc")
        #expect(width.fit("华联", 6, align: .center) == " 华联 ")
    }

    @Test func chineseCapitals() {
        #expect(ChineseAmount.words(Money(minorUnits: 1_234_567)) == "壹万贰仟叁佰肆拾伍元陆角柒分")
        #expect(ChineseAmount.words(Money(minorUnits: 10_000)) == "壹佰元整")
        #expect(ChineseAmount.words(Money(minorUnits: 100_050_000)) == "壹佰万零伍佰元整")
        #expect(ChineseAmount.words(Money(minorUnits: 1_000_105)) == "壹万零壹元零伍分")
        #expect(ChineseAmount.words(Money(minorUnits: 30)) == "叁角整")
        #expect(ChineseAmount.words(Money(minorUnits: 0)) == "零元整")
        #expect(ChineseAmount.words(Money(minorUnits: 10_000_000_000)) == "壹亿元整")
    }
}
