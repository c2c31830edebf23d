/// The reminder types of docs/domain.md, who gets each, and the date windows that define them.
public enum ReminderKind: String, CaseIterable, Sendable, Codable {
    case contactToday = "contact-today"
    case contactTomorrow = "contact-tomorrow"
    case overdueFollowUp = "overdue-follow-up"
    case dormantCustomer = "dormant-customer"
    case receivableDue = "receivable-due"
    case receivableOverdue = "receivable-overdue"
    case birthday
    case deliveryDue = "delivery-due"
    case creditBreach = "credit-breach"
    case goodsExpected = "goods-expected"
    case lowStock = "low-stock"
    case payableDue = "payable-due"
    case payableOverdue = "payable-overdue"
    /// A rep asked for a customer another rep owns; the manager approves or rejects.
    case pendingClaim = "pending-claim"

    /// The kinds shown on each role's home, in display order.
    public static func kinds(for role: Role) -> [ReminderKind] {
        switch role {
        case .salesRep: return [.contactToday, .contactTomorrow, .overdueFollowUp, .receivableOverdue, .receivableDue, .birthday, .creditBreach, .dormantCustomer]
        case .salesAssistant: return [.deliveryDue]
        case .finance: return [.receivableOverdue, .receivableDue, .creditBreach, .payableOverdue, .payableDue]
        case .purchasing: return [.goodsExpected, .lowStock, .payableDue, .payableOverdue]
        case .manager: return [.pendingClaim, .overdueFollowUp, .creditBreach, .receivableOverdue]
        }
    }

    /// Items per group on a role's home: enough to act on today, few enough that every group
    /// fits one screen (a role with one kind of reminder gets a longer list). Headings say how
    /// many more there are; `rapport report reminders` prints exactly these.
    public static func paneItemLimit(for role: Role) -> Int { max(6, 30 / max(1, kinds(for: role).count)) }

    /// Whether the role sees only its own customers' items of this kind.
    public static func ownedOnly(_ role: Role) -> Bool { role == .salesRep }

    public var isOverdueKind: Bool {
        [.overdueFollowUp, .receivableOverdue, .payableOverdue, .creditBreach].contains(self)
    }
}

public struct ReminderRules: Sendable, Equatable {
    public var today: DateOnly
    public var dormantDays: Int
    public var dueWithinDays: Int
    public var birthdayWithinDays: Int

    public init(today: DateOnly, dormantDays: Int = 90, dueWithinDays: Int = 7, birthdayWithinDays: Int = 7) {
        self.today = today; self.dormantDays = dormantDays; self.dueWithinDays = dueWithinDays; self.birthdayWithinDays = birthdayWithinDays
    }

    public var tomorrow: DateOnly { today.adding(days: 1) }
    /// Last order before this date makes an active customer dormant.
    public var dormantBefore: DateOnly { today.adding(days: -dormantDays) }
    /// Due within 7 days: today … today+7 (overdue items are a separate kind).
    public var dueWindow: DateRange { DateRange(from: today, to: today.adding(days: dueWithinDays)) }
    /// Delivery due and goods expected: due/expected date ≤ tomorrow.
    public var deliveryHorizon: DateOnly { tomorrow }

    /// Month-day keys (`MM-DD`) of the birthday window; a list because it may wrap the year end.
    public var birthdayMonthDays: [String] {
        (0...birthdayWithinDays).map { today.adding(days: $0).monthDay }
    }

    /// Days until the next occurrence of a birthday (ignoring the year), nil if not within window.
    public func daysUntilBirthday(_ birthday: Birthday) -> Int? {
        birthdayMonthDays.firstIndex(of: birthday.monthDay)
    }
}

/// A record a reminder, a KPI or a list row points at; Enter opens its card.
public struct RecordRef: Hashable, Sendable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case customer, contact, salesOrder = "sales_order", receivable, purchaseOrder = "purchase_order"
        case payable, product, supplier, stockLevel = "stock_level", claim, opportunity, quote, performance
        case shipment, receipt, payment, expense
        case goodsReceipt = "goods_receipt"
        case supplierContact = "supplier_contact"
        /// One entry of the audit trail.
        case auditEntry = "audit_entry"
        /// Every rep's monthly quotas for a year (id = the year).
        case quotas
        /// Every user of the company (`:users`, id 0), and one of them (a row of it).
        case users, user
        /// A survey score or a complaint.
        case feedback
        /// The quotes of a rep (id = the user), or of everyone for the manager.
        case quoteList = "quote_list"
        /// Every reminder group of the user (id = the user), each with all its items.
        case reminders
        /// A report for this month (id = its index in `Report.names`).
        case report
    }
    public var kind: Kind
    public var id: Int64
    public init(_ kind: Kind, _ id: Int64) { self.kind = kind; self.id = id }
}

public struct ReminderItem: Hashable, Sendable, Codable {
    public var kind: ReminderKind
    public var record: RecordRef
    public var title: String
    public var detail: String
    public var date: DateOnly?
    public var amount: Money?
    public var overdue: Bool

    public init(kind: ReminderKind, record: RecordRef, title: String, detail: String, date: DateOnly?, amount: Money?, overdue: Bool) {
        self.kind = kind; self.record = record; self.title = title; self.detail = detail; self.date = date; self.amount = amount; self.overdue = overdue
    }
}

/// One group of the reminder pane: the total count and the first `limit` items.
public struct ReminderGroup: Hashable, Sendable, Codable {
    public var kind: ReminderKind
    public var total: Int
    public var items: [ReminderItem]
    public init(kind: ReminderKind, total: Int, items: [ReminderItem]) { self.kind = kind; self.total = total; self.items = items }
}
