import Domain
import Store

extension EditorModel {
    /// A receipt from a customer: date, amount, method, and one line per open receivable (oldest
    /// due first). Typing the amount splits it oldest first; any line may be set by hand, and the
    /// others share what is left; what is not allocated stays as the customer's credit.
    public static func receipt(customerId: Int64, customerName: String, openItems: [AllocationCandidate], today: DateOnly) -> EditorModel {
        var model = EditorModel(purpose: .newReceipt(customerId: customerId), title: "editor.new-receipt", subject: customerName, form: FormModel(fields: [
            .init("date", label: "field.date", rule: .pastDate(required: true), value: today.iso),
            .init("amount", label: "field.amount", rule: .money),
            .init("method", label: "field.method", rule: choice(PaymentMethod.self, prefix: "method"), value: PaymentMethod.bankTransfer.rawValue),
            .init("reference", label: "field.reference", rule: .text(required: false, max: 60)),
            .init("note", label: "field.note", rule: .text(required: false, max: 1000)),
            .init(DocumentLines.valueKey, label: "field.allocate", rule: .text(required: false, max: 20)),
        ], today: today))
        var lines = DocumentLines(mode: .allocation)
        for c in openItems {
            var item = DocumentLines.Item(id: c.id, productId: nil, code: c.number, name: "", unit: "", quantity: .zero, unitPrice: .zero, discount: BasisPoints(0), amount: .zero)
            item.open = c.open
            item.documentDate = c.documentDate
            item.dueDate = c.dueDate
            lines.items.append(item)
        }
        model.lines = lines
        model.form.focus = 1
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
