import Domain

/// A role home: the reminder pane (groups with counts, items beneath) and the KPI pane.
public struct HomeViewModel: Sendable, Equatable {
    public enum Row: Sendable, Equatable {
        case group(ReminderKind, total: Int, shown: Int)
        case item(ReminderItem)
        public var item: ReminderItem? { if case .item(let i) = self { return i } else { return nil } }
        /// Items, and a group heading whose group has more than the pane shows ("… N more").
        public var isSelectable: Bool {
            switch self {
            case .item: true
            case .group(_, let total, let shown): total > shown
            }
        }
    }

    public var groups: [ReminderGroup] = []
    public var dashboard: Dashboard?
    public var rows: [Row] = []
    public var selected = 0
    public var loading = true
    public var error: UserMessage?
    /// Bumped whenever fresh data arrives; the screen shows when it last refreshed.
    public var generation = 0
    public var pageSize = 10

    public init() {}

    public enum Action: Sendable, Equatable {
        case loaded(Dashboard, [ReminderGroup])
        case failed(UserMessage)
        case move(ListMotion)
        case open
        case refresh
    }

    public mutating func handle(_ action: Action) -> [Effect] {
        switch action {
        case .loaded(let d, let g):
            let previous = selectedItem
            dashboard = d
            groups = g
            rows = g.flatMap { group in [Row.group(group.kind, total: group.total, shown: group.items.count)] + group.items.map(Row.item) }
            loading = false
            error = nil
            generation += 1
            if let previous, let i = rows.firstIndex(where: { $0.item?.record == previous.record && $0.item?.kind == previous.kind }) {
                selected = i
            } else {
                selected = rows.firstIndex { $0.item != nil } ?? 0
            }
        case .failed(let text):
            loading = false
            error = text
        case .move(let m):
            guard !rows.isEmpty else { return [] }
            let target = m.apply(to: selected, count: rows.count, page: pageSize)
            let step = target >= selected ? 1 : -1
            var i = target
            while i >= 0, i < rows.count, !rows[i].isSelectable { i += step }
            if i < 0 || i >= rows.count {
                i = target
                while i >= 0, i < rows.count, !rows[i].isSelectable { i -= step }
            }
            if i >= 0, i < rows.count { selected = i }
        case .open:
            if let item = selectedItem { return [item.record.kind == .claim ? .loadClaim(id: item.record.id) : .loadCard(item.record)] }
            // "… N more": every item of the group, on its tab of the reminders card.
            if rows.indices.contains(selected), case .group(let kind, _, _) = rows[selected] {
                return [.loadCardAt(RecordRef(.reminders, 0), section: "reminder.\(kind.rawValue)")]
            }
        case .refresh:
            loading = true
            return [.loadHome]
        }
        return []
    }

    public var selectedItem: ReminderItem? { rows.indices.contains(selected) ? rows[selected].item : nil }
    /// Enter opens something: an item's record, or a group's every item.
    public var canOpen: Bool { rows.indices.contains(selected) && rows[selected].isSelectable }
}
