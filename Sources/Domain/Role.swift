public enum Role: String, CaseIterable, Sendable, Codable {
    case salesRep = "sales_rep"
    case salesAssistant = "sales_assistant"
    case finance
    case purchasing
    case manager

    public var capabilities: Set<Capability> {
        switch self {
        case .salesRep:
            return [.viewOwnCustomers, .editOwnCustomers, .logContacts, .editQuotes, .viewOwnReceivables, .viewOwnPerformance, .fileClaims]
        case .salesAssistant:
            return [.viewAllCustomers, .editSalesOrders, .postShipments, .viewDepartmentPerformance, .viewStock, .printDocuments]
        case .finance:
            return [.viewAllCustomers, .viewAllReceivables, .postReceipts, .postPayments, .editExpenses, .viewPayables, .viewCashStatistics, .viewSuppliers]
        case .purchasing:
            return [.viewSuppliers, .editSuppliers, .editPurchaseOrders, .postGoodsReceipts, .adjustStock, .viewStock, .viewPayables, .printDocuments]
        case .manager:
            return Set(Capability.allCases)
        }
    }

    public func can(_ c: Capability) -> Bool { capabilities.contains(c) }

    public static func parse(_ text: String) -> Role? {
        let t = text.lowercased().replacingOccurrences("-", "_")
        switch t {
        case "rep", "sales_rep", "salesrep", "业务员", "销售": return .salesRep
        case "assistant", "sales_assistant", "销售助理": return .salesAssistant
        case "finance", "财务", "财务主管": return .finance
        case "purchasing", "buyer", "采购", "采购员": return .purchasing
        case "manager", "经理", "主管": return .manager
        default: return nil
        }
    }
}

public enum Capability: String, CaseIterable, Sendable {
    case viewOwnCustomers, viewAllCustomers, editOwnCustomers, editAllCustomers, logContacts, editQuotes
    case editSalesOrders, postShipments, viewOwnReceivables, viewAllReceivables, postReceipts, postPayments
    case editExpenses, viewPayables, viewCashStatistics, viewSuppliers, editSuppliers, editPurchaseOrders
    case postGoodsReceipts, adjustStock, viewStock, printDocuments, viewOwnPerformance, viewDepartmentPerformance
    case viewAllKPIs, manageUsers, editSettings, reassignCustomers, approveClaims, fileClaims
}

/// Who is asking: every Store read and write takes one and checks it.
public struct Actor: Sendable, Equatable {
    public var userId: Int64
    public var login: String
    public var displayName: String
    public var role: Role

    public init(userId: Int64, login: String, displayName: String, role: Role) {
        self.userId = userId; self.login = login; self.displayName = displayName; self.role = role
    }

    public func can(_ c: Capability) -> Bool { role.can(c) }
    /// Cost prices and margins are for the roles that buy, account or manage — on every path.
    public var seesCostPrices: Bool { [.purchasing, .finance, .manager].contains(role) }
    /// A sales rep sees only own customers; every other role sees all of them.
    public var restrictedToOwnCustomers: Bool { !role.can(.viewAllCustomers) }

    public static let system = Actor(userId: 0, login: "system", displayName: "system", role: .manager)
}

extension String {
    func replacingOccurrences(_ a: Character, _ b: Character) -> String { String(map { $0 == a ? b : $0 }) }
}
