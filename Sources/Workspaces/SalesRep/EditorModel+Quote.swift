import Domain
import Store

extension EditorModel {
    /// A new quote, an edited draft, or a copy of an earlier quote (new number, today's dates,
    /// the same lines and prices).
    public static func quote(_ source: QuoteForEdit?, copy: Bool, customerId: Int64, customerName: String, products: [ProductOption], today: DateOnly) -> EditorModel {
        let editing = source.flatMap { copy ? nil : $0 }
        let purpose: Purpose = editing?.quote.id.map { .editQuote(id: $0, customerId: customerId, version: editing?.quote.version ?? 1) } ?? .newQuote(customerId: customerId)
        let title = editing != nil ? "editor.edit-quote" : copy ? "editor.copy-quote" : "editor.new-quote"
        let subject = (source.map { $0.number + (copy ? " → " : "  ") } ?? "") + customerName
        let quoteDate = editing?.quote.quoteDate ?? today
        let validUntil = editing?.quote.validUntil ?? today.adding(days: Quote.defaultValidityDays)
        var model = EditorModel(purpose: purpose, title: title, subject: subject, form: FormModel(fields: [
            .init("quote_date", label: "field.quote-date", rule: .date(required: true), value: quoteDate.iso),
            .init("valid_until", label: "field.valid-until", rule: .date(required: true), value: validUntil.iso),
            .init("note", label: "field.note", rule: .text(required: false, max: 1000), value: source?.quote.note ?? ""),
        ] + lineEntryFields(products), today: today))
        var lines = DocumentLines.free(products, dates: .init(from: "quote_date", to: "valid_until"))
        for (id, p) in source?.products ?? [:] where lines.products[id] == nil { lines.products[id] = p }
        lines.append(source?.quote.lines ?? [])
        model.lines = lines
        model.form.focus = 3
        // A copy is new work the rep has not saved yet.
        model.form.isDirty = copy
        return model
    }

    /// The quote the form describes, for the Store to validate and save.
    public func quoteValue(id: Int64?, customerId: Int64, version: Int64) -> Quote {
        let note = value("note").trimmingSpaces()
        return Quote(id: id, customerId: customerId, quoteDate: FieldRule.date(value("quote_date"), today: form.today) ?? form.today,
                     validUntil: FieldRule.date(value("valid_until"), today: form.today) ?? form.today, note: note.isEmpty ? nil : note,
                     lines: (lines?.items ?? []).map { QuoteLine(productId: $0.productId ?? $0.id, quantity: $0.quantity, unitPrice: $0.unitPrice, discount: $0.discount) },
                     version: version)
    }
}

extension EditorModel {
    /// Accepting a quote: the order's dates (and a note such as the customer's PO number), with
    /// what the order is worth and the customer's credit after it.
    public static func acceptQuote(_ a: QuoteAcceptance, today: DateOnly) -> EditorModel {
        var model = EditorModel(purpose: .acceptQuote(id: a.quoteId, version: a.version), title: "editor.accept-quote", subject: a.number + "  " + a.customerName,
                                form: FormModel(fields: [
            .init("order_date", label: "field.order-date", rule: .pastDate(required: true), value: today.iso),
            .init("due_date", label: "field.due-date", rule: .date(required: true), value: today.adding(days: 7).iso),
            .init("note", label: "field.note", rule: .text(required: false, max: 1000)),
        ], today: today))
        let figures = [a.total.formatted(), a.credit.exposure.formatted(), a.credit.limit.formatted()]
        model.notice = a.credit.limit.minorUnits == 0 ? Notice(key: "accept.no-limit", arguments: figures, isError: false)
            : Notice(key: a.credit.isBreached ? "accept.over-limit" : "accept.within-limit", arguments: figures, isError: a.credit.isBreached)
        return model
    }

    /// Rejecting a quote: the reason is kept with it.
    public static func rejectQuote(id: Int64, number: String, customerName: String, today: DateOnly) -> EditorModel {
        EditorModel(purpose: .rejectQuote(id: id), title: "editor.reject-quote", subject: number + "  " + customerName, form: FormModel(fields: [
            .init("reason", label: "field.reason", rule: .text(required: true, max: 500)),
        ], today: today))
    }
}
