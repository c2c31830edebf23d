/// A birthday: a day of the year, with the year only when it was given — `05-12` is 12 May
/// every year (not 12 May of the year it was typed in). Stored as `YYYY-MM-DD`, with `0000` for
/// an unknown year, so the month-day index (`MM-DD`) reads both alike.
public struct Birthday: Hashable, Sendable, Codable, CustomStringConvertible {
    public var month: Int
    public var day: Int
    public var year: Int?

    public init?(month: Int, day: Int, year: Int? = nil) {
        // 29 February is a birthday in any year; with a year it must be a real date.
        guard (1...12).contains(month), (1...Birthday.daysIn(month)).contains(day) else { return nil }
        if let year, DateOnly(year: year, month: month, day: day) == nil { return nil }
        self.month = month; self.day = day; self.year = year
    }

    static func daysIn(_ month: Int) -> Int { [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] }

    /// `MM-DD`, or `YYYY-MM-DD` when the year is known.
    public var description: String { (year.map { yearDigits($0) + "-" } ?? "") + monthDay }
    public var monthDay: String { DateOnly.two(month) + "-" + DateOnly.two(day) }
    public var stored: String { yearDigits(year ?? 0) + "-" + monthDay }

    /// From the stored form (`0000-05-12` or `1980-05-12`).
    public init?(stored: String) {
        let p = stored.split(separator: "-")
        guard p.count == 3, let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]) else { return nil }
        self.init(month: m, day: d, year: y == 0 ? nil : y)
    }

    /// What people type: `05-12`, `5-12`, `5/12`, `1980-05-12`, `1980/5/12`, `5月12日`.
    public static func parse(_ text: String) throws(DomainError) -> Birthday {
        let t = text.trimmingSpaces().replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: "月", with: "-")
            .replacingOccurrences(of: "日", with: "").replacingOccurrences(of: "年", with: "-")
        let p = t.split(separator: "-").map { Int($0) }
        let b: Birthday?
        switch p.count {
        case 2: b = p[0].flatMap { m in p[1].flatMap { Birthday(month: m, day: $0) } }
        case 3: b = p[0].flatMap { y in p[1].flatMap { m in p[2].flatMap { Birthday(month: m, day: $0, year: y) } } }
        default: b = nil
        }
        guard let b else { throw DomainError("'\(text)' is not a birthday (05-12, or 1980-05-12 with the year)", field: "birthday", code: "error.birthday", text) }
        return b
    }

    /// The next time it comes, today included (29 February on 28 February in other years).
    public func next(from today: DateOnly) -> DateOnly {
        func on(_ y: Int) -> DateOnly { DateOnly(year: y, month: month, day: day) ?? DateOnly(year: y, month: month, day: day - 1) ?? today }
        let thisYear = on(today.year)
        return thisYear >= today ? thisYear : on(today.year + 1)
    }

    /// A known date after today is not a birthday yet.
    public func isInFuture(_ today: DateOnly) -> Bool {
        guard let year, let d = DateOnly(year: year, month: month, day: day) else { return false }
        return d > today
    }
}

/// A year as four digits (`0000` for none).
func yearDigits(_ n: Int) -> String {
    let digits = String(n)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
