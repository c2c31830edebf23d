import Domain

/// A read-only record card.
public struct CardViewModel: Sendable, Equatable {
    public var ref: RecordRef
    public var card: RecordCard?
    public var error: String?
    public var scroll = 0

    public init(ref: RecordRef) { self.ref = ref }

    public enum Action: Sendable, Equatable {
        case loaded(RecordCard)
        case failed(String)
        case move(ListMotion)
        case refresh
    }

    public mutating func handle(_ action: Action) -> [Effect] {
        switch action {
        case .loaded(let c): card = c; error = nil
        case .failed(let e): error = e
        case .move(let m): scroll = m.apply(to: scroll, count: max(1, lineCount), page: 10)
        case .refresh: return [.loadCard(ref)]
        }
        return []
    }

    public var lineCount: Int {
        guard let card else { return 0 }
        return card.fields.count + card.sections.reduce(0) { $0 + $1.rows.count + 3 }
    }
}
