import Domain
import Store

/// The customer list, paged through SQL by (name, id): it holds one window of rows and asks for
/// the next or previous page when the cursor reaches an edge.
public struct CustomerListViewModel: Sendable, Equatable {
    public var rows: [CustomerRow] = []
    public var selected = 0
    public var total = 0
    public var loading = true
    public var atStart = true
    public var atEnd = false
    public var error: UserMessage?
    public var pageSize = 20
    /// Numbers each page request; an answer to an older request (the user jumped meanwhile) is dropped.
    public var request = 0
    /// After a refresh, the customer to select again when the page arrives.
    public var keepSelection: Int64?
    /// Incremental search: what is typed after `/`, and whether keys still go to it.
    public var query = ""
    public var typingQuery = false
    public var showingResults: Bool { !query.isEmpty }
    public var sort: CustomerSort = .name
    public var filter = CustomerFilter()
    public static let window = 200

    public init() {}

    public enum Action: Sendable, Equatable {
        case loaded([CustomerRow], backwards: Bool, reset: Bool, total: Int?, request: Int)
        case failed(UserMessage)
        case move(ListMotion)
        case open
        case refresh
        case beginSearch
        case searchType(Character)
        case searchBackspace
        case acceptSearch
        case clearSearch
        case searched([CustomerRow], query: String, request: Int)
        /// The next of the list's orders (name, last contact, next contact, last order, open receivables).
        case cycleSort
        case setFilter(CustomerFilter)
    }

    public mutating func handle(_ action: Action) -> [Effect] {
        switch action {
        case .loaded(let page, let backwards, let reset, let count, let answered):
            guard answered == request else { return [] }
            loading = false
            if let count { total = count }
            if reset {
                let anchored = keepSelection != nil
                rows = page; selected = backwards ? max(0, page.count - 1) : 0
                atStart = !backwards && !anchored; atEnd = backwards || page.count < CustomerListViewModel.window / 2
                if backwards { atStart = page.count < CustomerListViewModel.window / 2 }
                if let keep = keepSelection, let i = rows.firstIndex(where: { $0.id == keep }) { selected = i }
                keepSelection = nil
                return []
            }
            if backwards {
                atStart = page.count < CustomerListViewModel.window / 2
                rows = page + rows
                selected += page.count
                if rows.count > CustomerListViewModel.window * 2 { rows.removeLast(rows.count - CustomerListViewModel.window * 2); atEnd = false }
            } else {
                atEnd = page.count < CustomerListViewModel.window / 2
                rows += page
                if rows.count > CustomerListViewModel.window * 2 {
                    let drop = rows.count - CustomerListViewModel.window * 2
                    rows.removeFirst(drop); selected -= drop; atStart = false
                }
            }
        case .failed(let e):
            loading = false; error = e
        case .move(let m) where showingResults:
            selected = m.apply(to: selected, count: rows.count, page: pageSize)
        case .move(let m):
            if m == .top && !atStart { keepSelection = nil; return [load(after: nil, backwards: false, reset: true)] }
            if m == .bottom && !atEnd { keepSelection = nil; return [load(after: nil, backwards: true, reset: true)] }
            selected = m.apply(to: selected, count: rows.count, page: pageSize)
            if !loading, !atEnd, selected >= rows.count - pageSize, let last = rows.last {
                return [load(after: sort.cursor(after: last), backwards: false, reset: false)]
            }
            if !loading, !atStart, selected < pageSize, let first = rows.first {
                return [load(after: sort.cursor(after: first), backwards: true, reset: false)]
            }
        case .open:
            if rows.indices.contains(selected) { return [.loadCard(RecordRef(.customer, rows[selected].id))] }
        case .beginSearch:
            typingQuery = true
        case .searchType(let c):
            query.append(c)
            return [search()]
        case .searchBackspace:
            guard !query.isEmpty else { typingQuery = false; return [] }
            query.removeLast()
            return query.isEmpty ? [load(after: nil, backwards: false, reset: true)] : [search()]
        case .acceptSearch:
            typingQuery = false
        case .clearSearch:
            typingQuery = false
            guard !query.isEmpty else { return [] }
            query = ""
            return [load(after: nil, backwards: false, reset: true)]
        case .searched(let found, let q, let answered):
            guard answered == request, q == query else { return [] }
            loading = false
            rows = found
            selected = 0
            total = found.count
            atStart = true; atEnd = true
        case .refresh where showingResults:
            return [search()]
        case .refresh:
            // Data changed (here or in another session): reload the window where it is and keep
            // the same customer selected, rather than jumping back to the top.
            guard !atStart, let first = rows.first, rows.indices.contains(selected) else {
                keepSelection = rows.indices.contains(selected) ? rows[selected].id : nil
                return [load(after: nil, backwards: false, reset: true)]
            }
            keepSelection = rows[selected].id
            var from = sort.cursor(after: first)
            from.id += sort.descending ? 1 : -1
            return [load(after: from, backwards: false, reset: true)]
        case .cycleSort:
            let all = CustomerSort.allCases
            sort = all[((all.firstIndex(of: sort) ?? 0) + 1) % all.count]
            keepSelection = nil
            query = ""; typingQuery = false
            return [load(after: nil, backwards: false, reset: true)]
        case .setFilter(let f):
            filter = f
            keepSelection = nil
            query = ""; typingQuery = false
            return [load(after: nil, backwards: false, reset: true)]
        }
        return []
    }

    mutating func search() -> Effect {
        loading = true
        request += 1
        return .searchCustomers(query: query, request: request)
    }

    mutating func load(after: CustomerCursor?, backwards: Bool, reset: Bool) -> Effect {
        loading = true
        request += 1
        return .loadCustomers(after: after, backwards: backwards, reset: reset, request: request, sort: sort, filter: filter)
    }
}
