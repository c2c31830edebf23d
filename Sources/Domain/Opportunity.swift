/// A possible sale being worked on: its stage, amount and chance, and how it ended.
public struct Opportunity: Sendable, Equatable {
    public var id: Int64?
    public var customerId: Int64
    public var title: String
    public var stage: OpportunityStage
    public var amount: Money
    public var probability: BasisPoints
    public var expectedClose: DateOnly?
    public var lostReason: String?
    public var version: Int64

    public init(id: Int64? = nil, customerId: Int64, title: String, stage: OpportunityStage = .qualification, amount: Money = .zero,
                probability: BasisPoints = BasisPoints(1_000), expectedClose: DateOnly? = nil, lostReason: String? = nil, version: Int64 = 1) {
        self.id = id; self.customerId = customerId; self.title = title; self.stage = stage; self.amount = amount
        self.probability = probability; self.expectedClose = expectedClose; self.lostReason = lostReason; self.version = version
    }

    /// The usual chance of each stage, offered when the stage changes.
    public static func defaultProbability(_ stage: OpportunityStage) -> BasisPoints {
        switch stage {
        case .qualification: return BasisPoints(1_000)
        case .proposal: return BasisPoints(3_000)
        case .negotiation: return BasisPoints(6_000)
        case .won: return BasisPoints(10_000)
        case .lost: return BasisPoints(0)
        }
    }

    public func validated() throws(DomainError) -> Opportunity {
        var o = self
        o.title = title.trimmingSpaces()
        o.lostReason = lostReason?.trimmingSpaces()
        if o.lostReason?.isEmpty == true { o.lostReason = nil }
        guard !o.title.isEmpty else { throw DomainError("the opportunity needs a title", field: "title", code: "error.opportunity-title") }
        guard !amount.isNegative else { throw DomainError("the amount cannot be negative", field: "amount", code: "error.amount-negative") }
        guard (0...10_000).contains(probability.value) else { throw DomainError("the probability must be 0–100 %", field: "probability", code: "error.percent-field") }
        if stage == .lost && o.lostReason == nil { throw DomainError("say why it was lost", field: "lost_reason", code: "error.lost-reason") }
        if stage == .won { o.probability = BasisPoints(10_000) }
        if stage == .lost { o.probability = BasisPoints(0) }
        return o
    }

    /// Amount × probability, rounded half-even: this opportunity's part of the weighted pipeline.
    public var weighted: Money {
        Money(minorUnits: Int64(LineAmount.roundHalfEven(Int128(amount.minorUnits) * Int128(probability.value), dividedBy: 10_000)))
    }
}
