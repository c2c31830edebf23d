import Domain

/// A record card. A tabbed card (a customer) shows its fields on the first tab and one table per
/// tab after it, with a selected row that opens or edits what it stands for.
public struct CardViewModel: Sendable, Equatable {
    public var ref: RecordRef
    public var card: RecordCard?
    public var error: UserMessage?
    public var scroll = 0
    public var tab = 0
    /// Selected row per tab (index 0, the fields, scrolls instead).
    public var selection: [Int: Int] = [:]
    /// Tables whose next page is being read (by section title).
    public var loadingPages: Set<String> = []
    /// Tables whose rest is being read to select their last row.
    var toBottom: Set<String> = []
    /// Rows from the end of what is read at which the next page is asked for.
    static let readAhead = 30

    public init(ref: RecordRef) { self.ref = ref }

    public enum Action: Sendable, Equatable {
        case loaded(RecordCard)
        case failed(UserMessage)
        case move(ListMotion)
        case nextTab, previousTab
        case showTab(Int)
        case refresh
        /// More rows of a table, read from `offset`.
        case pageLoaded(section: String, offset: Int, CardPage)
    }

    public mutating func handle(_ action: Action) -> [Effect] {
        switch action {
        case .loaded(let c):
            card = c; error = nil
            if tab > tabCount - 1 { tab = 0 }
            for (t, i) in selection { selection[t] = max(0, min(i, (section(t)?.rows.count ?? 1) - 1)) }
        case .failed(let e): error = e
        case .move(let m):
            if let s = section(tab) {
                selection[tab] = m.apply(to: selection[tab] ?? 0, count: s.rows.count, page: 10)
                // The bottom of a table not all read: the rest is read, then the last row selected.
                if m == .bottom, s.hasMore, !loadingPages.contains(s.title) {
                    loadingPages.insert(s.title)
                    toBottom.insert(s.title)
                    return [.loadCardRest(ref, section: s.title, offset: s.rows.count)]
                }
                return nextPageEffects(s)
            } else {
                scroll = m.apply(to: scroll, count: max(1, lineCount), page: 10)
            }
        case .nextTab: moveTab(to: (tab + 1) % max(1, tabCount))
        case .previousTab: moveTab(to: (tab - 1 + max(1, tabCount)) % max(1, tabCount))
        case .showTab(let n): if n < tabCount { moveTab(to: n) }
        case .refresh: return [.reloadCard(ref)]
        case .pageLoaded(let title, let offset, let page):
            loadingPages.remove(title)
            guard let i = card?.sections.firstIndex(where: { $0.title == title }), card?.sections[i].rows.count == offset else { return [] }
            card?.sections[i].rows += page.rows
            card?.sections[i].refs += page.refs
            card?.sections[i].drills += page.drills
            card?.sections[i].explanations += page.explanations
            if toBottom.remove(title) != nil, let t = (0..<tabCount).first(where: { section($0)?.title == title }) {
                selection[t] = max(0, (card?.sections[i].rows.count ?? 1) - 1)
            }
            if let s = currentSection, s.title == title { return nextPageEffects(s) }
        }
        return []
    }

    /// Another tab; when it shows the same rows as this one (a report's columns split over tabs,
    /// the aging's), on the same row.
    mutating func moveTab(to next: Int) {
        if let from = section(tab), let to = section(next), !from.refs.isEmpty, from.refs == to.refs, from.title != to.title {
            selection[next] = selection[tab] ?? 0
        }
        tab = next
    }

    /// Near the end of what is read of a table that has more rows: read the next page.
    mutating func nextPageEffects(_ s: RecordCard.Section) -> [Effect] {
        guard s.hasMore, !loadingPages.contains(s.title), selectedRow >= s.rows.count - CardViewModel.readAhead else { return [] }
        loadingPages.insert(s.title)
        return [.loadCardPage(ref, section: s.title, offset: s.rows.count)]
    }

    public var isTabbed: Bool { card?.tabbed ?? false }
    public var tabCount: Int { isTabbed ? 1 + (card?.sections.count ?? 0) : 1 }

    /// The table shown on tab `t` of a tabbed card (nil for the fields tab or an untabbed card).
    public func section(_ t: Int) -> RecordCard.Section? {
        guard isTabbed, t > 0, let sections = card?.sections, sections.indices.contains(t - 1) else { return nil }
        return sections[t - 1]
    }

    public var currentSection: RecordCard.Section? { section(tab) }
    public var selectedRow: Int { selection[tab] ?? 0 }

    /// What the selected row of the current tab stands for.
    public var selectedRef: RecordRef? {
        guard let s = currentSection, s.refs.indices.contains(selectedRow) else { return nil }
        return s.refs[selectedRow] ?? nil
    }

    /// How the selected row's figure was worked out, if the report says.
    public var selectedExplanation: Explanation? {
        guard let s = currentSection, s.explanations.indices.contains(selectedRow) else { return nil }
        return s.explanations[selectedRow] ?? nil
    }

    /// The documents behind the selected row's figures, if it has any.
    public var selectedDrill: ListQuery? {
        guard let s = currentSection, s.drills.indices.contains(selectedRow) else { return nil }
        return s.drills[selectedRow] ?? nil
    }

    /// The selected row's value in a column of the current tab.
    public func selectedCell(_ column: String) -> CellValue? {
        guard let s = currentSection, let c = s.column(column), s.rows.indices.contains(selectedRow),
              s.rows[selectedRow].indices.contains(c) else { return nil }
        return s.rows[selectedRow][c]
    }

    public var lineCount: Int {
        guard let card else { return 0 }
        if isTabbed { return card.overviewHeight }
        return card.fields.count + card.sections.reduce(0) { $0 + $1.rows.count + 3 }
    }
}
