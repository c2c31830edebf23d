/// An invoice still open when a firm moves to Rapport: what the customer owes it (a receivable)
/// or what it owes a supplier (a payable), with the old system's number and dates. Imported as
/// posted documents whose open amount is the whole amount.
public struct OpeningBalance: Sendable, Equatable {
    public var number: String
    public var docDate: DateOnly
    /// Nil: the document date plus the customer's or supplier's payment terms.
    public var dueDate: DateOnly?
    public var amount: Money

    public init(number: String, docDate: DateOnly, dueDate: DateOnly?, amount: Money) {
        self.number = number; self.docDate = docDate; self.dueDate = dueDate; self.amount = amount
    }

    public func validated(today: DateOnly) throws(DomainError) -> OpeningBalance {
        var b = self
        b.number = number.trimmingSpaces()
        guard !b.number.isEmpty, b.number.count <= 32 else { throw DomainError("a number of 1–32 characters is required", field: "number") }
        guard docDate <= today else { throw DomainError("the document date \(docDate) is after today", field: "doc_date") }
        if let due = dueDate, due < docDate { throw DomainError("due \(due) before the document date \(docDate)", field: "due_date") }
        guard amount.minorUnits > 0 else { throw DomainError("the open amount must be more than 0", field: "amount") }
        return b
    }
}
