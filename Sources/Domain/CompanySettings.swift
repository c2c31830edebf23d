/// Company-wide settings kept in the database and edited by the manager.
public struct CompanySettings: Sendable, Equatable, Codable {
    public var companyName: String
    public var currency: String
    public var paymentTermsDays: Int
    public var agingBounds: [Int]
    public var dormantDays: Int
    public var defaultCommissionBasisPoints: Int64
    public var commissionOnRevenue: Bool
    public var nextContactDefaultDays: Int
    /// Printed under the company name on documents.
    public var companyAddress = ""
    public var companyPhone = ""
    /// A shipment may take a warehouse's stock below zero (goods shipped before their receipt
    /// is keyed in). Off: a shipment is refused, with the figures, beyond what is on hand.
    public var allowNegativeStock = false
    /// The warehouse a shipment starts from when none holds any of what remains (a code; empty:
    /// the first warehouse).
    public var defaultWarehouse = ""
    /// How finely each unit is counted (a quantity finer than its unit is refused).
    public var unitDecimals = UnitDecimals.standard
    /// How many days ahead a receipt, payment or expense may be dated (a post-dated cheque
    /// keyed in when it arrives); 0: not after today.
    public var moneyFutureDays = 0
    /// How much more than ordered a goods receipt may bring in, as a share of each PO line
    /// (0: never more than ordered).
    public var receivingTolerance = BasisPoints(0)

    public init(companyName: String = "Rapport Trading", currency: String = "CNY", paymentTermsDays: Int = 30,
                agingBounds: [Int] = [30, 60, 90, 180], dormantDays: Int = 90, defaultCommissionBasisPoints: Int64 = 300,
                commissionOnRevenue: Bool = false, nextContactDefaultDays: Int = 14) {
        self.companyName = companyName; self.currency = currency; self.paymentTermsDays = paymentTermsDays
        self.agingBounds = agingBounds; self.dormantDays = dormantDays
        self.defaultCommissionBasisPoints = defaultCommissionBasisPoints; self.commissionOnRevenue = commissionOnRevenue
        self.nextContactDefaultDays = nextContactDefaultDays
    }

    public var agingBuckets: AgingBuckets { AgingBuckets(bounds: agingBounds) }

    public func validated() throws(DomainError) -> CompanySettings {
        guard !companyName.trimmingSpaces().isEmpty else { throw DomainError("company name is required", field: "company_name", code: "error.required") }
        guard (0...365).contains(paymentTermsDays) else { throw DomainError("payment terms must be 0–365 days", field: "payment_terms_days") }
        guard (1...3650).contains(dormantDays) else { throw DomainError("dormant days must be 1–3650", field: "dormant_days") }
        guard !agingBounds.isEmpty, zip(agingBounds, agingBounds.dropFirst()).allSatisfy({ $0 < $1 }), agingBounds[0] >= 1 else {
            throw DomainError("aging bounds must rise, e.g. 30,60,90,180", field: "aging_bounds", code: "error.setting-aging-rise")
        }
        guard (0...10_000).contains(defaultCommissionBasisPoints) else { throw DomainError("commission must be 0–100 %", field: "commission") }
        guard (0...10_000).contains(receivingTolerance.value) else { throw DomainError("receiving tolerance must be 0–100 %", field: "receiving_tolerance") }
        return self
    }
}
