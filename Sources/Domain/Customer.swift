/// A customer as the rep keys it in. `validated()` checks every field and names the first bad one;
/// the Store writes only validated values.
public struct Customer: Sendable, Equatable, Codable {
    public var id: Int64?
    public var code: String
    public var name: String
    public var shortName: String?
    public var status: CustomerStatus
    public var ownerId: Int64?
    public var region: String?
    public var industry: String?
    public var source: String?
    public var contactPerson: String?
    public var phone: String?
    public var email: String?
    public var address: String?
    public var creditLimit: Money
    public var paymentTermsDays: Int
    public var nextContactOn: DateOnly?
    /// Free labels, comma-separated (`vip, export`), filterable on the customer list.
    public var tags: String = ""
    public var version: Int64

    public init(id: Int64? = nil, code: String, name: String, shortName: String? = nil, status: CustomerStatus = .lead, ownerId: Int64? = nil,
                region: String? = nil, industry: String? = nil, source: String? = nil, contactPerson: String? = nil, phone: String? = nil,
                email: String? = nil, address: String? = nil, creditLimit: Money = .zero, paymentTermsDays: Int = 30,
                nextContactOn: DateOnly? = nil, tags: String = "", version: Int64 = 1) {
        self.id = id; self.code = code; self.name = name; self.shortName = shortName; self.status = status; self.ownerId = ownerId
        self.region = region; self.industry = industry; self.source = source; self.contactPerson = contactPerson; self.phone = phone
        self.email = email; self.address = address; self.creditLimit = creditLimit; self.paymentTermsDays = paymentTermsDays
        self.nextContactOn = nextContactOn; self.tags = tags; self.version = version
    }

    public func validated() throws(DomainError) -> Customer {
        let (c, problems) = checked()
        if let first = problems.first { throw first }
        return c
    }

    /// The customer tidied (trimmed, phone and e-mail normalised, tags folded) and every rule it
    /// breaks, each field on its own: a form stops at the first, an import reports them all.
    public func checked() -> (Customer, [DomainError]) {
        var c = self
        var problems: [DomainError] = []
        c.code = code.trimmingSpaces()
        c.name = name.trimmingSpaces()
        if c.code.isEmpty || c.code.count > 32 { problems.append(DomainError("a code of 1–32 characters is required", field: "code", code: "error.code-required")) }
        if c.name.isEmpty { problems.append(DomainError("the customer needs a name", field: "name", code: "error.customer-name")) }
        if c.name.count > 200 { problems.append(DomainError("the name is longer than 200 characters", field: "name", code: "error.name-too-long")) }
        do throws(DomainError) {
            if let p = phone, !p.isEmpty { c.phone = try Contact.validatePhone(p, field: "phone") }
        } catch { problems.append(error) }
        do throws(DomainError) {
            if let e = email, !e.isEmpty { c.email = try Contact.validateEmail(e, field: "email") }
        } catch { problems.append(error) }
        if creditLimit.isNegative { problems.append(DomainError("the credit limit cannot be negative", field: "credit_limit", code: "error.credit-negative")) }
        if !(0...365).contains(paymentTermsDays) { problems.append(DomainError("payment terms must be 0–365 days", field: "payment_terms_days", code: "error.terms-range")) }
        c.tags = Customer.normalizeTags(tags)
        for (key, value) in [("short_name", shortName), ("region", region), ("industry", industry), ("source", source),
                             ("contact_person", contactPerson), ("address", address)] where (value?.count ?? 0) > 200 {
            problems.append(DomainError("longer than 200 characters", field: key, code: "error.field-too-long"))
        }
        return (c, problems)
    }

    /// `VIP, export ,,vip` → `vip,export`: lower-cased, trimmed, without repeats.
    public static func normalizeTags(_ text: String) -> String {
        var seen: [String] = []
        for t in text.split(whereSeparator: { $0 == "," || $0 == "，" }).map({ String($0).trimmingSpaces().lowercased() }) where !t.isEmpty && !seen.contains(t) {
            seen.append(t)
        }
        return seen.joined(separator: ",")
    }

    /// The key customer fields whose filling makes up record completeness (docs/domain.md).
    public var keyFieldsFilled: Int {
        [contactPerson, phone, email, address, industry, source].filter { !($0?.trimmingSpaces().isEmpty ?? true) }.count + (ownerId == nil ? 0 : 1)
    }
    public static let keyFieldCount = 7
}

/// A person at a customer (a business card).
public struct Contact: Sendable, Equatable, Codable {
    public var id: Int64?
    public var customerId: Int64
    public var name: String
    public var title: String?
    public var mobile: String?
    public var phone: String?
    public var email: String?
    public var wechat: String?
    public var qq: String?
    public var birthday: Birthday?
    public var notes: String?
    public var version: Int64

    public init(id: Int64? = nil, customerId: Int64, name: String, title: String? = nil, mobile: String? = nil, phone: String? = nil,
                email: String? = nil, wechat: String? = nil, qq: String? = nil, birthday: Birthday? = nil, notes: String? = nil, version: Int64 = 1) {
        self.id = id; self.customerId = customerId; self.name = name; self.title = title; self.mobile = mobile; self.phone = phone
        self.email = email; self.wechat = wechat; self.qq = qq; self.birthday = birthday; self.notes = notes; self.version = version
    }

    public func validated(today: DateOnly) throws(DomainError) -> Contact {
        var c = self
        c.name = name.trimmingSpaces()
        guard !c.name.isEmpty else { throw DomainError("the contact needs a name", field: "name", code: "error.contact-name") }
        if let m = mobile, !m.isEmpty { c.mobile = try Contact.validatePhone(m, field: "mobile") }
        if let p = phone, !p.isEmpty { c.phone = try Contact.validatePhone(p, field: "phone") }
        if let e = email, !e.isEmpty { c.email = try Contact.validateEmail(e, field: "email") }
        if let q = qq, !q.isEmpty, !(q.allSatisfy { $0.isASCII && $0.isNumber } && (5...12).contains(q.count)) {
            throw DomainError("'\(q)' is not a QQ number (5–12 digits)", field: "qq", code: "error.qq", q)
        }
        if let b = birthday, b.isInFuture(today) { throw DomainError("the birthday \(b) is in the future", field: "birthday", code: "error.birthday-future", b.description) }
        return c
    }

    /// Digits, spaces, `+`, `-`, `(`, `)` and an optional extension; at least 5 digits. Returns the
    /// number with runs of spaces folded.
    public static func validatePhone(_ text: String, field: String) throws(DomainError) -> String {
        let t = text.trimmingSpaces()
        let allowed: Set<Character> = ["+", "-", " ", "(", ")", "/", "."]
        let digits = t.filter { $0.isASCII && $0.isNumber }.count
        guard t.allSatisfy({ ($0.isASCII && $0.isNumber) || allowed.contains($0) }), (5...20).contains(digits) else {
            throw DomainError("'\(text)' is not a phone number", field: field, code: "error.phone", text)
        }
        return t
    }

    /// One `@`, a dot in the domain, no spaces. Lower-cases the domain.
    public static func validateEmail(_ text: String, field: String) throws(DomainError) -> String {
        let t = text.trimmingSpaces()
        let parts = t.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !t.contains(where: { $0.isWhitespace }) else {
            throw DomainError("'\(text)' is not an e-mail address", field: field, code: "error.email", text)
        }
        return "\(parts[0])@\(parts[1].lowercased())"
    }
}

public enum ContactKind: String, CaseIterable, Sendable, Codable { case call, email, im, visit, meeting }

public enum PaymentMethod: String, CaseIterable, Sendable, Codable {
    case cash, bankTransfer = "bank_transfer", cheque, wechatPay = "wechat_pay", alipay, other

    /// As an import file writes it: the stored name, spaced or not, or the Chinese word; empty is nil.
    public static func parse(_ text: String) -> PaymentMethod? {
        let t = text.trimmingSpaces().lowercased().replacingOccurrences(of: " ", with: "_")
        if t.isEmpty { return nil }
        if let m = PaymentMethod(rawValue: t) { return m }
        switch t {
        case "现金": return .cash
        case "银行转账", "转账", "bank", "transfer": return .bankTransfer
        case "支票", "check": return .cheque
        case "微信", "微信支付", "wechat": return .wechatPay
        case "支付宝": return .alipay
        case "其他": return .other
        default: return nil
        }
    }
}

public enum ExpenseCategory: String, CaseIterable, Sendable, Codable {
    case rent, utilities, office, salaries, commissions, sales, marketing, travel, other
}

public enum FeedbackKind: String, CaseIterable, Sendable, Codable {
    case csat, nps, complaint

    /// CSAT scores are 1–5, NPS 0–10; a complaint has none.
    public func validate(score: Int?) throws(DomainError) {
        let ok: Bool
        switch self {
        case .csat: ok = score.map { (1...5).contains($0) } ?? false
        case .nps: ok = score.map { (0...10).contains($0) } ?? false
        case .complaint: ok = score == nil
        }
        guard ok else {
            throw DomainError("\(rawValue) needs \(self == .csat ? "a score of 1–5" : self == .nps ? "a score of 0–10" : "no score")", field: "score")
        }
    }
}
