/// A rep's monthly quotas for one year: twelve amounts, nil where the month has none.
public struct QuotaYear: Sendable, Equatable {
    public var repId: Int64
    public var year: Int
    public var months: [Money?]

    public init(repId: Int64, year: Int, months: [Money?]) {
        self.repId = repId; self.year = year; self.months = months
    }

    /// The first day of month `m` (1–12).
    public func start(_ m: Int) -> DateOnly? { DateOnly(year: year, month: m, day: 1) }

    public var total: Money { months.compactMap { $0 }.reduce(.zero, +) }

    /// Twelve months, none below zero, the year a real one.
    public func validated() throws(DomainError) -> QuotaYear {
        guard (2000...2100).contains(year) else { throw DomainError("the year \(year) is out of range", field: "year", code: "error.quota-year", String(year)) }
        guard months.count == 12 else { throw DomainError("a quota year has twelve months", field: "year") }
        for (i, m) in months.enumerated() where m?.isNegative == true {
            let key = QuotaYear.monthKey(i + 1)
            throw DomainError("the quota for \(year)-\(key) cannot be below zero", field: "m\(key)", code: "error.quota-negative", "\(year)-\(key)", m?.formatted() ?? "")
        }
        return self
    }

    /// What a quota typed in a month's field is: empty for none, else an amount (refused below zero).
    public static func parse(_ text: String, month: Int, year: Int) throws(DomainError) -> Money? {
        let t = text.trimmingSpaces()
        guard !t.isEmpty else { return nil }
        let key = QuotaYear.monthKey(month)
        guard let m = try? Money.parse(t) else {
            throw DomainError("'\(t)' is not an amount (the quota for \(year)-\(key))", field: "m\(key)", code: "error.money", t)
        }
        guard !m.isNegative else { throw DomainError("the quota for \(year)-\(key) cannot be below zero", field: "m\(key)", code: "error.quota-negative", "\(year)-\(key)", t) }
        return m
    }
}

extension QuotaYear {
    /// A month as its field and the audit name it: two digits (`3` → `03`).
    public static func monthKey(_ m: Int) -> String { m < 10 ? "0\(m)" : "\(m)" }
}
