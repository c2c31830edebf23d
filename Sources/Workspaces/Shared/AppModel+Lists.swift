import Domain

/// Lists on the stack: the one on screen takes the keys; pages and search results go to the
/// list of their kind.
extension AppModel {
    public var currentList: ListViewModel? {
        if case .list(let m)? = current { return m }
        return nil
    }

    /// Applies `body` to the top list of `kind` on the stack (any kind: the one on screen).
    mutating func updateList(_ kind: ListKind?, _ body: (inout ListViewModel) -> [Effect]) -> [Effect] {
        guard let i = stack.lastIndex(where: { if case .list(let m) = $0 { kind == nil || m.kind == kind } else { false } }),
              case .list(var m) = stack[i], kind != nil || i == stack.count - 1 else { return [] }
        let effects = body(&m)
        stack[i] = .list(m)
        return effects
    }

    /// Shows a list from its first page: the one on screen starts over, else a new one opens.
    /// A list as a report's row names it (its filters), over the report.
    mutating func openList(_ query: ListQuery) -> [Effect] {
        var m = ListViewModel(query)
        let effect = m.load(after: nil, backwards: false, reset: true)
        stack.append(.list(m))
        return [effect]
    }

    mutating func openList(_ kind: ListKind) -> [Effect] {
        var m = ListViewModel(kind)
        let effect = m.load(after: nil, backwards: false, reset: true)
        if currentList?.kind == kind { stack[stack.count - 1] = .list(m) } else { stack.append(.list(m)) }
        return [effect]
    }
}
