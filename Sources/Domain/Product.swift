/// A product as it is sold and bought: code, name, unit, list and cost price, and the category
/// it is filed under (stock is filtered by it).
public struct Product: Sendable, Equatable, Codable {
    public var code: String
    public var name: String
    public var unit: String
    public var category = ""
    public var listPrice: Money
    public var costPrice: Money
    public var active: Bool

    public init(code: String, name: String, unit: String = "pcs", listPrice: Money, costPrice: Money = .zero, active: Bool = true) {
        self.code = code; self.name = name; self.unit = unit; self.listPrice = listPrice; self.costPrice = costPrice; self.active = active
    }

    public func validated() throws(DomainError) -> Product {
        var p = self
        p.code = code.trimmingSpaces(); p.name = name.trimmingSpaces(); p.unit = unit.trimmingSpaces(); p.category = category.trimmingSpaces()
        if p.unit.isEmpty { p.unit = "pcs" }
        guard !p.code.isEmpty, p.code.count <= 32 else { throw DomainError("a code of 1–32 characters is required", field: "code") }
        guard !p.name.isEmpty, p.name.count <= 200 else { throw DomainError("a name of 1–200 characters is required", field: "name") }
        guard p.unit.count <= 16 else { throw DomainError("the unit is longer than 16 characters", field: "unit") }
        guard p.category.count <= 40 else { throw DomainError("the category is longer than 40 characters", field: "category") }
        guard !listPrice.isNegative else { throw DomainError("the list price cannot be negative", field: "list_price") }
        guard !costPrice.isNegative else { throw DomainError("the cost price cannot be negative", field: "cost_price") }
        return p
    }

    /// `1`, `true`, `yes`, `是`, `y` → true; `0`, `false`, `no`, `否`, `n` → false; empty → nil.
    public static func parseFlag(_ text: String) throws(DomainError) -> Bool? {
        switch text.trimmingSpaces().lowercased() {
        case "": return nil
        case "1", "true", "yes", "y", "是": return true
        case "0", "false", "no", "n", "否": return false
        default: throw DomainError("'\(text)' is not yes/no (1 or 0)")
        }
    }
}

/// A supplier: who the company buys from, on what payment terms.
public struct Supplier: Sendable, Equatable, Codable {
    public var code: String
    public var name: String
    public var contactPerson: String?
    public var phone: String?
    public var email: String?
    public var address: String?
    public var paymentTermsDays: Int

    public init(code: String, name: String, contactPerson: String? = nil, phone: String? = nil, email: String? = nil, address: String? = nil, paymentTermsDays: Int = 30) {
        self.code = code; self.name = name; self.contactPerson = contactPerson; self.phone = phone; self.email = email
        self.address = address; self.paymentTermsDays = paymentTermsDays
    }

    public func validated() throws(DomainError) -> Supplier {
        var s = self
        s.code = code.trimmingSpaces(); s.name = name.trimmingSpaces()
        guard !s.code.isEmpty, s.code.count <= 32 else { throw DomainError("a code of 1–32 characters is required", field: "code") }
        guard !s.name.isEmpty, s.name.count <= 200 else { throw DomainError("a name of 1–200 characters is required", field: "name") }
        if let p = phone, !p.isEmpty { s.phone = try Contact.validatePhone(p, field: "phone") }
        if let e = email, !e.isEmpty { s.email = try Contact.validateEmail(e, field: "email") }
        guard (0...365).contains(paymentTermsDays) else { throw DomainError("payment terms must be 0–365 days", field: "payment_terms_days") }
        return s
    }
}

/// A place stock is kept.
public struct Warehouse: Sendable, Equatable, Codable {
    public var code: String
    public var name: String
    public init(code: String, name: String) { self.code = code; self.name = name }
}

/// A person at a supplier: name, title, phones, e-mail, WeChat, notes — checked by the same
/// rules as a customer's contact.
public struct SupplierContact: Sendable, Equatable {
    public var id: Int64?
    public var supplierId: Int64
    public var name: String
    public var title: String?
    public var mobile: String?
    public var phone: String?
    public var email: String?
    public var wechat: String?
    public var notes: String?
    public var version: Int64

    public init(id: Int64? = nil, supplierId: Int64, name: String, title: String? = nil, mobile: String? = nil, phone: String? = nil,
                email: String? = nil, wechat: String? = nil, notes: String? = nil, version: Int64 = 1) {
        self.id = id; self.supplierId = supplierId; self.name = name; self.title = title; self.mobile = mobile; self.phone = phone
        self.email = email; self.wechat = wechat; self.notes = notes; self.version = version
    }

    public func validated(today: DateOnly) throws(DomainError) -> SupplierContact {
        let c = try Contact(customerId: supplierId, name: name, title: title, mobile: mobile, phone: phone, email: email, wechat: wechat, notes: notes)
            .validated(today: today)
        var out = self
        out.name = c.name; out.mobile = c.mobile; out.phone = c.phone; out.email = c.email
        return out
    }
}
