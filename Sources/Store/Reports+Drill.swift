import Domain

/// The list of documents behind a row of a report for a period: all of the period's posted
/// documents (the total row), one month's, or those with one value of a filter (a method, a
/// rep, a customer, a category).
struct DocumentDrill: Sendable {
    var kind: ListKind
    var period: DateRange

    func query(_ filter: [String: String] = [:], labels: [String: String] = [:], from: DateOnly? = nil, to: DateOnly? = nil) -> ListQuery {
        var q = ListQuery(kind, sort: kind.sorts.first ?? "", filter: ["from": (from ?? period.from).iso, "to": (to ?? period.to).iso, "status": "posted"])
        q.filter.merge(filter) { $1 }
        q.labels = labels
        return q
    }

    /// A month's row (`2026-05`), within the period; the total row (nil), the whole period.
    func month(_ key: String?) -> ListQuery? {
        guard let key else { return query() }
        guard let first = DateOnly(iso: key + "-01") else { return nil }
        return query(from: max(first, period.from), to: min(first.endOfMonth, period.to))
    }

    /// A row of one value of `filter` (its name from `labels`); the total row (nil), the whole period.
    func by(_ filter: String, labels: [String: String] = [:]) -> (String?) -> ListQuery? {
        { key in
            guard let key else { return query() }
            return query([filter: key], labels: labels[key].map { [filter: $0] } ?? [:])
        }
    }
}
