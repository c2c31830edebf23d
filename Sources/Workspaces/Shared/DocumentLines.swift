import Domain
import Store

/// The lines of a document being keyed in, in one of three modes:
/// - free lines (quotes, orders, purchase orders): a product look-up, quantity, price (list
///   price by default) and discount are typed into entry fields and added one by one;
/// - remaining lines (a shipment from an order, a goods receipt from a PO): one line per line of
///   the source document still open, pre-filled with what remains; the user changes quantities;
/// - allocation lines (receipts, payments): one line per open item, the amount split oldest due
///   first; the user may set any line's amount.
public struct DocumentLines: Sendable, Equatable {
    public enum Mode: Sendable, Equatable { case free, remaining, allocation }

    public struct Item: Sendable, Equatable {
        /// The product (free), the source line (remaining) or the open item (allocation).
        public var id: Int64
        public var productId: Int64?
        /// Product code, or the open item's number.
        public var code: String
        public var name: String
        public var unit: String
        public var quantity: Quantity
        /// What is left on the source line: the most this line may take.
        public var limit: Quantity?
        /// Remaining: how much of `limit` is beyond what remains (a goods receipt's tolerance).
        public var tolerance = Quantity.zero
        /// What is left on the source line (the limit less any tolerance): where the line starts.
        public var remaining: Quantity? { limit.map { Quantity(thousandths: $0.thousandths - tolerance.thousandths) } }
        public var unitPrice: Money
        public var discount: BasisPoints
        /// The line amount, or the amount allocated to the item.
        public var amount: Money
        /// Allocation: the item's open amount and dates.
        public var open: Money = .zero
        public var documentDate: DateOnly?
        public var dueDate: DateOnly?
        /// The user set this line's value (an allocation the default split leaves alone).
        public var manual = false
        /// Remaining: on hand per warehouse id.
        public var stock: [Int64: Quantity] = [:]
        /// Remaining: the decimals a part of it may have (taking all of it is always allowed).
        public var decimals = 3

        public init(id: Int64, productId: Int64?, code: String, name: String, unit: String, quantity: Quantity, limit: Quantity? = nil,
                    unitPrice: Money, discount: BasisPoints, amount: Money) {
            self.id = id; self.productId = productId; self.code = code; self.name = name; self.unit = unit; self.quantity = quantity
            self.limit = limit; self.unitPrice = unitPrice; self.discount = discount; self.amount = amount
        }
    }

    public var mode: Mode
    public var items: [Item] = []
    /// Free lines: the row the user moved to (↑ from an empty product field), nil while typing.
    /// Remaining and allocation lines: the line the entry field edits.
    public var selected: Int?
    /// Free lines: the line taken back into the entry fields; Enter on the last field puts it back.
    public var editing: Int?
    var products: [Int64: ProductOption] = [:]
    /// The list price last put in the price field, so choosing another product replaces it
    /// only when the user has not typed their own price.
    var defaultedPrice: String = ""
    /// Orders: what the customer last paid per product (the price a line starts from), and which
    /// price the line being typed started from (a catalog key and its arguments).
    var lastPrices: [Int64: LastPrice]?
    public var priceNote: UserMessage?
    /// What the price note says: the last price (its catalog key), or the product's own.
    var priceKeys = PriceKeys(last: "order.price-last", list: "order.price-list")
    struct PriceKeys: Sendable, Equatable { var last: String, list: String }
    /// Orders: the credit the customer already uses, against its limit.
    public var credit: CreditExposure?
    /// Two header dates that must be in order (a quote's date and valid-until).
    var dateOrder: DateOrder?
    /// A shipment may take stock below zero (the company's setting): no refusal beyond on hand,
    /// and lines start at what remains.
    var stockMayGoNegative = false
    /// The header field holding the amount to allocate (allocation mode).
    var amountField = "amount"

    public init(mode: Mode) { self.mode = mode; selected = mode == .free ? nil : 0 }

    struct DateOrder: Sendable, Equatable { var from: String, to: String }
    struct LastPrice: Sendable, Equatable { var price: Money, on: DateOnly }

    /// The price a new line for `p` starts from: the customer's last price on an order, else the
    /// list price; on an order the line says which.
    mutating func startingPrice(_ p: ProductOption) -> Money {
        guard let lastPrices else { return p.listPrice }
        if let last = lastPrices[p.id] {
            priceNote = UserMessage(priceKeys.last, last.price.formatted(), last.on.iso)
            return last.price
        }
        priceNote = UserMessage(priceKeys.list)
        return p.listPrice
    }

    /// Sum of the line amounts (allocation: what is allocated).
    public var total: Money { items.reduce(.zero) { $0 + $1.amount } }

    /// Free lines' entry fields; the other modes have one, `line_value`.
    static let freeEntryKeys: Set<String> = ["product", "quantity", "unit_price", "discount"]
    static let valueKey = "line_value"

    var entryKeys: Set<String> { mode == .free ? DocumentLines.freeEntryKeys : [DocumentLines.valueKey] }
}

extension EditorModel {
    var focusKey: String { form.fields.indices.contains(form.focus) ? form.fields[form.focus].key : "" }

    /// Keys in a document form: free lines or lines over another document, by the lines' mode.
    mutating func handleDocument(_ action: FormModel.Action) -> Outcome {
        guard let lines else { return formOutcome(form.handle(action)) }
        return lines.mode == .free ? handleFreeLines(action) : handleFixedLines(action)
    }

    func formOutcome(_ outcome: FormModel.Outcome) -> Outcome {
        switch outcome {
        case .stay: return .stay
        case .close: return .close
        case .submit: return .save(acceptSimilar: false)
        }
    }

    /// Header checked (and its dates in order), at least one line with something on it, no line
    /// half-typed: save.
    mutating func submitDocument() -> Outcome {
        guard let lines else { return .stay }
        var ok = true
        for i in form.fields.indices where !lines.entryKeys.contains(form.fields[i].key) {
            form.fields[i].error = form.fields[i].check(today: form.today)
            if form.fields[i].error != nil, ok { ok = false; form.focus = i }
        }
        guard ok else { return .stay }
        if let order = lines.dateOrder, let from = FieldRule.date(value(order.from), today: form.today), let to = FieldRule.date(value(order.to), today: form.today), to < from {
            form.setError(order.to, FieldError("error.before", from.iso))
            return .stay
        }
        let firstEntry = lines.mode == .free ? "product" : DocumentLines.valueKey
        if lines.mode == .allocation ? false : !lines.items.contains(where: { $0.quantity.thousandths > 0 }) {
            form.setError(firstEntry, FieldError(lines.mode == .free ? "error.no-lines" : isGoodsReceipt ? "error.nothing-to-receive" : "error.nothing-to-ship"))
            return .stay
        }
        if lines.editing != nil {
            form.setError(firstEntry, FieldError("error.line-open"))
            return .stay
        }
        saving = true
        notice = nil
        return .save(acceptSimilar: false)
    }
}
