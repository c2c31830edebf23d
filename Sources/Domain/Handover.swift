/// Handing a departing rep's customers to others: to one rep, or spread evenly over several —
/// by how many customers each takes, or by the open value each takes (open orders and
/// receivables), the largest first to whoever has least so far.
public enum Handover {
    public enum Spread: String, Sendable, CaseIterable { case count, value }

    public struct Customer: Sendable, Equatable {
        public var id: Int64
        /// Open orders and receivables, in minor units.
        public var openValue: Int64
        public init(id: Int64, openValue: Int64) { self.id = id; self.openValue = openValue }
    }

    /// Who takes each customer. Deterministic: ties go to the rep listed first.
    public static func assign(_ customers: [Customer], to reps: [Int64], by spread: Spread) throws(DomainError) -> [Int64: Int64] {
        guard !reps.isEmpty else { throw DomainError("name at least one rep to hand the customers to", field: "to", code: "error.handover-no-rep") }
        var load = [Int64](repeating: 0, count: reps.count), count = [Int](repeating: 0, count: reps.count)
        var out: [Int64: Int64] = [:]
        let ordered = spread == .value ? customers.sorted { ($0.openValue, -$0.id) > ($1.openValue, -$1.id) } : customers.sorted { $0.id < $1.id }
        for c in ordered {
            // The rep with the least so far: of value (then count), or of count.
            var best = 0
            for i in reps.indices.dropFirst() where spread == .value ? (load[i], count[i]) < (load[best], count[best]) : count[i] < count[best] { best = i }
            out[c.id] = reps[best]
            load[best] += c.openValue; count[best] += 1
        }
        return out
    }
}
