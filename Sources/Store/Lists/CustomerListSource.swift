import Domain
import GRDB

/// The customer list on the generic list: the keyset pages, count and search the customer list
/// always had (`customerPage`, `customerCount`, `customerSearch`), as typed rows. The fifth
/// column follows the sort: the phone, or what the list is sorted by.
enum CustomerListSource: ListSource {
    static let sorts = ListKind.customers.sorts

    static func sort(_ query: ListQuery) -> CustomerSort { CustomerSort(rawValue: query.sort) ?? .name }

    static func columns(_ query: ListQuery) -> [ColumnSpec] {
        let fifth: ColumnSpec
        switch sort(query) {
        case .lastContact: fifth = ColumnSpec("col.last-contact", .date, width: 12)
        case .openReceivables: fifth = ColumnSpec("col.open", .money, width: 14)
        default: fifth = ColumnSpec("col.phone", width: 11)
        }
        // Fixed widths: the columns stay put as the window pages; the name takes what is left.
        return [ColumnSpec("col.code", width: 8), ColumnSpec("col.customer", flexible: true, shrinks: true, width: 14), ColumnSpec("col.status", .status, width: 8),
                ColumnSpec("col.owner", shrinks: true, width: 8), fifth, ColumnSpec("col.next-contact", .date, width: 10), ColumnSpec("col.last-order", .date, width: 10)]
    }

    static func row(_ r: CustomerRow, sort: CustomerSort) -> ListRow {
        func date(_ s: String) -> CellValue { DateOnly(iso: s).map { .date($0) } ?? .empty }
        let fifth: CellValue
        switch sort {
        case .lastContact: fifth = date(r.lastContact)
        case .openReceivables: fifth = .money(Money(minorUnits: r.openBalance))
        default: fifth = .text(orEmpty: r.phone)
        }
        let c = sort.cursor(after: r)
        return ListRow(ref: RecordRef(.customer, r.id), cells: [.text(r.code), .text(r.name), .status("status.\(r.status)"), .text(orEmpty: r.owner), fifth,
                                                              date(r.nextContact), date(r.lastOrder)],
                       cursor: ListCursor(c.number.map { .number($0) } ?? .text(c.text ?? ""), id: c.id))
    }

    static func page(_ store: AppDatabase, _ query: ListQuery, after: ListCursor?, inclusive: Bool, limit: Int, backwards: Bool, actor: Actor, today: DateOnly) throws(StoreError) -> [ListRow] {
        let s = sort(query)
        let cursor = after.map { a -> CustomerCursor in
            // From the row itself: continue after the id just before it in the list's direction.
            let id = inclusive ? a.id + (s.descending ? 1 : -1) : a.id
            switch a.key {
            case .text(let t): return CustomerCursor(text: t, id: id)
            case .number(let n): return CustomerCursor(number: n, id: id)
            }
        }
        return try store.customerPage(for: actor, sort: s, filter: CustomerFilter(query), after: cursor, limit: limit, backwards: backwards).map { row($0, sort: s) }
    }

    static func count(_ store: AppDatabase, _ query: ListQuery, actor: Actor, today: DateOnly) throws(StoreError) -> Int {
        try store.customerCount(for: actor, filter: CustomerFilter(query))
    }

    /// How many entries of the name index a keystroke's search reads at most (everyone's customers).
    static let searchWindow = 20_000

    static func typedSearch(_ store: AppDatabase, _ query: ListQuery, text: String, limit: Int, actor: Actor, today: DateOnly) throws(StoreError) -> ListPage {
        let s = sort(query)
        let found = try store.customerSearch(for: actor, query: text, limit: limit, window: searchWindow)
        return ListPage(columns: columns(query), rows: found.rows.map { row($0, sort: s) }, complete: found.complete)
    }

    static func search(_ store: AppDatabase, _ query: ListQuery, text: String, limit: Int, actor: Actor, today: DateOnly) throws(StoreError) -> [ListRow] {
        let s = sort(query)
        return try store.customerSearch(for: actor, query: text, limit: limit).map { row($0, sort: s) }
    }
}

extension CustomerFilter {
    /// The customer list's filters as the generic list carries them.
    public init(_ query: ListQuery) {
        self.init(status: CustomerStatus(rawValue: query.filter("status")), tag: query.filter("tag"), region: query.filter("region"))
        owner = Int64(query.filter("rep"))
        incomplete = query.filter("incomplete") == "1"
        if let from = DateOnly(iso: query.filter("from")), let to = DateOnly(iso: query.filter("to")) {
            switch query.filter("date") {
            case "first-order": firstOrder = DateRange(from: from, to: to)
            case "created": created = DateRange(from: from, to: to)
            case "churned": churned = Int(query.filter("dormant")).map { Churn(period: DateRange(from: from, to: to), dormantDays: $0) }
            default: break
            }
        }
    }

    public var listFilter: [String: String] { ["status": status?.rawValue ?? "", "tag": tag, "region": region] }
}
