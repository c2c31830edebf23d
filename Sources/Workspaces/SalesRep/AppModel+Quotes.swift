import Domain

/// What can be done to a quote the user is on (its card, or a quote row of a list).
public enum QuoteMove: Sendable, Equatable { case copy, markSent, accept, reject }

extension AppModel {
    mutating func handleQuote(_ move: QuoteMove) -> [Effect] {
        guard let id = selectedQuote(), can(.editQuotes) else { return [] }
        switch move {
        case .copy: return [.openEditor(.copyQuote(id: id))]
        case .markSent: return [.markQuoteSent(id: id, number: selectedQuoteNumber() ?? "")]
        case .accept: return [.openEditor(.acceptQuote(id: id))]
        case .reject: return [.openEditor(.rejectQuote(id: id))]
        }
    }

    /// The quote the user is on: an open quote card, or a quote row of a card's table.
    public func selectedQuote() -> Int64? {
        guard case .card(let m)? = current else { return nil }
        if m.ref.kind == .quote { return m.ref.id }
        if let ref = m.selectedRef, ref.kind == .quote { return ref.id }
        return nil
    }

    /// The selected quote's status as shown (`status.draft` …), to offer only the moves it allows.
    public func selectedQuoteStatus() -> QuoteStatus? {
        guard case .card(let m)? = current, selectedQuote() != nil,
              case .status(let key)? = m.ref.kind == .quote ? m.card?.field("field.status") : m.selectedCell("col.status") else { return nil }
        return QuoteStatus(rawValue: String(key.dropFirst("status.".count)))
    }

    func selectedQuoteNumber() -> String? {
        guard case .card(let m)? = current else { return nil }
        return (m.ref.kind == .quote ? m.card?.field("field.number") : m.selectedCell("col.number"))?.plainText
    }

    /// On a quote (its card or a quote row): sent while a draft, accept or reject while open, copy.
    var quoteMoveBindings: [Binding] {
        guard selectedQuote() != nil else { return [] }
        let status = selectedQuoteStatus()
        let open = status == .draft || status == .sent
        return [Binding("mark-sent", "hint.mark-sent", .quote(.markSent), needs: [.editQuotes]).unless(status == .draft, "reason.quote-not-draft"),
                Binding("accept", "hint.accept", .quote(.accept), needs: [.editQuotes]).unless(open, "reason.quote-closed"),
                Binding("reject", "hint.reject", .quote(.reject), needs: [.editQuotes]).unless(open, "reason.quote-closed"),
                Binding("copy", "hint.copy", .quote(.copy), needs: [.editQuotes])]
    }
}
