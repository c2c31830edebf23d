import Documents
import Domain
import Store
import TerminalCore
import Testing
@testable import Screens
@testable import Workspaces

/// Models at the places a user reaches, for reading their bindings.
enum BindingSamples {
    static let today = Driver.today

    static func actor(_ login: String) throws -> Actor { try #require(try Driver.database.user(login: login)).actor }

    static func model(_ login: String, _ screens: [AppModel.Screen]) throws -> AppModel {
        var m = AppModel(today: today)
        m.session = Session(actor: try actor(login), today: today)
        m.stack = [.home] + screens
        return m
    }

    static func card(_ ref: RecordRef, as login: String, tab: Int = 0, row: Int = 0) throws -> AppModel.Screen {
        var c = CardViewModel(ref: ref)
        _ = c.handle(.loaded(try Driver.database.card(ref, for: try actor(login), today: today)))
        c.tab = tab
        c.selection[tab] = row
        return .card(c)
    }

    /// The rep's quotes list with the row of the first quote in `status` selected.
    static func quoteRow(status: String) throws -> AppModel.Screen {
        let rep = try actor("rep")
        let list = try Driver.database.card(RecordRef(.quoteList, rep.userId), for: rep, today: today)
        let tab = try #require(list.sections.firstIndex { $0.title == "section.quotes" || !$0.rows.isEmpty }) + 1
        let section = list.sections[tab - 1]
        let statusColumn = try #require(section.column("col.status"))
        let row = try #require(section.rows.firstIndex { $0[statusColumn] == .status("status.\(status)") })
        var c = CardViewModel(ref: list.ref)
        _ = c.handle(.loaded(list))
        c.tab = list.tabbed ? tab : 0
        c.selection[c.tab] = row
        return .card(c)
    }

    static func orderRef() throws -> RecordRef {
        let manager = try actor("manager")
        let customer = try Driver.database.card(RecordRef(.customer, 1), for: manager, today: today)
        let orders = try #require(customer.sections.first { $0.title == "section.orders" })
        return try #require(orders.refs.first ?? nil)
    }

    /// Every binding of every place above, overlays and forms included.
    static func all() throws -> [Binding] {
        var models = [try model("rep", []), try model("rep", [.list(ListViewModel(.customers))]), try model("manager", [try card(orderRef(), as: "manager")])]
        for tab in 0..<9 { models.append(try model("rep", [try card(RecordRef(.customer, 1), as: "manager", tab: tab)])) }
        models[0].session = Session(actor: try actor("manager"), today: today)
        var bindings = models.flatMap { $0.screenBindings() }
        let overlays: [AppModel.Overlay] = [.help, .palette(PaletteModel(role: .salesRep)), .confirmQuit, .exportChoice,
                                            .preview(PrintPreview(number: "Q-1", document: RenderedDocument(text: "", format: .text, copies: 1, suggestedFile: "q.txt"), printer: "lp"))]
        for o in overlays { var m = models[0]; m.overlay = o; bindings += m.keyContext().bindings }
        return bindings
    }
}

@MainActor @Suite struct BindingTests {
    func names(_ m: AppModel) -> [String] { m.screenBindings().filter(\.applies).map(\.name) }

    @Test func aReadOnlyOrderCardOffersNoQuoteOrFollowUpMoves() throws {
        let m = try BindingSamples.model("manager", [try BindingSamples.card(try BindingSamples.orderRef(), as: "manager")])
        let offered = Set(names(m))
        #expect(offered.isDisjoint(with: ["log-contact", "postpone", "mark-done", "copy", "mark-sent", "accept", "reject", "edit", "new-record"]))
        #expect(offered.isSuperset(of: ["print", "back", "help"]))
    }

    @Test func eachNameIsOfferedOnceAndTheQuotesTabOffersNewQuote() throws {
        let quotesTab = try #require(try Driver.database.card(RecordRef(.customer, 1), for: try BindingSamples.actor("manager"), today: Driver.today)
            .sections.firstIndex { $0.title == "section.quotes" }) + 1
        let m = try BindingSamples.model("rep", [try BindingSamples.card(RecordRef(.customer, 1), as: "manager", tab: quotesTab)])
        let all = m.screenBindings().map(\.name)
        #expect(all.count == Set(all).count)
        let hints = BindingText(keymap: .standard, catalog: Catalog(.en)).hints(m.keyContext().bindings).map { "\($0.key) \($0.label)" }
        #expect(hints.contains("a new quote"))
        #expect(hints.filter { $0.hasPrefix("e ") }.count <= 1)
    }

    @Test func aSentQuoteCannotBeEditedAndTheKeySaysWhy() throws {
        let m = try BindingSamples.model("rep", [try BindingSamples.quoteRow(status: "sent")])
        let edit = try #require(m.screenBindings().first { $0.name == "edit" })
        #expect(edit.unavailable == "reason.quote-not-draft")
        #expect(!names(m).contains("edit") && names(m).contains("accept"))
        let routed = KeyRouter(keymap: .standard).route(.char("e"), model: m)
        #expect(routed == .action(.notice("reason.quote-not-draft", argument: "", isError: true)))
    }

    @Test func financeIsNotOfferedWhatOnlyRepsDo() throws {
        var m = try BindingSamples.model("finance", [])
        m.stack = [.home, .list(ListViewModel(.customers))]
        #expect(!names(m).contains("new-record") && !names(m).contains("log-contact"))
    }

    @Test func chineseKeyNamesAreChineseOrSymbols() async {
        let d = Driver(language: .zh)
        await d.login("rep")
        let bar = d.screen.split(separator: "\n").last.map(String.init) ?? ""
        #expect(bar.contains("↑↓ 移动") && bar.contains("回车 打开"))
        #expect(!bar.contains("down") && !bar.contains("enter"))
    }

    @Test func overlayKeysAreReboundFromKeysToml() async throws {
        let keymap = try Keymap.standard.overridden(byTOML: "[keys]\nyes = \"o\"\nexport-csv = \"v\"\n", file: "keys.toml")
        let d = Driver(keymap: keymap)
        await d.login("rep")
        await d.type("q")
        #expect(d.screen.contains("o yes"))
        await d.type("y")
        #expect(!d.shell.model.quitting && d.screen.contains("Quit Rapport?"))
        await d.type("o")
        #expect(d.shell.model.quitting)
    }

    @Test func helpListsWhatAppliesWithEveryKey() async {
        let d = Driver(width: 120, height: 40)
        await d.login("rep")
        await d.type("?")
        #expect(d.screen.contains("↑ k ↓ j") && d.screen.contains("Move up and down"))
        #expect(d.screen.contains("Log a call"))
        #expect(!d.screen.contains("Accept the quote"))
    }

    @Test func qOnACardSaysBackAndTheLoginHintFollowsTheKeymap() async throws {
        let m = try BindingSamples.model("manager", [try BindingSamples.card(try BindingSamples.orderRef(), as: "manager")])
        let q = try #require(m.screenBindings().first { $0.name == "quit" })
        #expect(q.label == "hint.back" && !q.hint)
        let keymap = try Keymap.standard.overridden(byTOML: "[keys]\nopen = [\"enter\", \"ctrl-o\"]\nforce-quit = \"ctrl-q\"\n", file: "keys.toml")
        let d = Driver(language: .zh, keymap: keymap)
        #expect(d.screen.contains("回车：登录") && d.screen.contains("Ctrl-Q：退出"))
    }

    @Test func aRowOfAnotherCardOpensItsRecordAndARefusalDoesNotFollowToTheNextScreen() throws {
        var m = try BindingSamples.model("rep", [])
        let rep = try BindingSamples.actor("rep")
        let reminders = try Driver.database.card(RecordRef(.reminders, rep.userId), for: rep, today: Driver.today)
        let birthdays = try #require(reminders.sections.firstIndex { $0.title == "reminder.birthday" && !$0.rows.isEmpty })
        var c = CardViewModel(ref: reminders.ref)
        _ = c.handle(.loaded(reminders))
        _ = c.handle(.showTab(birthdays + 1))
        m.stack.append(.card(c))
        #expect(!m.screenBindings().contains { $0.name == "edit" })
        let contact = try #require(reminders.sections[birthdays].refs.first ?? nil)
        #expect(m.handle(.openInCard, now: 0) == [.loadCard(contact)])
        _ = m.handle(.refused(UserMessage("error.forbidden")), now: 0)
        #expect(m.toast?.text == "error.forbidden")
        _ = m.handle(.back, now: 0)
        #expect(m.toast == nil)
    }
}

/// Ctrl-U erases what is typed in a list's search and in the palette (as it does in a form's
/// field), and they stay open for the next try.
@Suite struct TypingEraseTests {
    @Test func ctrlUErasesTheSearchAndThePalette() throws {
        #expect(KeyRouter.typed(.ctrl("u"), .listSearch) == .list(.searchErase))
        #expect(KeyRouter.typed(.ctrl("u"), .palette) == .palette(.erase))
        var list = ListViewModel(.orders)
        _ = list.handle(.beginSearch)
        for c in "1468" { _ = list.handle(.searchType(c)) }
        let effects = list.handle(.searchErase)
        #expect(list.search == "" && list.typingQuery && effects.count == 1)
        _ = list.handle(.searchType("b"))
        #expect(list.search == "b")
        var palette = PaletteModel(role: .salesAssistant)
        for c in "shipx" { _ = palette.handle(.type(c)) }
        #expect(palette.handle(.erase) == .stay && palette.query == "")
    }
}

