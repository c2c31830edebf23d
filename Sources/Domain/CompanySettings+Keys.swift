/// The settings by name, as the command line lists and sets them (`rapport settings`).
extension CompanySettings {
    public static let keys = ["company_name", "company_address", "company_phone", "currency", "payment_terms_days", "aging_bounds",
                              "dormant_days", "next_contact_days", "commission", "commission_on_revenue", "negative_stock", "default_warehouse",
                              "unit_decimals", "money_future_days", "receiving_tolerance"]

    /// A setting's value as it is typed back.
    public func value(of key: String) -> String? {
        switch key {
        case "company_name": companyName
        case "company_address": companyAddress
        case "company_phone": companyPhone
        case "currency": currency
        case "payment_terms_days": String(paymentTermsDays)
        case "aging_bounds": agingBounds.map(String.init).joined(separator: ",")
        case "dormant_days": String(dormantDays)
        case "next_contact_days": String(nextContactDefaultDays)
        case "commission": BasisPoints(defaultCommissionBasisPoints).plain
        case "commission_on_revenue": commissionOnRevenue ? "true" : "false"
        case "negative_stock": allowNegativeStock ? "allowed" : "refused"
        case "default_warehouse": defaultWarehouse
        case "unit_decimals": unitDecimals.text
        case "money_future_days": String(moneyFutureDays)
        case "receiving_tolerance": receivingTolerance.plain
        default: nil
        }
    }

    /// These settings with one changed; a bad key or value is refused naming both.
    public func setting(_ key: String, to raw: String) throws(DomainError) -> CompanySettings {
        var s = self
        let v = raw.trimmingSpaces()
        func number(_ range: ClosedRange<Int>) throws(DomainError) -> Int {
            guard let n = Int(v), range.contains(n) else {
                throw DomainError("\(key) must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(raw)'", field: key,
                                  code: "error.setting-number", raw, String(range.lowerBound), String(range.upperBound))
            }
            return n
        }
        switch key {
        case "company_name": s.companyName = v
        case "company_address": s.companyAddress = v
        case "company_phone": s.companyPhone = v
        case "currency":
            guard v.count == 3, v.allSatisfy({ $0.isASCII && $0.isLetter }) else { throw DomainError("currency must be a 3-letter code such as CNY, not '\(raw)'", field: key, code: "error.setting-currency", raw) }
            s.currency = v.uppercased()
        case "payment_terms_days": s.paymentTermsDays = try number(0...365)
        case "dormant_days": s.dormantDays = try number(1...3650)
        case "next_contact_days": s.nextContactDefaultDays = try number(1...365)
        case "aging_bounds":
            let parts: [Int?] = v.split(separator: ",").map { Int(String($0).trimmingSpaces()) }
            guard !parts.isEmpty, !parts.contains(nil) else { throw DomainError("aging_bounds must be days separated by commas, e.g. 30,60,90,180, not '\(raw)'", field: key, code: "error.setting-aging", raw) }
            s.agingBounds = parts.compactMap { $0 }
        case "commission":
            do { s.defaultCommissionBasisPoints = try BasisPoints.parsePercent(v).value } catch {
                throw DomainError("commission must be a percentage from 0 to 100, not '\(raw)'", field: key, code: "error.setting-percent", raw)
            }
        case "commission_on_revenue":
            guard ["true", "false"].contains(v) else { throw DomainError("commission_on_revenue must be true or false, not '\(raw)'", field: key) }
            s.commissionOnRevenue = v == "true"
        case "negative_stock":
            guard ["allowed", "refused"].contains(v) else { throw DomainError("negative_stock must be allowed or refused, not '\(raw)'", field: key) }
            s.allowNegativeStock = v == "allowed"
        case "default_warehouse":
            // That the warehouse exists is the Store's to check when the setting is saved.
            guard v.count <= 32 else { throw DomainError("default_warehouse must be a warehouse code, not '\(raw)'", field: key, code: "error.setting-warehouse", raw) }
            s.defaultWarehouse = v.uppercased()
        case "unit_decimals": s.unitDecimals = try UnitDecimals.parse(v)
        case "money_future_days": s.moneyFutureDays = try number(0...366)
        case "receiving_tolerance":
            do { s.receivingTolerance = try BasisPoints.parsePercent(v) } catch {
                throw DomainError("receiving_tolerance must be a percentage from 0 to 100, not '\(raw)'", field: key, code: "error.setting-percent", raw)
            }
        default:
            throw DomainError("unknown setting '\(key)' (one of: \(CompanySettings.keys.joined(separator: ", ")))", field: key)
        }
        return try s.validated()
    }
}
