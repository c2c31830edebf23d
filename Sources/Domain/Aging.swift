/// Receivables (and payables) aging as of a date, per docs/domain.md.
public struct AgingBuckets: Sendable, Equatable {
    /// Upper bounds of the overdue buckets in days; the last bucket is open-ended.
    public var bounds: [Int]
    public init(bounds: [Int]) { self.bounds = bounds }
    public static let standard = AgingBuckets(bounds: [30, 60, 90, 180])

    /// Labels: Not due, 1–30, 31–60, 61–90, 91–180, 181+.
    public var labels: [String] {
        var out = ["not-due"]
        var lo = 1
        for b in bounds { out.append("\(lo)–\(b)"); lo = b + 1 }
        out.append("\(lo)+")
        return out
    }

    /// For each bucket, the due dates that fall in it as of `d` (nil = open-ended), so a store
    /// can sum buckets in one indexed pass.
    public func dueDateRanges(asOf d: DateOnly) -> [(from: DateOnly?, to: DateOnly?)] {
        var out: [(from: DateOnly?, to: DateOnly?)] = [(d, nil)]
        var lo = 1
        for b in bounds { out.append((d.adding(days: -b), d.adding(days: -lo))); lo = b + 1 }
        out.append((nil, d.adding(days: -lo)))
        return out
    }

    /// Index into `labels` for an item `daysOverdue` past due (≤ 0 is "not due").
    public func index(daysOverdue: Int) -> Int {
        if daysOverdue <= 0 { return 0 }
        for (i, b) in bounds.enumerated() where daysOverdue <= b { return i + 1 }
        return bounds.count + 1
    }
}

public struct OpenItem: Sendable, Equatable {
    public var partyId: Int64
    public var documentDate: DateOnly
    public var dueDate: DateOnly
    public var amount: Money
    /// Allocations with their receipt dates; only those dated ≤ the as-of date count.
    public var allocations: [(date: DateOnly, amount: Money)]

    public init(partyId: Int64, documentDate: DateOnly, dueDate: DateOnly, amount: Money, allocations: [(date: DateOnly, amount: Money)]) {
        self.partyId = partyId; self.documentDate = documentDate; self.dueDate = dueDate; self.amount = amount; self.allocations = allocations
    }

    public static func == (a: OpenItem, b: OpenItem) -> Bool {
        a.partyId == b.partyId && a.documentDate == b.documentDate && a.dueDate == b.dueDate && a.amount == b.amount
            && a.allocations.map(\.date) == b.allocations.map(\.date) && a.allocations.map(\.amount) == b.allocations.map(\.amount)
    }

    public func openAmount(asOf d: DateOnly) -> Money {
        amount - allocations.filter { $0.date <= d }.reduce(.zero) { $0 + $1.amount }
    }
}

/// Unapplied credit of one party: receipts dated ≤ D minus what of them was allocated by D.
public struct PartyCredit: Sendable, Equatable {
    public var partyId: Int64
    public var receiptDate: DateOnly
    public var amount: Money
    public var allocations: [(date: DateOnly, amount: Money)]
    public init(partyId: Int64, receiptDate: DateOnly, amount: Money, allocations: [(date: DateOnly, amount: Money)]) {
        self.partyId = partyId; self.receiptDate = receiptDate; self.amount = amount; self.allocations = allocations
    }
    public static func == (a: PartyCredit, b: PartyCredit) -> Bool {
        a.partyId == b.partyId && a.receiptDate == b.receiptDate && a.amount == b.amount
    }
    public func unapplied(asOf d: DateOnly) -> Money {
        guard receiptDate <= d else { return .zero }
        return amount - allocations.filter { $0.date <= d }.reduce(.zero) { $0 + $1.amount }
    }
}

public struct AgingRow: Sendable, Equatable {
    public var partyId: Int64
    public var buckets: [Money]
    public var unapplied: Money
    public init(partyId: Int64, buckets: [Money], unapplied: Money) { self.partyId = partyId; self.buckets = buckets; self.unapplied = unapplied }
    /// buckets + unapplied (unapplied is negative) = outstanding balance.
    public var balance: Money { buckets.reduce(.zero, +) + unapplied }
}

public enum Aging {
    public static func compute(items: [OpenItem], credits: [PartyCredit], asOf d: DateOnly, buckets: AgingBuckets = .standard) -> [AgingRow] {
        var rows: [Int64: AgingRow] = [:]
        let count = buckets.bounds.count + 2
        func row(_ id: Int64) -> AgingRow { rows[id] ?? AgingRow(partyId: id, buckets: Array(repeating: .zero, count: count), unapplied: .zero) }
        for item in items where item.documentDate <= d {
            let open = item.openAmount(asOf: d)
            guard !open.isZero else { continue }
            var r = row(item.partyId)
            r.buckets[buckets.index(daysOverdue: item.dueDate.distance(to: d))] += open
            rows[item.partyId] = r
        }
        for credit in credits {
            let u = credit.unapplied(asOf: d)
            guard !u.isZero else { continue }
            var r = row(credit.partyId)
            r.unapplied -= u
            rows[credit.partyId] = r
        }
        return rows.values.sorted { $0.partyId < $1.partyId }
    }

    public static func total(_ rows: [AgingRow], bucketCount: Int) -> AgingRow {
        var t = AgingRow(partyId: 0, buckets: Array(repeating: .zero, count: bucketCount), unapplied: .zero)
        for r in rows {
            for i in 0..<bucketCount { t.buckets[i] += r.buckets[i] }
            t.unapplied += r.unapplied
        }
        return t
    }
}
