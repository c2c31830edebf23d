/// The cursor moves every list screen understands.
public enum ListMotion: Sendable, Equatable {
    case up, down, pageUp, pageDown, top, bottom

    /// New index within 0..<count for a page of `page` rows.
    public func apply(to index: Int, count: Int, page: Int) -> Int {
        guard count > 0 else { return 0 }
        let i: Int
        switch self {
        case .up: i = index - 1
        case .down: i = index + 1
        case .pageUp: i = index - max(1, page)
        case .pageDown: i = index + max(1, page)
        case .top: i = 0
        case .bottom: i = count - 1
        }
        return max(0, min(count - 1, i))
    }
}
