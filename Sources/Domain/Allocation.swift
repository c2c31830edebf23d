/// Allocation of a receipt (or payment) to open items: oldest due date first, ties by document
/// date then number; never more than an item's open amount or than the receipt.
public struct AllocationCandidate: Sendable, Equatable {
    public var id: Int64
    public var number: String
    public var documentDate: DateOnly
    public var dueDate: DateOnly
    public var open: Money
    public init(id: Int64, number: String, documentDate: DateOnly, dueDate: DateOnly, open: Money) {
        self.id = id; self.number = number; self.documentDate = documentDate; self.dueDate = dueDate; self.open = open
    }
}

public struct AllocationResult: Sendable, Equatable {
    public var allocations: [(id: Int64, amount: Money)]
    public var unapplied: Money
    public static func == (a: AllocationResult, b: AllocationResult) -> Bool {
        a.unapplied == b.unapplied && a.allocations.map(\.id) == b.allocations.map(\.id) && a.allocations.map(\.amount) == b.allocations.map(\.amount)
    }
}

public enum Allocation {
    public static func oldestFirst(amount: Money, candidates: [AllocationCandidate]) throws(DomainError) -> AllocationResult {
        guard amount.minorUnits > 0 else { throw DomainError("amount must be more than 0", field: "amount", code: "error.amount-positive") }
        let ordered = candidates.sorted {
            ($0.dueDate, $0.documentDate, $0.number) < ($1.dueDate, $1.documentDate, $1.number)
        }
        var remaining = amount
        var out: [(id: Int64, amount: Money)] = []
        for c in ordered where remaining.minorUnits > 0 && c.open.minorUnits > 0 {
            let take = min(c.open, remaining)
            out.append((c.id, take))
            remaining -= take
        }
        return AllocationResult(allocations: out, unapplied: remaining)
    }

    /// A user's own split: each line ≤ the item's open amount, the sum ≤ the receipt.
    public static func manual(amount: Money, lines: [(id: Int64, amount: Money)], candidates: [AllocationCandidate]) throws(DomainError) -> AllocationResult {
        var sum = Money.zero
        for line in lines {
            guard let c = candidates.first(where: { $0.id == line.id }) else { throw DomainError("item \(line.id) is not open for this party", field: "allocation", code: "error.item-not-open", String(line.id)) }
            guard line.amount.minorUnits > 0 else { throw DomainError("an allocation must be more than 0", field: "allocation", code: "error.allocation-positive") }
            guard line.amount <= c.open else { throw DomainError("\(c.number) has only \(c.open) open, not \(line.amount)", field: "allocation", code: "error.allocation-over-open", c.number, c.open.formatted(), line.amount.formatted()) }
            sum += line.amount
        }
        guard sum <= amount else { throw DomainError("allocations \(sum) exceed the amount \(amount)", field: "amount", code: "error.allocation-over-amount", sum.formatted(), amount.formatted()) }
        return AllocationResult(allocations: lines, unapplied: amount - sum)
    }
}

/// docs/domain.md credit: exposure = open receivables + unshipped value of open orders.
public struct CreditExposure: Sendable, Equatable {
    public var openReceivables: Money
    public var unshippedOrders: Money
    public var limit: Money
    public init(openReceivables: Money, unshippedOrders: Money, limit: Money) {
        self.openReceivables = openReceivables; self.unshippedOrders = unshippedOrders; self.limit = limit
    }
    public var exposure: Money { openReceivables + unshippedOrders }
    /// A limit of zero means "no limit set".
    public var isBreached: Bool { limit.minorUnits > 0 && exposure > limit }
    public var headroom: Money { limit - exposure }
}
