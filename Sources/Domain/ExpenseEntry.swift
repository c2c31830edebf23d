/// An expense as finance keys it: when, which category and item of the company's lists, how
/// much, paid how, for which rep (salaries, commissions, travel) and a note. The number (`EX-`)
/// is the Store's; a posted expense is voided with a reason, never edited.
public struct ExpenseEntry: Sendable, Equatable {
    public var date: DateOnly
    public var category: String
    public var item: String
    public var amount: Money
    public var method: PaymentMethod
    public var repId: Int64?
    public var note: String?

    public init(date: DateOnly, category: String, item: String, amount: Money, method: PaymentMethod, repId: Int64? = nil, note: String? = nil) {
        self.date = date; self.category = category; self.item = item; self.amount = amount; self.method = method; self.repId = repId; self.note = note
    }

    /// `futureDays`: the company's `money_future_days` (`MoneyDate`).
    public func validated(today: DateOnly, futureDays: Int = 0) throws(DomainError) -> ExpenseEntry {
        var e = self
        e.category = category.trimmingSpaces()
        e.item = item.trimmingSpaces()
        e.note = note?.trimmingSpaces()
        if e.note?.isEmpty == true { e.note = nil }
        try MoneyDate.check(date, today: today, futureDays: futureDays)
        guard !e.category.isEmpty else { throw DomainError("the category is required", field: "category", code: "error.required") }
        guard !e.item.isEmpty else { throw DomainError("the item is required", field: "item", code: "error.required") }
        guard e.item.count <= 80 else { throw DomainError("the item is longer than 80 characters", field: "item", code: "error.too-long", "80") }
        guard amount.minorUnits > 0 else { throw DomainError("amount must be more than 0", field: "amount", code: "error.amount-positive") }
        guard (e.note?.count ?? 0) <= 1000 else { throw DomainError("the note is longer than 1000 characters", field: "note", code: "error.note-too-long") }
        return e
    }

    /// A category name as the company's list takes it: 1–40 characters.
    public static func validCategory(_ name: String) throws(DomainError) -> String {
        let n = name.trimmingSpaces()
        guard !n.isEmpty, n.count <= 40 else { throw DomainError("a category is 1 to 40 characters, not '\(name)'", field: "category", code: "error.category-name", name) }
        return n
    }
}

/// How far ahead a money document (a receipt, payment or expense) may be dated: not after
/// today, or as many days after it as the company allows (`money_future_days`).
public enum MoneyDate {
    public static func check(_ date: DateOnly, today: DateOnly, futureDays: Int) throws(DomainError) {
        guard date > today.adding(days: max(0, futureDays)) else { return }
        if futureDays <= 0 { throw DomainError("the date cannot be in the future", field: "date", code: "error.date-future", date.iso) }
        throw DomainError("\(date.iso) is more than \(futureDays) days after today (the company's money_future_days)", field: "date",
                          code: "error.date-beyond-future-days", date.iso, String(futureDays))
    }
}
