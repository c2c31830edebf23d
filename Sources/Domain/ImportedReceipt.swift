/// A receipt of the past, as `rapport import receipts` reads it: the receipt (its customer still
/// a reference for the Store to resolve) and, when an allocations file names them, the
/// receivables it paid — by their numbers, with the amount and the allocations file's row.
/// Without named allocations it is split oldest due first over what was open on its own date.
public struct ImportedReceipt: Sendable, Equatable {
    public struct NamedAllocation: Sendable, Equatable {
        public var receivable: String
        public var amount: Money
        /// The allocations file's row, for a problem's message.
        public var line: Int
        public init(receivable: String, amount: Money, line: Int) { self.receivable = receivable; self.amount = amount; self.line = line }
    }

    public var draft: ReceiptDraft
    public var allocations: [NamedAllocation]?
    public init(draft: ReceiptDraft, allocations: [NamedAllocation]? = nil) { self.draft = draft; self.allocations = allocations }
}
