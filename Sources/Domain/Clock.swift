/// "Now" comes from an injected clock so every rule can be tested with fixed dates.
public protocol Clock: Sendable {
    func today() -> DateOnly
    /// Seconds since 1970 (UTC), for audit timestamps and lockouts.
    func nowSeconds() -> Int64
}

public struct FixedClock: Clock {
    public var date: DateOnly
    public var seconds: Int64
    public init(_ date: DateOnly, seconds: Int64? = nil) {
        self.date = date
        self.seconds = seconds ?? Int64(date.day) * 86_400 + 9 * 3600
    }
    public func today() -> DateOnly { date }
    public func nowSeconds() -> Int64 { seconds }
}
