/// The lists a user pages through (keyset pagination), each with its sorts and filters.
public enum ListKind: String, Sendable, Codable, CaseIterable {
    case customers
    /// Sales orders not yet fully shipped, soonest due first (the assistant's work list).
    case openOrders = "open-orders"
    /// Every order the user may see: by date, due date, number, customer or value; filtered by
    /// status, rep, customer and a date range.
    case orders
    /// Shipments, newest first: the notes to print.
    case shipments
    /// Receipts and payments, newest first (or largest): what a cash figure is made of,
    /// filtered by period, method, rep, customer, supplier or side (in, out).
    case moneyDocuments = "money"
    /// Expenses, newest first (or largest), filtered by period, category, item and rep.
    case expenses
    /// Purchase orders: still expected first (the overdue at the top), then the rest newest
    /// first; or by number; filtered by status and supplier.
    case purchaseOrders = "purchase-orders"
    /// Stock by product code: all warehouses, or one; everything, or at or under reorder level.
    case stock
    /// Suppliers by name or code.
    case suppliers
    /// The audit trail, newest first: who changed what and when; filtered by user, record kind,
    /// record and days.
    case audit
    /// Opportunities, largest first (or latest close date first: the day they closed or are expected to), filtered
    /// by state (open, closed, won, lost), the days they closed and rep.
    case opportunities
    /// The contact log across customers, newest first, filtered by days and rep.
    case contactLog = "contact-log"

    /// A list this long says "more than N" instead of counting every row (a million orders).
    public var countCap: Int? { self == .customers || self == .openOrders || self == .stock || self == .suppliers ? nil : 10_000 }

    /// The orders `s` cycles through; the first is where the list starts.
    public var sorts: [String] {
        switch self {
        case .customers: ["name", "last-contact", "next-contact", "last-order", "open-receivables"]
        case .openOrders: ["due-date", "order-date"]
        case .orders: ["order-date", "due-date", "number", "customer", "value"]
        case .shipments: ["ship-date", "number"]
        case .moneyDocuments, .expenses: ["date", "amount"]
        case .purchaseOrders: ["expected", "order-date", "number"]
        case .stock: ["code"]
        case .suppliers: ["name", "code"]
        case .audit: ["newest"]
        case .opportunities: ["amount", "close"]
        case .contactLog: ["date"]
        }
    }
}

/// Where a page continues: the sort value of the last row seen and its id.
public struct ListCursor: Sendable, Hashable {
    public enum Key: Sendable, Hashable { case text(String), number(Int64) }
    public var key: Key
    public var id: Int64
    public init(_ key: Key, id: Int64) { self.key = key; self.id = id }
}

/// One row of a list: what it opens, its typed cells, and where the page after it starts.
public struct ListRow: Sendable, Equatable {
    public var ref: RecordRef
    public var cells: [CellValue]
    public var cursor: ListCursor
    public init(ref: RecordRef, cells: [CellValue], cursor: ListCursor) { self.ref = ref; self.cells = cells; self.cursor = cursor }
    public var id: Int64 { ref.id }
}

/// What a list shows: its kind, its order (one of the kind's sorts) and its filters (key → value;
/// a missing or empty value means all).
public struct ListQuery: Sendable, Hashable, Codable {
    public var kind: ListKind
    public var sort: String
    public var filter: [String: String]
    /// What a filter's value stands for, where the value is an id (a rep's or customer's name).
    public var labels: [String: String] = [:]
    public init(_ kind: ListKind, sort: String, filter: [String: String] = [:]) { self.kind = kind; self.sort = sort; self.filter = filter }
    public func filter(_ key: String) -> String { filter[key] ?? "" }
    public var isFiltered: Bool { filter.values.contains { !$0.isEmpty } }
}

/// A page of a list: the columns (they may follow the sort) and the rows.
public struct ListPage: Sendable, Equatable {
    public var columns: [ColumnSpec]
    public var rows: [ListRow]
    /// A search that looked through part of the list only (a short, rare query): there may be more.
    public var complete: Bool
    public init(columns: [ColumnSpec], rows: [ListRow], complete: Bool = true) { self.columns = columns; self.rows = rows; self.complete = complete }
}
