import Documents
import Domain
import Foundation
import GRDB
import Store
import TerminalCore
import TestSupport
import Testing
@testable import Workspaces

/// Card tables: true counts, pages read through SQL as the user scrolls, and exports of every
/// row with each column's kind.
@MainActor @Suite struct CardTableTests {
    static let db = DemoFixture.make(inMemory: true)
    let today = DemoFixture.today

    func manager() throws -> Actor { try #require(try CardTableTests.db.user(login: "manager")).actor }

    /// The customer with the most contact-log entries, and how many.
    func busiestCustomer() throws -> (id: Int64, entries: Int) {
        let pair = try CardTableTests.db.read { db in
            try Row.fetchOne(db, sql: "SELECT customer_id, COUNT(*) FROM contact_log GROUP BY customer_id ORDER BY 2 DESC LIMIT 1").map { ($0[0] as Int64, $0[1] as Int) }
        }
        return try #require(pair)
    }

    @Test func aTabShowsItsTrueCountAndReadsTheRestAsTheSelectionMoves() throws {
        let (id, entries) = try busiestCustomer()
        #expect(entries > RecordCard.pageSize, "the demo needs a customer with more log entries than a page")
        let card = try CardTableTests.db.card(RecordRef(.customer, id), for: try manager(), today: today)
        let log = try #require(card.sections.first { $0.title == "section.contact-log" })
        #expect(log.total == entries)
        #expect(log.rows.count == RecordCard.pageSize && log.hasMore)

        var model = CardViewModel(ref: card.ref)
        _ = model.handle(.loaded(card))
        model.tab = try #require(card.sections.firstIndex { $0.title == "section.contact-log" }) + 1
        var asked: [Effect] = []
        for _ in 0..<RecordCard.pageSize { asked += model.handle(.move(.down)) }
        #expect(asked == [.loadCardPage(card.ref, section: "section.contact-log", offset: RecordCard.pageSize)])
        let next = try CardTableTests.db.cardPage(card.ref, section: "section.contact-log", offset: RecordCard.pageSize, limit: RecordCard.pageSize,
                                                  for: try manager(), today: today)
        _ = model.handle(.pageLoaded(section: "section.contact-log", offset: RecordCard.pageSize, next))
        #expect(model.currentSection?.rows.count == min(entries, 2 * RecordCard.pageSize))
        // A page that arrives late for rows already replaced (a refresh) is dropped.
        _ = model.handle(.pageLoaded(section: "section.contact-log", offset: 7, next))
        #expect(model.currentSection?.rows.count == min(entries, 2 * RecordCard.pageSize))
    }

    @Test func aRepCannotPageAnotherRepsCustomer() throws {
        let (id, _) = try busiestCustomer()
        let owner = try CardTableTests.db.read { db in try Int64.fetchOne(db, sql: "SELECT owner_id FROM customers WHERE id = ?", arguments: [id]) }
        let other = try CardTableTests.db.read { db in try String.fetchOne(db, sql: "SELECT login FROM users WHERE role = 'sales_rep' AND id <> ? LIMIT 1", arguments: [owner]) }
        let login = try #require(other)
        let rep = try #require(try CardTableTests.db.user(login: login)).actor
        #expect(throws: StoreError.self) {
            try CardTableTests.db.cardPage(RecordRef(.customer, id), section: "section.contact-log", offset: 0, limit: 10, for: rep, today: today)
        }
    }

    /// `x` on a card's tab: every row (not only the pages read), money as money, quantities and
    /// percentages as numbers, dates as dates — read back by an independent reader.
    @Test func aCardTabExportsEveryRowWithItsKinds() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-cards-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let documents = DocumentServices(library: TemplateLibrary(directory: dir + "/templates", width: TextWidth { DisplayWidth.of($0) }),
                                         printer: PrinterSettings(directory: dir + "/printed"), exportDirectory: dir + "/exports")
        let runner = EffectRunner(database: CardTableTests.db, clock: DemoFixture.clock, documents: documents)
        let session = Session(actor: try manager(), today: today)
        let (id, entries) = try busiestCustomer()
        let opportunityCustomer = try #require(try CardTableTests.db.read { db in
            try Int64.fetchOne(db, sql: "SELECT customer_id FROM opportunities WHERE expected_close IS NOT NULL AND probability_bp > 0 LIMIT 1")
        })
        let order = try #require(try CardTableTests.db.read { db in try Int64.fetchOne(db, sql: "SELECT order_id FROM sales_order_lines WHERE discount_bp > 0 LIMIT 1") })
        let cases: [(RecordRef, String, [Int: String])] = [
            (RecordRef(.customer, id), "section.contact-log", [0: "date"]),
            (RecordRef(.customer, opportunityCustomer), "section.opportunities", [2: "number|#,##0.00", 3: "number|0.0%", 4: "number|#,##0.00", 5: "date"]),
            (RecordRef(.salesOrder, order), "section.lines", [3: "number|#,##0.###", 6: "number|#,##0.00", 7: "number|0.0%", 8: "number|#,##0.00"]),
        ]
        for (n, (ref, section, kinds)) in cases.enumerated() {
            let card = try CardTableTests.db.card(ref, for: session.actor, today: today)
            let columns = try #require(card.sections.first { $0.title == section }).columns
            let out = runner.perform(.export(.cardTable(ref, section: section, columns: columns, name: "t\(n)"), .xlsx), session: session)
            guard case .notice("export.done", let argument, false)? = out.first else { Issue.record("\(out)"); continue }
            let file = try #require(try FileManager.default.contentsOfDirectory(atPath: dir + "/exports").filter { $0.hasPrefix("t\(n)-") }.sorted().last)
            let rows = try #require(try WorkbookReader.read(dir + "/exports/" + file)["rows"] as? [[Any]])
            if section == "section.contact-log" { #expect(rows.count == entries + 1 && argument.hasPrefix("\(entries) ")) }
            for (column, kind) in kinds {
                let cells = rows.dropFirst().compactMap { $0[column] as? [Any] }
                #expect(!cells.isEmpty, "\(section) column \(column)")
                for cell in cells {
                    let type = cell.first as? String ?? "", format = cell.count > 2 ? cell[2] as? String ?? "" : ""
                    #expect(kind == type || kind == "\(type)|\(format)", "\(section) column \(column): \(cell)")
                }
            }
        }
    }

    /// Every reminder group of a role, each with all its items through the pages, equal to the
    /// home's totals; the home's "… N more" opens the group's tab.
    @Test func theRemindersCardHoldsEveryItemOfEveryGroup() async throws {
        for login in ["assistant", "finance", "rep"] {
            let actor = try #require(try CardTableTests.db.user(login: login)).actor
            let home = try CardTableTests.db.reminders(for: actor, today: today)
            let card = try CardTableTests.db.card(RecordRef(.reminders, actor.userId), for: actor, today: today)
            #expect(card.sections.map(\.title) == home.map { "reminder.\($0.kind.rawValue)" })
            for (section, group) in zip(card.sections, home) {
                #expect(section.total == group.total, "\(login) \(section.title)")
                var refs = section.refs
                while refs.count < section.total {
                    let page = try CardTableTests.db.cardPage(card.ref, section: section.title, offset: refs.count, limit: RecordCard.pageSize, for: actor, today: today)
                    if page.refs.isEmpty { break }
                    refs += page.refs
                }
                #expect(refs.count == group.total && Array(refs.prefix(group.items.count)) == group.items.map(\.record), "\(login) \(section.title)")
            }
        }
        let d = Driver(width: 100, height: 30, database: CardTableTests.db)
        await d.login("rep")
        let group = try #require(d.shell.model.home.rows.firstIndex { if case .group(_, let total, let shown) = $0 { return total > shown } else { return false } })
        while d.shell.model.home.selected < group { await d.type([.down]) }
        while d.shell.model.home.selected > group { await d.type([.up]) }
        await d.type([.enter])
        guard case .card(let opened)? = d.shell.model.current, case .group(let kind, let total, _) = d.shell.model.home.rows[group] else { Issue.record("no card"); return }
        #expect(opened.ref.kind == .reminders && opened.currentSection?.title == "reminder.\(kind.rawValue)" && opened.currentSection?.total == total)
        #expect(d.screen.contains("Reminders — every item"))
    }

    /// `:team-performance` shows the report `rapport report team-performance` prints: the same rows,
    /// its columns in tabs (each tab the rep and some of the figures); Enter on a rep opens the
    /// rep's own figures.
    @Test func theTeamReportIsTheSameValueInTheTUIAndOpensARep() async throws {
        let manager = try manager()
        let report = try CardTableTests.db.report(ReportRequest(name: "team-performance", period: .monthToDate(today)), for: manager)
        let d = Driver(width: 120, height: 40, database: CardTableTests.db)
        await d.login("manager")
        await d.type(":team-performance")
        await d.type([.enter])
        #expect(d.screen.contains("Team performance"))
        guard case .card(let card)? = d.shell.model.current, let table = card.currentSection else { Issue.record("no report"); return }
        #expect(table.total == report.rows.count && report.tabs.count == 3)
        // Every column of the report is on a tab, the rep first on each; the values are the report's.
        #expect(Set(report.tabs.flatMap(\.columns)) == Set(report.columns.indices) && report.tabs.allSatisfy { $0.columns.first == 0 })
        let sections = card.card?.sections ?? []
        for (tab, section) in zip(report.tabs, sections) {
            #expect(section.title == tab.title && section.rows == report.rows.map { row in tab.columns.map { row[$0] } })
        }
        #expect(d.screen.contains(Money(minorUnits: report.rows.last.map { if case .money(let m) = $0[1] { m.minorUnits } else { 0 } } ?? 0).formatted()))
        await d.type([.enter])
        guard case .card(let rep)? = d.shell.model.current else { Issue.record("no rep card"); return }
        #expect(rep.ref.kind == .performance)
    }
}
