/// A document as it goes to paper: what every print template of its kind can show. The Store
/// reads it (checking who may see it); Documents lays it out.
public struct PrintableDocument: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case quote, order, shipment, purchaseOrder = "purchase-order"
        /// The counterparty's role on this kind of document.
        public var party: String { self == .purchaseOrder ? "supplier" : "customer" }
    }

    public struct Party: Sendable, Equatable {
        public var code: String
        public var name: String
        public var address: String
        public var contact: String
        public var phone: String
        public init(code: String = "", name: String, address: String = "", contact: String = "", phone: String = "") {
            self.code = code; self.name = name; self.address = address; self.contact = contact; self.phone = phone
        }
    }

    public struct Line: Sendable, Equatable {
        public var code: String
        public var name: String
        public var unit: String
        public var quantity: Quantity
        /// Shipment notes: what the order line asked for (the line's `quantity` is what ships).
        public var ordered: Quantity?
        public var unitPrice: Money
        public var discount: BasisPoints
        public var amount: Money
        public init(code: String, name: String, unit: String, quantity: Quantity, ordered: Quantity? = nil,
                    unitPrice: Money, discount: BasisPoints = BasisPoints(0), amount: Money) {
            self.code = code; self.name = name; self.unit = unit; self.quantity = quantity; self.ordered = ordered
            self.unitPrice = unitPrice; self.discount = discount; self.amount = amount
        }
    }

    public var kind: Kind
    public var number: String
    public var date: DateOnly
    /// Valid until (quote), delivery date (order), expected date (purchase order); none for a shipment.
    public var dueDate: DateOnly?
    public var status: String
    public var company: Party
    public var currency: String
    public var party: Party
    /// The rep (sales documents) or the buyer (purchase order).
    public var owner: String
    /// The document this one comes from: the quote of an order, the order of a shipment.
    public var reference: String
    public var warehouse: String
    public var note: String
    public var lines: [Line]
    public var total: Money

    public init(kind: Kind, number: String, date: DateOnly, dueDate: DateOnly?, status: String, company: Party, currency: String,
                party: Party, owner: String, reference: String = "", warehouse: String = "", note: String = "", lines: [Line], total: Money) {
        self.kind = kind; self.number = number; self.date = date; self.dueDate = dueDate; self.status = status
        self.company = company; self.currency = currency; self.party = party; self.owner = owner; self.reference = reference
        self.warehouse = warehouse; self.note = note; self.lines = lines; self.total = total
    }
}
