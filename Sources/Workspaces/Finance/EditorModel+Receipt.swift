import Domain
import Store

extension EditorModel {
    /// A receipt from a customer: date, amount, method, and one line per open receivable (oldest
    /// due first). Typing the amount splits it oldest first; any line may be set by hand, and the
    /// others share what is left; what is not allocated stays as the customer's credit.
    /// `credit`: what earlier receipts left unapplied (said above the form: it is allocated from
    /// those receipts, not taken again); `futureDays`: how far ahead the date may be.
    public static func receipt(customerId: Int64, customerName: String, openItems: [AllocationCandidate], credit: Money = .zero, futureDays: Int = 0,
                               today: DateOnly) -> EditorModel {
        money(.newReceipt(customerId: customerId), title: "editor.new-receipt", party: customerName, methodLabel: "field.method", openItems: openItems,
              credit: credit, futureDays: futureDays, today: today)
    }

    /// A payment to a supplier: the same form over its open payables; what is not allocated
    /// stays as a prepayment.
    public static func payment(supplierId: Int64, supplierName: String, openItems: [AllocationCandidate], credit: Money = .zero, futureDays: Int = 0,
                               today: DateOnly) -> EditorModel {
        money(.newPayment(supplierId: supplierId), title: "editor.new-payment", party: supplierName, methodLabel: "field.pay-method", openItems: openItems,
              credit: credit, futureDays: futureDays, today: today)
    }

    /// A payment, or credit allocated from one: what is left is a prepayment to the supplier.
    public var isSupplierSide: Bool {
        switch purpose {
        case .newPayment: true
        case .allocateCredit(let ref): ref.kind == .payment
        default: false
        }
    }

    /// Which supplier a payment is to: a look-up over every supplier (code, name, pinyin).
    public static func pickSupplier(_ suppliers: [SupplierOption], then target: SupplierPickTarget = .payment, today: DateOnly) -> EditorModel {
        let options = suppliers.map { FieldRule.Option(value: String($0.id), label: $0.code + " " + $0.name, search: $0.searchKey) }
        var model = EditorModel(purpose: .pickSupplier(then: target), title: target == .payment ? "editor.new-payment" : "editor.new-po", subject: "", form: FormModel(fields: [
            .init("supplier", label: "field.supplier", rule: .lookup(options)),
        ], today: today))
        model.notice = Notice(key: target == .payment ? "pick.supplier-how" : "pick.supplier-po", isError: false)
        return model
    }

    /// What a receipt (payment) left unapplied, allocated later: the day (today; not before the
    /// document), the amount to allocate (all the credit left, or less), the open items split
    /// oldest first as for a receipt.
    public static func allocateCredit(_ source: CreditSource, today: DateOnly) -> EditorModel {
        var model = EditorModel(purpose: .allocateCredit(source.ref), title: "editor.allocate-credit", subject: source.number + " " + source.partyName,
                                form: FormModel(fields: [
            .init("date", label: "field.date", rule: .pastDate(required: true), value: today.iso),
            .init("amount", label: "field.amount", rule: .money, value: source.credit.formatted(grouping: false)),
            .init(DocumentLines.valueKey, label: "field.allocate", rule: .text(required: false, max: 20)),
        ], today: today))
        model.lines = allocationLines(source.openItems)
        model.notice = Notice(key: "allocate.credit-left", argument: source.credit.formatted(), isError: false)
        model.refill()
        model.form.focus = 2
        model.showLine(0)
        return model
    }

    static func allocationLines(_ openItems: [AllocationCandidate]) -> DocumentLines {
        var lines = DocumentLines(mode: .allocation)
        for c in openItems {
            var item = DocumentLines.Item(id: c.id, productId: nil, code: c.number, name: "", unit: "", quantity: .zero, unitPrice: .zero, discount: BasisPoints(0), amount: .zero)
            item.open = c.open
            item.documentDate = c.documentDate
            item.dueDate = c.dueDate
            lines.items.append(item)
        }
        return lines
    }

    /// `methodLabel`: how the method is asked — received (a receipt) or paid (a payment).
    static func money(_ purpose: Purpose, title: String, party: String, methodLabel: String, openItems: [AllocationCandidate], credit: Money, futureDays: Int,
                      today: DateOnly) -> EditorModel {
        var model = EditorModel(purpose: purpose, title: title, subject: party, form: FormModel(fields: [
            .init("date", label: "field.date", rule: .moneyDate(daysAhead: futureDays), value: today.iso),
            .init("amount", label: "field.amount", rule: .money),
            .init("method", label: methodLabel, rule: choice(PaymentMethod.self, prefix: "method"), value: PaymentMethod.bankTransfer.rawValue),
            .init("reference", label: "field.reference", rule: .text(required: false, max: 60)),
            .init("note", label: "field.note", rule: .text(required: false, max: 1000)),
            .init(DocumentLines.valueKey, label: "field.allocate", rule: .text(required: false, max: 20)),
        ], today: today))
        model.lines = allocationLines(openItems)
        model.form.focus = 1
        let supplier = if case .newPayment = purpose { true } else { false }
        if credit.minorUnits > 0 {
            model.notice = Notice(key: supplier ? "payment.earlier-credit" : "receipt.earlier-credit", argument: credit.formatted(), isError: false)
        }
        return model
    }

    /// The receipt the form describes: the split exactly as shown.
    public func receiptDraft(customerId: Int64) -> ReceiptDraft {
        ReceiptDraft(partyId: customerId, date: FieldRule.date(value("date"), today: form.today) ?? form.today,
                     amount: (try? Money.parse(value("amount").trimmingSpaces())) ?? .zero, method: PaymentMethod(rawValue: value("method")) ?? .other,
                     split: .manual((lines?.items ?? []).filter { $0.amount.minorUnits > 0 }.map { .init(itemId: $0.id, amount: $0.amount) }),
                     reference: value("reference"), note: value("note"))
    }
}

extension EditorModel {
    /// Voiding a posted document: the reason is kept with it.
    public static func void(_ ref: RecordRef, number: String, today: DateOnly) -> EditorModel {
        EditorModel(purpose: .voidDocument(ref, number: number), title: "editor.void", subject: number, form: FormModel(fields: [
            .init("reason", label: "field.reason", rule: .text(required: true, max: 500)),
        ], today: today))
    }
}
