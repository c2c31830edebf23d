/// Document life cycles of docs/domain.md. Each `transition` either returns the new status or throws
/// a `DomainError` naming the refused move, so the Store never writes an impossible state.
public enum QuoteStatus: String, CaseIterable, Sendable, Codable {
    case draft, sent, accepted, rejected, expired

    public func transition(to next: QuoteStatus) throws(DomainError) -> QuoteStatus {
        let allowed: [QuoteStatus: Set<QuoteStatus>] = [
            .draft: [.sent, .rejected, .expired], .sent: [.accepted, .rejected, .expired],
        ]
        guard allowed[self]?.contains(next) == true else { throw .invalidTransition("quote", from: rawValue, to: next.rawValue) }
        return next
    }

    /// Draft or sent quotes past `validUntil` are expired.
    public func effective(validUntil: DateOnly, today: DateOnly) -> QuoteStatus {
        (self == .draft || self == .sent) && today > validUntil ? .expired : self
    }
}

public enum OrderStatus: String, CaseIterable, Sendable, Codable {
    case open, partiallyShipped = "partially_shipped", shipped, cancelled

    /// Status implied by the lines' ordered and shipped quantities.
    public static func derived(ordered: Quantity, shipped: Quantity) -> OrderStatus {
        if shipped.thousandths <= 0 { return .open }
        return shipped >= ordered ? .shipped : .partiallyShipped
    }

    public func cancel(shippedSoFar: Quantity) throws(DomainError) -> OrderStatus {
        guard self == .open, shippedSoFar.thousandths == 0 else {
            throw DomainError("an order can be cancelled only while nothing is shipped", field: "status", code: "error.order-cancel-shipped")
        }
        return .cancelled
    }

    public var isOpen: Bool { self == .open || self == .partiallyShipped }
}

public enum PurchaseOrderStatus: String, CaseIterable, Sendable, Codable {
    case open, partiallyReceived = "partially_received", received, cancelled

    public static func derived(ordered: Quantity, received: Quantity) -> PurchaseOrderStatus {
        if received.thousandths <= 0 { return .open }
        return received >= ordered ? .received : .partiallyReceived
    }

    public func cancel(receivedSoFar: Quantity) throws(DomainError) -> PurchaseOrderStatus {
        guard self == .open, receivedSoFar.thousandths == 0 else {
            throw DomainError("a purchase order can be cancelled only while nothing is received", field: "status", code: "error.po-cancel-received")
        }
        return .cancelled
    }
}

/// Shipments, receipts, payments, goods receipts: posted, then at most voided (with a reason).
public enum PostingStatus: String, CaseIterable, Sendable, Codable {
    case posted, voided

    public func void(reason: String) throws(DomainError) -> PostingStatus {
        guard self == .posted else { throw .invalidTransition("document", from: rawValue, to: "voided") }
        guard !reason.trimmingSpaces().isEmpty else { throw DomainError("a void needs a reason", field: "reason", code: "error.void-reason") }
        return .voided
    }
}

public enum OpportunityStage: String, CaseIterable, Sendable, Codable {
    case qualification, proposal, negotiation, won, lost
    public var isClosed: Bool { self == .won || self == .lost }
}

public enum CustomerStatus: String, CaseIterable, Sendable, Codable {
    case lead, prospect, active, dormant, lost
}

/// Order line quantities: shipping more than remains is refused.
public struct LineProgress: Sendable, Equatable {
    public var ordered: Quantity
    public var done: Quantity
    public init(ordered: Quantity, done: Quantity) { self.ordered = ordered; self.done = done }
    public var remaining: Quantity { ordered - done }

    public func adding(_ q: Quantity) throws(DomainError) -> LineProgress {
        guard q.thousandths > 0 else { throw DomainError("quantity must be more than 0", field: "quantity", code: "error.quantity-positive") }
        guard q <= remaining else {
            throw DomainError("only \(remaining) remain on this line, not \(q)", field: "quantity", code: "error.over-remaining", remaining.description, q.description)
        }
        return LineProgress(ordered: ordered, done: done + q)
    }
}

/// Gapless document numbers per type and year: `SO-2026-00042`.
public enum DocumentKind: String, CaseIterable, Sendable, Codable {
    case quote = "Q", salesOrder = "SO", shipment = "SH", receipt = "RC", purchaseOrder = "PO"
    case goodsReceipt = "GR", payment = "PM", expense = "EX"

    public func number(year: Int, sequence: Int) -> String {
        let s = String(sequence)
        return "\(rawValue)-\(year)-" + String(repeating: "0", count: max(0, 5 - s.count)) + s
    }
}
