import ArgumentParser
import Documents
import Domain
import Foundation
import Screens
import Store
import TerminalCore
import Workspaces

/// `rapport bench --db large.sqlite`: the performance budgets (README, Performance) measured on a demo file.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "Measure first frame, key → frame, pane refresh, RSS and idle CPU on a demo database.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Keys to time per screen.") var keys: Int = 300
    @Option(help: "Only these logins (comma-separated; default: rep, assistant, finance, purchasing, manager).") var roles: String?

    @MainActor
    mutating func run() async throws {
        let processStart = BenchCommand.processStartSeconds()
        let path = global.databasePath()
        // It logs in as every role without a password and writes documents: a demo's work only.
        guard AppDatabase.isDemoFile(path: path) else {
            throw ValidationError("bench runs on a demo database only (rapport demo --size large --db FILE), and \(path) is not one")
        }
        let clock = SystemClock(fixedToday: try global.fixedToday())
        let today = clock.today()
        print("Rapport benchmark on \(path), today \(today.iso) (budgets in brackets)")
        let opened = Date()
        let database = try AppDatabase.open(path: path, create: false)
        print(String(format: "open database: %.1f ms", Date().timeIntervalSince(opened) * 1000))
        let counts = try database.read { db in
            try ["customers", "sales_orders", "sales_order_lines"].map { ($0, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? 0) }
        }
        print("rows: " + counts.map { "\($0.0) \($0.1)" }.joined(separator: ", "))
        let config = UIConfig(theme: .builtIn, catalog: Catalog(.en), keymap: .standard)
        var first = true
        for login in roles?.split(separator: ",").map(String.init) ?? ["rep", "assistant", "finance", "purchasing", "manager"] {
            guard let account = try database.user(login: login) else { continue }
            let actor = account.actor
            // First frame: from process start (first role) or from session start, through the
            // home's queries, to a presented frame.
            let t0 = Date()
            let terminal = HeadlessTerminal(width: 120, height: 40)
            var model = AppModel(today: today)
            _ = model.handle(.login(.result(.success(actor), now: clock.nowSeconds())), now: clock.nowSeconds())
            let runner = EffectRunner(database: database, clock: clock)
            for a in runner.perform(.loadHome, session: model.session) { _ = model.handle(a, now: clock.nowSeconds()) }
            let shell = AppShell(model: model, runner: runner, terminal: terminal, config: config, watcher: nil, clock: clock, companyName: "")
            shell.present()
            let firstFrame = Date().timeIntervalSince(t0) * 1000
            let fromStart = first ? (Date().timeIntervalSince1970 - processStart) * 1000 : firstFrame
            first = false
            print(String(format: "\n[%@] first home frame: %.1f ms (from process start %.1f ms) [< 300 ms]", login, firstFrame, fromStart))

            try benchHome(shell: shell, terminal: terminal, database: database, actor: actor, today: today)
            if actor.can(.viewOwnCustomers) || actor.can(.viewAllCustomers) {
                let ids = try await benchCustomerList(shell: shell, terminal: terminal, database: database, actor: actor, today: today)
                if actor.can(.editQuotes), let customer = ids.first {
                    try await benchQuotes(shell: shell, terminal: terminal, runner: runner, actor: actor, customer: customer, today: today)
                }
                try benchDocuments(database: database, clock: clock, actor: actor, today: today)
                if actor.can(.editSalesOrders) || actor.can(.postShipments) {
                    try benchOrders(shell: shell, terminal: terminal, database: database, actor: actor, today: today)
                }
            }
            try benchPurchasing(shell: shell, terminal: terminal, database: database, actor: actor, today: today)
            try benchPosting(database: database, actor: actor, today: today)
            try benchFinance(database: database, actor: actor, today: today)
            try benchKPI(database: database, actor: actor, today: today)
            if actor.can(.manageUsers) { try await benchAudit(shell: shell, terminal: terminal, database: database, actor: actor) }
        }
        // Idle: the real loop with nothing to do, for 3 s.
        let terminal = HeadlessTerminal()
        let shell = AppShell(model: AppModel(today: today), runner: EffectRunner(database: database, clock: clock), terminal: terminal, config: config,
                             watcher: DataVersionWatcher(path: path), clock: clock, companyName: "")
        let cpu0 = BenchCommand.cpuSeconds()
        let wall0 = Date()
        shell.stopRequested = { Date().timeIntervalSince(wall0) > 3 }
        await shell.run()
        let cpu = BenchCommand.cpuSeconds() - cpu0
        print(String(format: "\nidle loop: %.2f %% of a core over %.1f s [< 1 %%]", cpu / Date().timeIntervalSince(wall0) * 100, Date().timeIntervalSince(wall0)))
        print("peak RSS: \(BenchCommand.peakRSSKiB() / 1024) MiB [< 150 MB]")
    }

    /// The slowest of `runs` timings of `body`, in ms.
    static func worst(_ runs: Int, _ body: () throws -> Void) rethrows -> Double {
        var most = 0.0
        for _ in 0..<runs {
            let t = Date()
            try body()
            most = max(most, Date().timeIntervalSince(t) * 1000)
        }
        return most
    }

    /// A role's home: reminder and KPI pane refreshes, the team report where the role has it,
    /// key → frame on the home.
    @MainActor func benchHome(shell: AppShell, terminal: HeadlessTerminal, database: AppDatabase, actor: Actor, today: DateOnly) throws {
        var reminderTimes: [Double] = [], kpiTimes: [Double] = []
        for _ in 0..<5 {
            let a = Date(); _ = try database.reminders(for: actor, today: today); reminderTimes.append(Date().timeIntervalSince(a) * 1000)
            let b = Date(); _ = try database.dashboard(for: actor, today: today); kpiTimes.append(Date().timeIntervalSince(b) * 1000)
        }
        print(String(format: "  reminder pane refresh p50 %.1f ms, max %.1f ms; KPI pane refresh p50 %.1f ms, max %.1f ms [< 100 ms]",
                     pct(reminderTimes, 50), reminderTimes.max() ?? 0, pct(kpiTimes, 50), kpiTimes.max() ?? 0))
        if actor.can(.viewDepartmentPerformance) || actor.can(.viewAllKPIs) {
            let month = try BenchCommand.worst(3) { _ = try database.report(ReportRequest(name: "team-performance", period: .monthToDate(today)), for: actor) }
            let year = try BenchCommand.worst(3) { _ = try database.report(ReportRequest(name: "team-performance", period: .yearToDate(today)), for: actor) }
            print(String(format: "  team performance report: month %.1f ms, year to date %.1f ms (worst of 3) [< 100 ms, < 300 ms]", month, year))
        }

        var frameTimes: [Double] = []
        for i in 0..<keys {
            terminal.type([i % 40 < 20 ? .down : .up])
            let k = Date(); shell.step(); frameTimes.append(Date().timeIntervalSince(k) * 1000)
        }
        print(String(format: "  home key → frame p50 %.2f ms, p99 %.2f ms [p99 < 16 ms]", pct(frameTimes, 50), pct(frameTimes, 99)))
    }

    /// The customer list: paging key → frame, search per keystroke, every sort's pages, cards.
    /// Returns the first customers of the role (for the quote form).
    @MainActor func benchCustomerList(shell: AppShell, terminal: HeadlessTerminal, database: AppDatabase, actor: Actor, today: DateOnly) async throws -> [Int64] {
        shell.apply(.openPalette); shell.apply(.palette(.type("c"))); shell.apply(.palette(.type("u"))); shell.apply(.palette(.run))
        while shell.isBusy { shell.step(); try await Task.sleep(nanoseconds: 1_000_000) }
        var listTimes: [Double] = []
        for i in 0..<keys {
            terminal.type([i < keys / 2 ? .pageDown : .pageUp])
            let k = Date(); shell.step(); listTimes.append(Date().timeIntervalSince(k) * 1000)
            while shell.isBusy { shell.step(); try await Task.sleep(nanoseconds: 200_000) }
        }
        // Incremental search: every prefix of a few queries, as typed — the list's search.
        var searchTimes: [Double] = [], partial = 0
        for word in ["bjhl", "beijing", "北京华联", "京", "trading", "northwind", "c00012", "138", "info@c", "zzzq"] {
            var typed = ""
            for ch in word {
                typed.append(ch)
                let t = Date()
                let page = try database.listSearch(ListQuery(.customers, sort: "name"), text: typed, limit: 200, for: actor, today: today)
                searchTimes.append(Date().timeIntervalSince(t) * 1000)
                if !page.complete { partial += 1 }
            }
        }
        print(String(format: "  customer search per keystroke p50 %.2f ms, p99 %.2f ms, max %.2f ms over %d keystrokes (%d answered from the first names only) [p99 < 10 ms]",
                     pct(searchTimes, 50), pct(searchTimes, 99), searchTimes.max() ?? 0, searchTimes.count, partial))
        let pageLoad = Date()
        _ = try database.customerPage(for: actor, after: CustomerCursor(text: "M", id: 0), limit: ListViewModel.window)
        print(String(format: "  customer list key → frame p50 %.2f ms, p99 %.2f ms [p99 < 16 ms]; keyset page of %d: %.1f ms",
                     pct(listTimes, 50), pct(listTimes, 99), ListViewModel.window, Date().timeIntervalSince(pageLoad) * 1000))
        // Every other order of the list: the first page and one from the middle.
        var sortTimes: [String] = []
        for sort in CustomerSort.allCases {
            let a = Date()
            let page = try database.customerPage(for: actor, sort: sort, after: nil, limit: ListViewModel.window)
            let firstPage = Date().timeIntervalSince(a) * 1000
            let b = Date()
            if let mid = page.dropFirst(page.count / 2).first {
                _ = try database.customerPage(for: actor, sort: sort, after: sort.cursor(after: mid), limit: ListViewModel.window)
            }
            sortTimes.append(String(format: "%@ %.1f/%.1f", sort.rawValue, firstPage, Date().timeIntervalSince(b) * 1000))
        }
        print("  sorted pages (first/next, ms): " + sortTimes.joined(separator: ", ") + " [part of key → frame < 16 ms]")
        // Opening a customer card (every tab's data is read at once), for customers of this role.
        let ids = try database.customerPage(for: actor, after: CustomerCursor(text: "", id: 0), limit: 400).map(\.id)
        var cardTimes: [Double] = []
        for id in ids.enumerated().filter({ $0.offset % 20 == 0 }).map(\.element) {
            let c = Date(); _ = try database.card(RecordRef(.customer, id), for: actor, today: today); cardTimes.append(Date().timeIntervalSince(c) * 1000)
        }
        print(String(format: "  customer card open p50 %.1f ms, max %.1f ms over %d cards [< 50 ms]", pct(cardTimes, 50), cardTimes.max() ?? 0, cardTimes.count))
        return ids
    }

    /// `p` and `x`: a quote rendered for the preview (read + template), and the whole customer
    /// list of the role exported as .xlsx (every row, through the effect the TUI runs).
    func benchDocuments(database: AppDatabase, clock: any Clock, actor: Actor, today: DateOnly) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-bench-\(ProcessInfo.processInfo.processIdentifier)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let documents = DocumentServices(library: TemplateLibrary(directory: dir + "/templates", width: TextWidth { DisplayWidth.of($0) }),
                                         printer: PrinterSettings(directory: dir + "/printed"), exportDirectory: dir + "/exports")
        let runner = EffectRunner(database: database, clock: clock, documents: documents)
        let session = Session(actor: actor, today: today)
        let quotes = try database.read { db in
            try Int64.fetchAll(db, sql: """
                SELECT q.id FROM quotes q JOIN customers c ON c.id = q.customer_id WHERE (? OR c.owner_id = ?) ORDER BY q.id DESC LIMIT 10
                """, arguments: [!actor.restrictedToOwnCustomers, actor.userId])
        }
        var printTimes: [Double] = []
        for id in quotes {
            let t = Date(); _ = runner.perform(.preparePrint(RecordRef(.quote, id)), session: session); printTimes.append(Date().timeIntervalSince(t) * 1000)
        }
        let rows = try database.customerCount(for: actor)
        let e = Date()
        _ = runner.perform(.export(.list(ListQuery(.customers, sort: "name"), search: nil), .xlsx), session: session)
        let exportTime = Date().timeIntervalSince(e) * 1000
        print(String(format: "  print preview (read + render a quote) p50 %.1f ms, max %.1f ms over %d quotes; customer list → .xlsx %.0f ms for %d rows (in the background)",
                     pct(printTimes, 50), printTimes.max() ?? 0, printTimes.count, exportTime, rows))
    }

    /// The quote form: opening it (every product for the look-up), typing product look-ups
    /// (code, pinyin initials, name) and adding lines, key → frame; the quote list.
    @MainActor func benchQuotes(shell: AppShell, terminal: HeadlessTerminal, runner: EffectRunner, actor: Actor, customer: Int64, today: DateOnly) async throws {
        let database = runner.database
        let o = Date()
        _ = try database.card(RecordRef(.quoteList, actor.userId), for: actor, today: today)
        let listTime = Date().timeIntervalSince(o) * 1000
        let f = Date()
        shell.apply(.editorReady(EditorModel.quote(nil, copy: false, customerId: customer, customerName: "", products: try database.productOptions(), today: today)))
        shell.step()
        let openTime = Date().timeIntervalSince(f) * 1000
        let keyTimes = keyLines(shell: shell, terminal: terminal)
        let lines = { () -> Int in if case .editor(let e)? = shell.model.current { return e.lines?.items.count ?? 0 } else { return 0 } }()
        print(String(format: "  quote form open %.1f ms (%d products); key → frame while keying lines p50 %.2f ms, p99 %.2f ms over %d keys, %d lines added [p99 < 16 ms]; quote list %.1f ms",
                     openTime, try database.productOptions().count, pct(keyTimes, 50), pct(keyTimes, 99), keyTimes.count, lines, listTime))
        shell.apply(.back)
    }

    /// Keys six lines into the open document form (product look-ups by code, pinyin, Chinese and
    /// English names; quantity; price; discount), timing key → frame.
    @MainActor func keyLines(shell: AppShell, terminal: HeadlessTerminal) -> [Double] {
        var keyTimes: [Double] = []
        for query in ["p0012", "tgg", "碳钢", "bearing", "lsz", "p02"] {
            let keys: [KeyEvent] = query.map { .char($0) } + [.enter, .char("3"), .enter, .enter, .char("5"), .enter]
            for key in keys {
                terminal.type([key])
                let k = Date(); shell.step(); keyTimes.append(Date().timeIntervalSince(k) * 1000)
            }
            // A look-up that matched nothing leaves its text: clear it for the next one.
            terminal.type([.ctrl("u")]); shell.step()
        }
        return keyTimes
    }

    func pct(_ values: [Double], _ p: Int) -> Double {
        guard !values.isEmpty else { return 0 }
        let s = values.sorted()
        return s[min(s.count - 1, (s.count * p) / 100)]
    }

    static func peakRSSKiB() -> Int {
        guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in s.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
        }
        return 0
    }

    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }

    /// Process start time from /proc/self/stat (field 22, in clock ticks since boot).
    static func processStartSeconds() -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
              let uptime = try? String(contentsOfFile: "/proc/uptime", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return Date().timeIntervalSince1970 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        let ticks = Double(fields.count > 19 ? fields[19] : "0") ?? 0
        let hz = Double(sysconf(Int32(_SC_CLK_TCK)))
        let up = Double(uptime.split(separator: " ").first ?? "0") ?? 0
        return Date().timeIntervalSince1970 - (up - ticks / hz)
    }
}
