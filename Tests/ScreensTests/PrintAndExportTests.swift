import Documents
import Domain
import Foundation
import Screens
import TerminalCore
import TestSupport
import Testing
import Workspaces

/// `p` and `x` as a rep uses them, through the real shell and effect runner.
@MainActor @Suite struct PrintAndExportTests {
    func services() throws -> (DocumentServices, String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-screens-\(UUID().uuidString)").path
        let width = TextWidth { DisplayWidth.of($0) }
        return (DocumentServices(library: TemplateLibrary(directory: dir + "/templates", width: width),
                                 printer: PrinterSettings(directory: dir + "/printed"), exportDirectory: dir + "/exports"), dir)
    }

    @Test func aRepPreviewsAQuoteAndSavesIt() async throws {
        let (documents, dir) = try services()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let d = Driver(language: .zh, database: DemoFixture.make(inMemory: true), documents: documents)
        await d.login("rep")
        await d.type(":quotes")
        await d.type([.enter])
        await d.type("3")
        await d.type("p")
        #expect(d.screen.contains("打印预览"))
        #expect(d.screen.contains("报价单 QUOTATION"))
        assertSnapshot(d.terminal.frame, "print-preview-zh-80x24")
        await d.type([.enter])
        let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/printed")
        #expect(files.count == 1 && files[0].hasPrefix("Q-"))
        #expect(d.screen.contains("已保存到"))
        #expect(!d.screen.contains("打印预览"))
    }

    @Test func theCustomerListExportsWithItsSortInTheUsersLanguage() async throws {
        let (documents, dir) = try services()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let d = Driver(language: .zh, database: DemoFixture.make(inMemory: true), documents: documents)
        await d.login("rep")
        await d.type(":customers")
        await d.type([.enter])
        await d.type("s") // sorted by last contact
        await d.type("x")
        #expect(d.screen.contains(".xlsx"))
        await d.type("c")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/exports")
        let csv = try #require(files.first { $0.hasSuffix(".csv") })
        let table = try CSV.read(path: dir + "/exports/" + csv)
        #expect(table.header.prefix(2) == ["编号", "客户"])
        let own = try DemoFixture.make(inMemory: true).customerCount(for: try #require(try DemoFixture.make(inMemory: true).user(login: "rep")).actor)
        #expect(table.records.count == own)
        // Sorted by last contact, oldest first, as on screen.
        let col = try #require(table.header.firstIndex(of: "上次联系"))
        let dates = table.records.map { $0.fields[col] }.filter { !$0.isEmpty }
        #expect(dates == dates.sorted())
    }
}
