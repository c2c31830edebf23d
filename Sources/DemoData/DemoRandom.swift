/// SplitMix64: small, fast and the same on every machine, so a seed always gives the same company.
struct DemoRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in 0..<n.
    mutating func int(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
    mutating func int(in r: ClosedRange<Int>) -> Int { r.lowerBound + int(r.count) }
    /// True with probability `percent` %.
    mutating func chance(_ percent: Int) -> Bool { int(100) < percent }
    /// Per-mille chance.
    mutating func permille(_ p: Int) -> Bool { int(1000) < p }
    mutating func pick<T>(_ a: [T]) -> T { a[int(a.count)] }
    /// Skewed towards 0: about 80 % of picks fall in the first 20 % (Pareto-like).
    mutating func skewed(_ n: Int) -> Int {
        let u = Double(next() >> 11) / Double(1 << 53)
        return min(n - 1, Int(Double(n) * u * u * u))
    }
}
