/// A calendar date without time or zone, stored as ISO `YYYY-MM-DD` text (sortable) and
/// computed as days since 1970-01-01.
public struct DateOnly: Hashable, Comparable, Sendable, Codable, CustomStringConvertible, Strideable {
    public let day: Int32

    public init(daysSinceEpoch: Int32) { day = daysSinceEpoch }

    public init?(year: Int, month: Int, day d: Int) {
        guard (1...12).contains(month), d >= 1, d <= DateOnly.daysIn(year: year, month: month), (1900...9999).contains(year) else { return nil }
        day = Int32(DateOnly.daysFromCivil(year, month, d))
    }

    public static func < (a: DateOnly, b: DateOnly) -> Bool { a.day < b.day }
    public func distance(to other: DateOnly) -> Int { Int(other.day - day) }
    public func advanced(by n: Int) -> DateOnly { DateOnly(daysSinceEpoch: day + Int32(n)) }
    public func adding(days n: Int) -> DateOnly { advanced(by: n) }

    public var components: (year: Int, month: Int, day: Int) { DateOnly.civilFromDays(Int(day)) }
    public var year: Int { components.year }
    public var month: Int { components.month }

    /// ISO weekday, Monday = 1 … Sunday = 7.
    public var weekday: Int { Int((Int64(day) % 7 + 7 + 3) % 7) + 1 }

    public var description: String { iso }
    public var iso: String {
        let c = components
        return "\(c.year)-\(DateOnly.two(c.month))-\(DateOnly.two(c.day))"
    }
    /// `MM-DD`, the key birthdays are matched on.
    public var monthDay: String { let c = components; return "\(DateOnly.two(c.month))-\(DateOnly.two(c.day))" }

    public var startOfMonth: DateOnly { let c = components; return DateOnly(year: c.year, month: c.month, day: 1) ?? self }
    public var endOfMonth: DateOnly { let c = components; return DateOnly(year: c.year, month: c.month, day: DateOnly.daysIn(year: c.year, month: c.month)) ?? self }
    public var startOfYear: DateOnly { DateOnly(year: year, month: 1, day: 1) ?? self }

    public func adding(months n: Int) -> DateOnly {
        let c = components
        let total = c.year * 12 + (c.month - 1) + n
        let y = total / 12, m = total % 12 + 1
        return DateOnly(year: y, month: m, day: min(c.day, DateOnly.daysIn(year: y, month: m))) ?? self
    }

    /// Parses `2026-11-22` only.
    public init?(iso text: some StringProtocol) {
        // Read straight from the bytes: a report parses hundreds of thousands of stored dates.
        var y = 0, m = 0, d = 0, count = 0
        for byte in text.utf8 {
            count += 1
            if count == 5 || count == 8 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard count <= 10, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let digit = Int(byte - UInt8(ascii: "0"))
            if count <= 4 { y = y * 10 + digit } else if count <= 7 { m = m * 10 + digit } else { d = d * 10 + digit }
        }
        guard count == 10, let date = DateOnly(year: y, month: m, day: d) else { return nil }
        self = date
    }

    /// What a user may type in a date field (docs/architecture.md): `2026-11-22`, `11-22` (this year), `t`
    /// (today), `+3` / `-2` (days), `+1w`, `-1w` (weeks), `+1m` (months).
    public static func parse(_ text: String, today: DateOnly) throws(DomainError) -> DateOnly {
        let t = text.trimmingSpaces().lowercased()
        if t.isEmpty { throw DomainError("enter a date (2026-11-22, 11-22, t, +3, -1w)", code: "error.date", text) }
        if t == "t" || t == "today" { return today }
        if let first = t.first, first == "+" || first == "-" {
            var body = t.dropFirst()
            var unit: Character = "d"
            if let last = body.last, last == "d" || last == "w" || last == "m" { unit = last; body = body.dropLast() }
            guard let n = Int(body), n < 100_000 else { throw DomainError("'\(text)' is not a date (try +3, -1w, +1m)", code: "error.date", text) }
            let signed = first == "-" ? -n : n
            switch unit {
            case "w": return today.adding(days: signed * 7)
            case "m": return today.adding(months: signed)
            default: return today.adding(days: signed)
            }
        }
        if let d = DateOnly(iso: t) { return d }
        let parts = t.split(separator: "-")
        if parts.count == 2, let m = Int(parts[0]), let d = Int(parts[1]) {
            guard let date = DateOnly(year: today.year, month: m, day: d) else { throw DomainError("'\(text)' is not a day of the year", code: "error.date", text) }
            return date
        }
        throw DomainError("'\(text)' is not a date (2026-11-22, 11-22, t, +3, -1w)", code: "error.date", text)
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days.
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civilFromDays(_ z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp + (mp < 10 ? 3 : -9)
        return (m <= 2 ? y + 1 : y, m, d)
    }
}

/// An inclusive range of days, e.g. a KPI period.
public struct DateRange: Hashable, Sendable, Codable, CustomStringConvertible {
    public var from: DateOnly
    public var to: DateOnly
    public init(from: DateOnly, to: DateOnly) { self.from = from; self.to = to }
    public var days: Int { from.distance(to: to) + 1 }
    /// The period of equal length just before this one (P′ in docs/domain.md).
    public var previous: DateRange { DateRange(from: from.adding(days: -days), to: from.adding(days: -1)) }
    public func contains(_ d: DateOnly) -> Bool { d >= from && d <= to }
    public var description: String { "\(from.iso)…\(to.iso)" }

    public static func monthToDate(_ today: DateOnly) -> DateRange { DateRange(from: today.startOfMonth, to: today) }
    public static func yearToDate(_ today: DateOnly) -> DateRange { DateRange(from: today.startOfYear, to: today) }
}

extension String {
    /// The text without leading and trailing white space.
    public func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return String(s)
    }
}
