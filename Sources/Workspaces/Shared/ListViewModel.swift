import Domain
import Store

/// Any list (customers, open orders …), paged through SQL by its sort key and id: it holds one
/// window of typed rows and asks for the next or previous page when the cursor nears an edge.
/// `/` searches, `s` cycles the sorts, `f` filters, `x` exports the whole list as the user has it.
public struct ListViewModel: Sendable, Equatable {
    public var query: ListQuery
    /// The sorts `s` cycles through (the first is the list's default).
    public var sorts: [String]
    public var columns: [ColumnSpec] = []
    public var rows: [ListRow] = []
    public var selected = 0
    public var total = 0
    public var loading = true
    public var atStart = true
    public var atEnd = false
    public var error: UserMessage?
    public var pageSize = 20
    /// Numbers each page request; an answer to an older request (the user jumped meanwhile) is dropped.
    public var request = 0
    /// After a refresh, the row to select again when the page arrives.
    public var keepSelection: Int64?
    /// The page being waited for starts at the top of the list.
    var loadingFromTop = false
    /// Incremental search: what is typed after `/`, and whether keys still go to it.
    public var search = ""
    public var typingQuery = false
    public var showingResults: Bool { !search.isEmpty }
    /// The search looked through part of the list only: a letter more searches everything.
    public var searchComplete = true
    /// Rows marked (`v`) for one print job, in the order they were marked.
    public var marked: [RecordRef] = []
    public static let window = 200

    public init(_ query: ListQuery) { self.query = query; sorts = query.kind.sorts }

    /// A list of this kind in its first order, unfiltered.
    public init(_ kind: ListKind) { self.init(ListQuery(kind, sort: kind.sorts.first ?? "")) }

    public var kind: ListKind { query.kind }

    public enum Action: Sendable, Equatable {
        case loaded(ListPage, backwards: Bool, reset: Bool, total: Int?, request: Int)
        case failed(UserMessage)
        case move(ListMotion)
        case open
        case refresh
        case beginSearch
        case searchType(Character)
        case searchBackspace
        /// Ctrl-U: what was typed erased, still typing (the whole list shows again).
        case searchErase
        case acceptSearch
        case clearSearch
        case searched(ListPage, text: String, request: Int)
        /// The next of the list's sorts.
        case cycleSort
        case setFilter([String: String], labels: [String: String] = [:])
        /// Marks the selected row (or unmarks it) and moves to the next.
        case toggleMark
        /// The marked rows were dealt with (handed over): none marked.
        case clearMarks
    }

    public var selectedRef: RecordRef? { rows.indices.contains(selected) ? rows[selected].ref : nil }

    public mutating func handle(_ action: Action) -> [Effect] {
        switch action {
        case .loaded(let page, let backwards, let reset, let count, let answered):
            guard answered == request else { return [] }
            loading = false
            columns = page.columns
            if let count { total = count }
            if reset { take(page.rows, backwards: backwards) } else { extend(page.rows, backwards: backwards) }
        case .failed(let e):
            loading = false; error = e
        case .move(let m) where showingResults:
            selected = m.apply(to: selected, count: rows.count, page: pageSize)
        case .move(let m):
            return move(m)
        case .open:
            if let ref = selectedRef { return [.loadCard(ref)] }
        case .beginSearch:
            typingQuery = true
        case .searchType(let c):
            search.append(c)
            return [searchEffect()]
        case .searchBackspace:
            guard !search.isEmpty else { typingQuery = false; return [] }
            search.removeLast()
            return search.isEmpty ? [load(after: nil, backwards: false, reset: true)] : [searchEffect()]
        case .searchErase:
            guard !search.isEmpty else { return [] }
            search = ""
            return [load(after: nil, backwards: false, reset: true)]
        case .acceptSearch:
            typingQuery = false
        case .clearSearch:
            typingQuery = false
            guard !search.isEmpty else { return [] }
            search = ""
            return [load(after: nil, backwards: false, reset: true)]
        case .searched(let page, let text, let answered):
            guard answered == request, text == search else { return [] }
            loading = false
            columns = page.columns
            rows = page.rows
            searchComplete = page.complete
            selected = 0
            total = page.rows.count
            atStart = true; atEnd = true
        case .refresh where showingResults:
            return [searchEffect()]
        case .refresh:
            return refresh()
        case .cycleSort:
            guard !sorts.isEmpty else { return [] }
            query.sort = sorts[((sorts.firstIndex(of: query.sort) ?? 0) + 1) % sorts.count]
            return restart()
        case .clearMarks:
            marked = []
            return []
        case .toggleMark:
            guard let ref = selectedRef else { return [] }
            if let i = marked.firstIndex(of: ref) { marked.remove(at: i) } else { marked.append(ref) }
            selected = min(rows.count - 1, selected + 1)
            return []
        case .setFilter(let f, let labels):
            query.filter = f
            query.labels = labels
            return restart()
        }
        return []
    }

    /// A first page (from either end): the window starts over.
    mutating func take(_ page: [ListRow], backwards: Bool) {
        let anchored = keepSelection != nil
        let half = ListViewModel.window / 2
        rows = page; selected = backwards ? max(0, page.count - 1) : 0
        atStart = backwards ? page.count < half : loadingFromTop || !anchored
        atEnd = backwards || page.count < half
        if let keep = keepSelection, let i = rows.firstIndex(where: { $0.id == keep }) { selected = i }
        keepSelection = nil
    }

    /// A page before or after the window: added, and the far end trimmed to two windows.
    mutating func extend(_ page: [ListRow], backwards: Bool) {
        let half = ListViewModel.window / 2, most = ListViewModel.window * 2
        if backwards {
            atStart = page.count < half
            rows = page + rows
            selected += page.count
            if rows.count > most { rows.removeLast(rows.count - most); atEnd = false }
        } else {
            atEnd = page.count < half
            rows += page
            if rows.count > most {
                let drop = rows.count - most
                rows.removeFirst(drop); selected -= drop; atStart = false
            }
        }
    }

    mutating func move(_ m: ListMotion) -> [Effect] {
        if m == .top && !atStart { keepSelection = nil; return [load(after: nil, backwards: false, reset: true)] }
        if m == .bottom && !atEnd { keepSelection = nil; return [load(after: nil, backwards: true, reset: true)] }
        selected = m.apply(to: selected, count: rows.count, page: pageSize)
        if !loading, !atEnd, selected >= rows.count - pageSize, let last = rows.last {
            return [load(after: last.cursor, backwards: false, reset: false)]
        }
        if !loading, !atStart, selected < pageSize, let first = rows.first {
            return [load(after: first.cursor, backwards: true, reset: false)]
        }
        return []
    }

    /// Data changed (here or in another session): reload the window where it is and keep the
    /// same row selected, rather than jumping back to the top.
    mutating func refresh() -> [Effect] {
        guard !atStart, let first = rows.first, rows.indices.contains(selected) else {
            keepSelection = rows.indices.contains(selected) ? rows[selected].id : nil
            return [load(after: nil, backwards: false, reset: true)]
        }
        keepSelection = rows[selected].id
        // From the first row of the window on, that row included.
        return [load(after: first.cursor, backwards: false, reset: true, inclusive: true)]
    }

    mutating func restart() -> [Effect] {
        keepSelection = nil
        search = ""; typingQuery = false
        return [load(after: nil, backwards: false, reset: true)]
    }

    mutating func searchEffect() -> Effect {
        loading = true
        request += 1
        return .searchList(query, text: search, request: request)
    }

    mutating func load(after: ListCursor?, backwards: Bool, reset: Bool, inclusive: Bool = false) -> Effect {
        loading = true
        loadingFromTop = after == nil && !backwards
        request += 1
        return .loadList(query, after: after, backwards: backwards, reset: reset, inclusive: inclusive, request: request)
    }
}
