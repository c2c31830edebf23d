import Domain
import Foundation

/// The real clock, in the machine's time zone; `--today` replaces only the date.
public struct SystemClock: Clock {
    public var fixedToday: DateOnly?
    public init(fixedToday: DateOnly? = nil) { self.fixedToday = fixedToday }

    public func today() -> DateOnly {
        if let fixedToday { return fixedToday }
        let c = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return DateOnly(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1) ?? DateOnly(daysSinceEpoch: 0)
    }

    public func nowSeconds() -> Int64 { Int64(Date().timeIntervalSince1970) }
}
