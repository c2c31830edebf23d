import Domain
import GRDB

/// How the card of one record kind is read: its header (title and fields, after the access
/// check) and its tables. One builder per kind, each in its own file; `AppDatabase.cardBuilder`
/// finds it from the record's kind.
protocol CardBuilder {
    static func header(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> RecordCard
    /// The card's tables. Checks access itself: a later page is read without the header.
    static func sections(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> [CardSectionQuery]
    /// The whole card as it opens: the header, each table's true count and first page. A builder
    /// whose header and tables come from one computation (a report) reads it once here.
    static func card(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> RecordCard
}

/// The first cells of the rows that total a table.
enum CardBuilderTotals {
    static let labels: Set<CellValue> = [.status("report.total"), .status("report.team-total"), .status("report.company")]
}

extension CardBuilder {
    static func sections(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> [CardSectionQuery] { [] }

    static func card(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> RecordCard {
        var card = try header(db, id: id, actor: actor, today: today)
        card.sections = try opened(db, try sections(db, id: id, actor: actor, today: today))
        return card
    }

    /// Tables as a card opens with them: each one's true count and its first page.
    static func opened(_ db: Database, _ queries: [CardSectionQuery]) throws -> [RecordCard.Section] {
        try queries.map { q in
            let first = try q.page(db, offset: 0, limit: RecordCard.pageSize)
            var section = RecordCard.Section(title: q.title, columns: q.columns, rows: first.rows, refs: first.refs, total: try q.count(db), drills: first.drills)
            section.explanations = first.explanations
            // A table ending in its total row (all read at once) counts its other rows in the tab's title.
            section.hasTotalRow = section.total == first.rows.count && CardBuilderTotals.labels.contains(first.rows.last?.first ?? .empty)
            return section
        }
    }
}

/// A card's table: the columns it shows, how its rows are counted, and how a page of them is read
/// (typed cells, and the record each row stands for). Usually SQL — `FROM … WHERE …`, an order
/// and a row mapping — so the same query counts the rows, reads the first page with the card, and
/// later pages as the user scrolls.
struct CardSectionQuery {
    var title: String
    var columns: [ColumnSpec]
    private var counter: (Database) throws -> Int
    private var reader: (Database, Int, Int?) throws -> CardPage

    init(title: String, columns: [ColumnSpec], count: @escaping (Database) throws -> Int, page: @escaping (Database, Int, Int?) throws -> CardPage) {
        self.title = title; self.columns = columns; counter = count; reader = page
    }

    init(title: String, columns: [ColumnSpec], select: String, from: String, order: String, arguments: StatementArguments = [],
         row: @escaping (Row) -> (cells: [CellValue], ref: RecordRef?)) {
        self.init(title: title, columns: columns, count: { db in
            // A grouped query counts its groups.
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (SELECT 1 \(from))", arguments: arguments) ?? 0
        }, page: { db, offset, limit in
            let rows = try Row.fetchAll(db, sql: "SELECT \(select) \(from) ORDER BY \(order) LIMIT \(limit ?? -1) OFFSET \(max(0, offset))", arguments: arguments)
            let mapped = rows.map(row)
            return CardPage(rows: mapped.map(\.cells), refs: mapped.contains { $0.ref != nil } ? mapped.map(\.ref) : [])
        })
    }

    /// The true row count.
    func count(_ db: Database) throws -> Int { try counter(db) }

    /// Rows from `offset`; all the rest when `limit` is nil.
    func page(_ db: Database, offset: Int, limit: Int?) throws -> CardPage { try reader(db, offset, limit) }
}

extension ColumnSpec {
    static func text(_ key: String, flexible: Bool = false) -> ColumnSpec { ColumnSpec(key, .text, flexible: flexible) }
    static func name(_ key: String) -> ColumnSpec { ColumnSpec(key, .text, flexible: true) }
    /// The customer column gives way before amounts when a table is narrow.
    static let customer = ColumnSpec("col.customer", .text, flexible: true, shrinks: true)
    static func money(_ key: String) -> ColumnSpec { ColumnSpec(key, .money) }
    static func quantity(_ key: String) -> ColumnSpec { ColumnSpec(key, .quantity) }
    static func date(_ key: String) -> ColumnSpec { ColumnSpec(key, .date) }
    static func status(_ key: String = "col.status") -> ColumnSpec { ColumnSpec(key, .status) }
    static func percent(_ key: String) -> ColumnSpec { ColumnSpec(key, .percent) }
    static func integer(_ key: String) -> ColumnSpec { ColumnSpec(key, .integer) }
}
