import Domain
import GRDB
import Foundation
import Store
import TerminalCore
import TestSupport
import Testing
@testable import Screens
@testable import Workspaces

@MainActor
@Suite(.serialized) struct AppShellTests {
    nonisolated static let roles = [("rep", "Sales rep"), ("assistant", "Sales assistant"), ("finance", "Finance"), ("purchasing", "Purchasing"), ("manager", "Manager")]

    @Test(arguments: roles) func eachRoleLogsInToItsHome(_ role: (String, String)) async {
        let d = Driver()
        await d.login(role.0)
        #expect(d.screen.contains("Rapport · \(role.1)"))
        #expect(d.screen.contains("Reminders"))
        #expect(d.screen.contains("Month to date"))
        #expect(!d.screen.contains("Loading"))
        for kind in ReminderKind.kinds(for: d.shell.model.session?.role ?? .manager).prefix(2) {
            #expect(d.screen.contains(Catalog(.en).text("reminder.\(kind.rawValue)")), "\(kind) missing on \(role.0)'s home")
        }
    }

    @Test(arguments: [(80, 24), (120, 40)]) func roleHomeSnapshots(_ size: (Int, Int)) async {
        for (login, _) in AppShellTests.roles {
            let d = Driver(width: size.0, height: size.1)
            await d.login(login)
            assertSnapshot(d.terminal.frame, "home-\(login)-\(size.0)x\(size.1)")
        }
    }

    @Test func chineseHomeAndLogin() async {
        let d = Driver(language: .zh)
        #expect(d.screen.contains("用户名"))
        await d.login("rep")
        #expect(d.screen.contains("业务员"))
        #expect(d.screen.contains("今天需联系"))
        assertSnapshot(d.terminal.frame, "home-rep-zh-80x24")
    }

    @Test func wrongPasswordsAreRefusedThenTheFormWaits() async {
        let db = try? AppDatabase.temporary()
        guard let db else { Issue.record("no db"); return }
        _ = try? db.addUser(login: "zhang", displayName: "", role: .salesRep, password: "right", by: .system, at: 0)
        let d = Driver(database: db)
        await d.login("zhang", password: "bad")
        #expect(d.screen.contains("Wrong login or password."))
        #expect(d.shell.model.session == nil)
        await d.type([.enter]); await d.type("bad"); await d.type([.enter])
        await d.type("bad"); await d.type([.enter])
        #expect(d.screen.contains("Too many wrong passwords"))
        await d.type("right"); await d.type([.enter])
        #expect(d.shell.model.session == nil)
    }

    /// A copied quote with a line being typed: the lines table, the product look-up open under
    /// the field, the line's amount and the total, in Chinese and English.
    @Test(arguments: [(80, 24, Catalog.Language.zh), (120, 40, .en)])
    func quoteForm(_ size: (Int, Int, Catalog.Language)) async {
        let d = Driver(width: size.0, height: size.1, language: size.2)
        await d.login("rep")
        await d.type(":"); await d.type("quotes"); await d.type([.enter])
        await d.type("2"); await d.type([.enter])
        #expect(d.screen.contains("Q-2026-00123"))
        await d.type("c")
        await d.type("bxg")
        #expect(d.screen.contains("不锈钢"))
        assertSnapshot(d.terminal.frame, "quote-form-\(size.2)-\(size.0)x\(size.1)")
        await d.type([.escape]); await d.type("y")
        #expect(d.screen.contains("Q-2026-00123"))
    }

    @Test func enterOpensACardAndEscGoesBack() async {
        let d = Driver()
        await d.login("rep")
        await d.type([.enter])
        #expect(d.screen.contains("1 Overview"))
        #expect(d.screen.contains("Code"))
        await d.type([.escape])
        #expect(d.screen.contains("Reminders"))
    }

    @Test func paletteHelpAndCustomerList() async {
        let d = Driver(width: 100, height: 30)
        await d.login("rep")
        await d.type(":")
        #expect(d.screen.contains(":customers"))
        await d.type("cust")
        await d.type([.enter])
        #expect(d.screen.contains("Customers —"))
        #expect(d.screen.contains("北京华联商厦有限公司") || d.screen.contains("Northwind Trading Ltd."))
        await d.type("?")
        #expect(d.screen.contains("Command palette"))
        await d.type([.escape])
        await d.type("q")
        #expect(d.screen.contains("Reminders"))
        await d.type("q")
        #expect(d.screen.contains("Quit Rapport?"))
        await d.type("y")
        #expect(d.shell.model.quitting)
    }

    @Test func aRepFindsACustomerByPinyinInitials() async {
        let d = Driver(width: 100, height: 30)
        await d.login("rep")
        await d.type(":cust")
        await d.type([.enter])
        await d.type("/bjhl")
        #expect(d.screen.contains("/bjhl"))
        #expect(d.screen.contains("1 found"))
        #expect(d.screen.contains("北京华联商厦有限公司"))
        #expect(!d.screen.contains("北京华联商厦（集团）"))
        await d.type([.enter, .enter])
        #expect(d.screen.contains("┌ 北京华联商厦有限公司 ─"))
        await d.type([.escape, .escape])
        #expect(d.screen.contains("customers"))
        #expect(!d.screen.contains("/bjhl"))
    }

    @Test func tooSmallThenBackToNormal() async {
        let d = Driver()
        await d.login("rep")
        d.terminal.resize(width: 60, height: 20)
        await d.settle()
        #expect(d.screen.contains("Terminal too small: 60×20"))
        d.terminal.resize(width: 80, height: 24)
        await d.settle()
        #expect(d.screen.contains("Reminders"))
    }

    @Test func escapeSequencesInNamesShowAsText() async {
        let d = Driver(width: 120, height: 40)
        await d.login("rep2")
        await d.type(":cust")
        await d.type([.enter])
        for _ in 0..<10 where !d.screen.contains("Evil") { await d.type([.pageDown]) }
        #expect(d.screen.contains("Evil ^[[31mRed^[[0m Imports LLC"))
        #expect(!d.terminal.frame.cells.contains { $0.text.unicodeScalars.contains { $0.value == 0x1B } })
    }

    @Test func chineseNamesAlignInTheCustomerList() async {
        let d = Driver(width: 100, height: 30)
        await d.login("rep")
        await d.type(":cust")
        await d.type([.enter])
        await d.type([.end])
        let lines = d.terminal.frame.lines().filter { $0.contains("│C0") }
        #expect(lines.contains { $0.unicodeScalars.contains { DisplayWidth.isWide($0) } })
        // The status column starts at the same screen column on every row, whatever the name's script.
        let columns = Set(lines.compactMap { line -> Int? in
            guard let r = line.range(of: " active ") ?? line.range(of: " dormant") ?? line.range(of: " lead ") ?? line.range(of: " prospect") ?? line.range(of: " lost ") else { return nil }
            return DisplayWidth.of(String(line[..<r.lowerBound]))
        })
        #expect(columns.count == 1)
    }

    @Test func anotherWriterRefreshesTheHome() async throws {
        let db = DemoFixture.make(seed: 5)
        let d = Driver(database: db)
        await d.login("rep")
        let before = d.shell.model.home.generation
        let other = try AppDatabase.open(path: db.path)
        try other.write { db in try db.execute(sql: "UPDATE customers SET next_contact_on = '2026-11-22' WHERE id IN (SELECT id FROM customers WHERE owner_id = (SELECT id FROM users WHERE login = 'rep') LIMIT 10)") }
        // The watcher polls once per clock second; the fixed clock never ticks, so nudge it.
        d.shell.apply(.dataChanged)
        await d.settle()
        #expect(d.shell.model.home.generation > before)
        #expect(d.shell.model.home.groups.first { $0.kind == .contactToday }?.total ?? 0 >= 10)
    }

    @Test func monoAndVT100Rendering() async {
        let d = Driver(depth: .mono, glyphs: .ascii)
        await d.login("finance")
        #expect(d.screen.contains("+ Reminders -"))
        #expect(d.terminal.frame.cells.allSatisfy { $0.style.fg == .terminalDefault && $0.style.bg == .terminalDefault })
        #expect(d.terminal.frame.cells.contains { $0.style.attributes.contains(.reverse) })
    }

    @Test func onlyChangedRowsArePresented() async {
        let d = Driver()
        await d.login("rep")
        let before = d.terminal.changedRows
        await d.type([.down])
        #expect(d.terminal.changedRows - before <= 3)
    }
}

@Suite struct CatalogTests {
    @Test func aCountOfOneReadsInTheSingularWhereTheLanguageHasOne() {
        #expect(Catalog(.en).text("list.audit.count", count: 1) == "1 entry")
        #expect(Catalog(.en).text("list.audit.count", count: 2) == "2 entries")
        #expect(Catalog(.zh).text("list.expenses.count", count: 1) == "1 笔费用")
    }

    @Test func anExportedReportNamesItsKPIsAndMonthsInTheUsersLanguage() {
        let sheet = Sheet(name: "kpi", columns: [.init("col.kpi"), .init("month.09", .money)],
                          rows: [[CellValue.status("kpi.sales").sheetValue, CellValue.notAvailable.sheetValue], [CellValue.status("report.company").sheetValue, CellValue.spark([1, 2]).sheetValue]])
            .localized(Catalog(.zh).exportLabels())
        #expect(sheet.columns.map(\.title) == [Catalog(.zh).text("col.kpi"), Catalog(.zh).text("month.09")])
        #expect(sheet.rows == [[.text("销售额（订单）"), .empty], [.text(Catalog(.zh).text("report.company")), .empty]])
    }

    @Test func englishAndChineseHaveTheSameKeys() {
        let en = Catalog.keys(.en), zh = Catalog.keys(.zh)
        #expect(en.subtracting(zh).sorted() == [])
        #expect(zh.subtracting(en).sorted() == [])
    }

    @Test func everyKeyTheAppUsesIsInTheCatalog() throws {
        var keys = Set<String>()
        for kind in ReminderKind.allCases { keys.insert("reminder.\(kind.rawValue)") }
        for role in Role.allCases { keys.insert("role.\(role.rawValue)") }
        for c in PaletteCommand.all { keys.insert(c.titleKey) }
        for name in Keymap.actionNames where !name.hasPrefix("tab-") || name == "tab-1" { keys.insert("action.\(name)") }
        for b in try BindingSamples.all() { keys.formUnion([b.label, b.help] + [b.unavailable, b.group.map { "action.group.\($0)" }].compactMap { $0 }) }
        let today = DateOnly(year: 2026, month: 11, day: 22)!
        for login in ["rep", "assistant", "finance", "purchasing", "manager"] {
            guard let actor = try Driver.database.user(login: login)?.actor else { continue }
            let d = try Driver.database.dashboard(for: actor, today: today)
            keys.formUnion(d.metrics.map(\.key))
            if !d.chartTitle.isEmpty { keys.insert(d.chartTitle) }
            if !d.sparkTitle.isEmpty { keys.insert(d.sparkTitle) }
        }
        let manager = try #require(try Driver.database.user(login: "manager")).actor
        for ref in [RecordRef(.customer, 1), RecordRef(.salesOrder, 1), RecordRef(.receivable, 1), RecordRef(.purchaseOrder, 1), RecordRef(.payable, 1), RecordRef(.product, 1), RecordRef(.supplier, 1), RecordRef(.contact, 1), RecordRef(.quote, 1), RecordRef(.quoteList, manager.userId), RecordRef(.performance, try #require(try Driver.database.user(login: "rep")).id)] {
            let card = try Driver.database.card(ref, for: manager, today: today)
            keys.formUnion(card.fields.map(\.label))
            keys.formUnion(card.sections.map(\.title))
            keys.formUnion(card.sections.flatMap(\.columns).map(\.key))
            for case .status(let key) in card.fields.map(\.value) + card.sections.flatMap({ $0.rows.flatMap { $0 } }) { keys.insert(key) }
        }
        let missing = keys.subtracting(Catalog.keys(.en)).sorted()
        #expect(missing == [])
    }

    /// Every error code the layers below use has its text in both languages.
    @Test func everyErrorCodeIsInBothCatalogs() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")
        var codes = Set<String>()
        let pattern = try Regex(#"(?:code: |UserMessage\()"(error\.[a-z0-9-]+)""#)
        for case let file as URL in FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)! where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: pattern) { if let code = match.output[1].substring { codes.insert(String(code)) } }
        }
        #expect(codes.count > 40)
        #expect(codes.subtracting(Catalog.keys(.en)).sorted() == [])
        #expect(codes.subtracting(Catalog.keys(.zh)).sorted() == [])
    }

    /// A refusal from the Store reads in Chinese in the Chinese UI, its arguments too.
    @Test func refusalsSpeakTheUsersLanguage() throws {
        let db = DemoFixture.make(inMemory: true)
        let rep = try #require(try db.user(login: "rep")).actor
        let accepted = try #require(try db.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM quotes WHERE status = 'accepted' AND owner_id = ? LIMIT 1", arguments: [rep.userId]) })
        do {
            try db.setQuoteStatus(id: accepted, to: .sent, by: rep, today: Driver.today, at: 0)
            Issue.record("an accepted quote was sent")
        } catch {
            let text = Catalog(.zh).text(error.userMessage)
            #expect(text == "不能从已接受变为已发送")
            #expect(Catalog(.en).text(error.userMessage) == "Cannot go from accepted to sent")
        }
        #expect(Catalog(.zh).text(StoreError.forbidden("this customer belongs to another sales rep").userMessage) == "你的角色无权在此执行此操作")
    }

    @Test func languageChoice() {
        #expect(Catalog.language(flag: "zh", environment: ["LANG": "en_US.UTF-8"]) == .zh)
        #expect(Catalog.language(flag: nil, environment: ["LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(Catalog.language(flag: nil, environment: ["LC_ALL": "C.UTF-8", "LANG": "zh_CN.UTF-8"]) == .en)
        #expect(Catalog.language(flag: nil, environment: [:]) == .en)
    }
}
