import Testing
import Domain
import Store
@testable import Workspaces

@Suite struct LoginViewModelTests {
    @Test func typingAndSubmittingAsksToAuthenticate() {
        var m = LoginViewModel()
        for c in "rep" { _ = m.handle(.type(c), now: 0) }
        #expect(m.handle(.submit, now: 0) == [])  // Enter on the login field moves to the password
        #expect(m.focus == 1)
        for c in "demo" { _ = m.handle(.type(c), now: 0) }
        #expect(m.handle(.submit, now: 0) == [.authenticate(login: "rep", password: "demo")])
        #expect(m.busy)
        #expect(m.handle(.submit, now: 0) == [])  // no double submit while checking
    }

    @Test func threeRefusalsMakeTheFormWait() {
        var m = LoginViewModel(login: "rep")
        for _ in 0..<3 {
            for c in "bad" { _ = m.handle(.type(c), now: 100) }
            #expect(m.handle(.submit, now: 100).count == 1)
            _ = m.handle(.result(.refused, now: 100), now: 100)
            #expect(m.password.isEmpty)
        }
        #expect(m.message?.key == "login.wait")
        #expect(m.waitUntil == 130)
        for c in "demo" { _ = m.handle(.type(c), now: 110) }
        #expect(m.handle(.submit, now: 110) == [])
        #expect(m.message?.argument == "20")
        _ = m.handle(.tick(now: 131), now: 131)
        #expect(m.message?.key == "login.try-again")
        #expect(m.handle(.submit, now: 131) == [.authenticate(login: "rep", password: "demo")])
    }


}

@Suite struct HomeViewModelTests {
    func item(_ kind: ReminderKind, _ id: Int64) -> ReminderItem {
        ReminderItem(kind: kind, record: RecordRef(.customer, id), title: "客户\(id)", detail: "", date: nil, amount: nil, overdue: false)
    }

    func loaded() -> HomeViewModel {
        var m = HomeViewModel()
        let d = DateOnly(year: 2026, month: 11, day: 22)!
        _ = m.handle(.loaded(Dashboard(period: DateRange(from: d, to: d), metrics: []), [
            ReminderGroup(kind: .contactToday, total: 2, items: [item(.contactToday, 1), item(.contactToday, 2)]),
            ReminderGroup(kind: .contactTomorrow, total: 0, items: []),
            ReminderGroup(kind: .overdueFollowUp, total: 120, items: [item(.overdueFollowUp, 3)]),
        ]))
        return m
    }

    @Test func groupsWithItemsBeneathAndTheCursorSkipsHeadings() {
        var m = loaded()
        #expect(m.rows.count == 6)
        #expect(m.selected == 1)
        _ = m.handle(.move(.down)); #expect(m.selected == 2)
        // A heading whose group has more than the pane shows ("… 119 more") is a stop: Enter
        // opens every item of the group on its tab of the reminders card.
        _ = m.handle(.move(.down)); #expect(m.selected == 4)
        #expect(m.handle(.open) == [.loadCardAt(RecordRef(.reminders, 0), section: "reminder.overdue-follow-up")])
        _ = m.handle(.move(.down)); #expect(m.selected == 5)
        _ = m.handle(.move(.up)); #expect(m.selected == 4)
        _ = m.handle(.move(.up)); #expect(m.selected == 2)
        _ = m.handle(.move(.top)); #expect(m.selected == 1)
        _ = m.handle(.move(.bottom)); #expect(m.selected == 5)
        #expect(m.handle(.open) == [.loadCard(RecordRef(.customer, 3))])
    }

    @Test func refreshKeepsTheSelectedItem() {
        var m = loaded()
        _ = m.handle(.move(.bottom))
        let before = m.selectedItem
        _ = m.handle(.loaded(m.dashboard!, m.groups))
        #expect(m.selectedItem == before)
        #expect(m.generation == 2)
        #expect(m.handle(.refresh) == [.loadHome])
    }
}

@Suite struct AppModelTests {
    let today = DateOnly(year: 2026, month: 11, day: 22)!
    let rep = Actor(userId: 2, login: "rep", displayName: "张伟", role: .salesRep)

    func loggedIn(_ actor: Actor) -> AppModel {
        var m = AppModel(today: today)
        _ = m.handle(.login(.result(.success(actor), now: 0)), now: 0)
        return m
    }

    @Test func loginOpensTheRoleHome() {
        var m = AppModel(today: today)
        let effects = m.handle(.login(.result(.success(rep), now: 0)), now: 0)
        #expect(effects == [.loadHome])
        #expect(m.session?.actor == rep)
        #expect(m.current == .home)
    }

    @Test func paletteOffersOnlyWhatTheRoleMayOpen() {
        var m = loggedIn(Actor(userId: 9, login: "purchasing", displayName: "", role: .purchasing))
        _ = m.handle(.openPalette, now: 0)
        guard case .palette(let p)? = m.overlay else { Issue.record("no palette"); return }
        #expect(!p.matches.map(\.name).contains("customers"))
        var r = loggedIn(rep)
        _ = r.handle(.openPalette, now: 0)
        for c in "cus" { _ = r.handle(.palette(.type(c)), now: 0) }
        #expect(r.handle(.palette(.run), now: 0) == [.loadList(ListQuery(.customers, sort: "name"), after: nil, backwards: false, reset: true, inclusive: false, request: 1)])
        #expect(r.currentList?.kind == .customers)
        // A command typed by name that the role lacks does nothing.
        var p2 = loggedIn(Actor(userId: 9, login: "purchasing", displayName: "", role: .purchasing))
        #expect(p2.run(command: "customers", now: 0) == [])
        #expect(p2.current == .home)
    }

    @Test func logoutLeavesAnEmptyLoginField() {
        var m = loggedIn(rep)
        _ = m.run(command: "logout", now: 0)
        #expect(m.session == nil && m.loginModel.login.isEmpty && m.stack.isEmpty)
    }

    @Test func quitAsksFromHomeAndGoesBackElsewhere() {
        var m = loggedIn(rep)
        _ = m.handle(.cardLoaded(RecordCard(ref: RecordRef(.customer, 1), title: "x", fields: [], sections: [])), now: 0)
        #expect(m.stack.count == 2)
        _ = m.handle(.quit, now: 0)
        #expect(m.stack.count == 1)
        #expect(m.overlay == nil)
        _ = m.handle(.quit, now: 0)
        #expect(m.overlay == .confirmQuit)
        #expect(m.handle(.confirmQuit(false), now: 0) == [])
        #expect(!m.quitting)
        _ = m.handle(.quit, now: 0)
        #expect(m.handle(.confirmQuit(true), now: 0) == [.quit])
        #expect(m.quitting)
    }

    @Test func dataAndDateChangesRefreshWhatIsShown() {
        var m = loggedIn(rep)
        #expect(m.handle(.dataChanged, now: 0) == [.loadHome])
        let tomorrow = today.adding(days: 1)
        #expect(m.handle(.dayChanged(tomorrow), now: 0) == [.loadHome])
        #expect(m.session?.today == tomorrow)
        var out = AppModel(today: today)
        #expect(out.handle(.dataChanged, now: 0) == [])
    }

    @Test func toastsExpire() {
        var m = loggedIn(rep)
        _ = m.handle(.toast("已保存", isError: false), now: 10)
        _ = m.handle(.tick(now: 12), now: 12)
        #expect(m.toast != nil)
        _ = m.handle(.tick(now: 14), now: 14)
        #expect(m.toast == nil)
    }

    static let customers = ListQuery(.customers, sort: "name")

    func row(_ id: Int64, _ name: String) -> ListRow {
        ListRow(ref: RecordRef(.customer, id), cells: [.text("C\(id)"), .text(name)], cursor: ListCursor(.text(name), id: id))
    }

    func load(after: ListCursor?, backwards: Bool = false, reset: Bool = true, inclusive: Bool = false, _ request: Int) -> Effect {
        .loadList(AppModelTests.customers, after: after, backwards: backwards, reset: reset, inclusive: inclusive, request: request)
    }

    @Test func aListPagesAtTheEdges() {
        var m = ListViewModel(.customers)
        let page = (0..<ListViewModel.window).map { row(Int64($0), "n\($0)") }
        _ = m.handle(.loaded(ListPage(columns: [], rows: page), backwards: false, reset: true, total: 1000, request: 0))
        #expect(m.total == 1000)
        #expect(!m.atEnd)
        var effects: [Effect] = []
        for _ in 0..<20 { effects += m.handle(.move(.pageDown)) }
        #expect(effects.contains(load(after: ListCursor(.text("n199"), id: 199), reset: false, 1)))
        #expect(m.handle(.move(.top)) == [])
        #expect(m.selected == 0)
    }

    @Test func aRefreshKeepsTheSelectedRow() {
        var m = ListViewModel(.customers)
        let rows = (0..<50).map { row(Int64($0), "n\(100 + $0)") }
        _ = m.handle(.refresh)
        _ = m.handle(.loaded(ListPage(columns: [], rows: rows), backwards: false, reset: true, total: 50, request: 1))
        _ = m.handle(.move(.bottom))
        #expect(m.selected == 49)
        let effects = m.handle(.refresh)
        #expect(effects == [load(after: nil, 2)])
        _ = m.handle(.loaded(ListPage(columns: [], rows: rows), backwards: false, reset: true, total: 50, request: 2))
        #expect(m.selected == 49)
        // Away from the start, a refresh reads from the window's first row on, that row included.
        var far = ListViewModel(.customers)
        _ = far.handle(.loaded(ListPage(columns: [], rows: rows), backwards: false, reset: true, total: 500, request: 0))
        far.atStart = false
        #expect(far.handle(.refresh) == [load(after: rows[0].cursor, inclusive: true, 1)])
    }

    @Test func aRefreshFromTheTopKeepsTheListAtItsStart() {
        // Refreshed while at the top (keeping the selected row), the list is still at its start:
        // the next refresh reads from the top again, so a row that comes back before the first
        // one shows (a voided shipment's order reappears among the open orders).
        var m = ListViewModel(.openOrders)
        let rows = (1...5).map { row(Int64($0), "n\($0)") }
        _ = m.handle(.loaded(ListPage(columns: [], rows: rows), backwards: false, reset: true, total: 5, request: 0))
        _ = m.handle(.move(.down))
        let first = m.handle(.refresh)
        _ = m.handle(.loaded(ListPage(columns: [], rows: Array(rows.dropFirst())), backwards: false, reset: true, total: 4, request: m.request))
        #expect(m.atStart)
        let second = m.handle(.refresh)
        guard case .loadList(_, let after, _, _, _, _)? = second.first, case .loadList(_, let before, _, _, _, _)? = first.first else { Issue.record("no load"); return }
        #expect(after == nil && before == nil)
    }

    @Test func incrementalSearch() {
        var m = ListViewModel(.customers)
        _ = m.handle(.beginSearch)
        #expect(m.typingQuery)
        #expect(m.handle(.searchType("b")) == [.searchList(AppModelTests.customers, text: "b", request: 1)])
        #expect(m.handle(.searchType("j")) == [.searchList(AppModelTests.customers, text: "bj", request: 2)])
        let r = row(1, "北京华联")
        _ = m.handle(.searched(ListPage(columns: [], rows: [r, r]), text: "b", request: 1))  // stale answer
        #expect(m.rows.isEmpty)
        _ = m.handle(.searched(ListPage(columns: [], rows: [r]), text: "bj", request: 2))
        #expect(m.rows == [r] && m.total == 1)
        _ = m.handle(.acceptSearch)
        #expect(!m.typingQuery && m.showingResults)
        #expect(m.handle(.refresh) == [.searchList(AppModelTests.customers, text: "bj", request: 3)])
        #expect(m.handle(.clearSearch) == [load(after: nil, 4)])
        #expect(m.search.isEmpty)
    }

    @Test func aLateAnswerToAnOlderRequestIsDropped() {
        var m = ListViewModel(.customers)
        let first = m.handle(.refresh)
        let jump = m.handle(.move(.bottom))
        #expect(first == [load(after: nil, 1)])
        #expect(jump == [load(after: nil, backwards: true, 2)])
        let r = row(9, "Zhu")
        _ = m.handle(.loaded(ListPage(columns: [], rows: [r]), backwards: true, reset: true, total: 5, request: 2))
        _ = m.handle(.loaded(ListPage(columns: [], rows: []), backwards: false, reset: true, total: 5, request: 1))
        #expect(m.rows == [r])
    }

    @Test func sortsCycleAndAFilterStartsOver() {
        var m = ListViewModel(.openOrders)
        #expect(m.query.sort == "due-date")
        #expect(m.handle(.cycleSort) == [.loadList(ListQuery(.openOrders, sort: "order-date"), after: nil, backwards: false, reset: true, inclusive: false, request: 1)])
        _ = m.handle(.cycleSort)
        #expect(m.query.sort == "due-date")
        var c = ListViewModel(.customers)
        _ = c.handle(.setFilter(["status": "active"]))
        #expect(c.query.filter("status") == "active" && c.query.isFiltered)
    }
}
