import Domain
import Store

/// The lines of a quote being written: what is on it so far, the products the look-up offers,
/// and where the rep is (typing a new line, or on a line of the table to change or remove it).
public struct QuoteLines: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public var productId: Int64
        public var code: String
        public var name: String
        public var unit: String
        public var quantity: Quantity
        public var unitPrice: Money
        public var discount: BasisPoints
        public var amount: Money
    }

    public var items: [Item] = []
    /// Row of the table the rep moved to (↑ from an empty product field); nil while typing.
    public var selected: Int?
    /// The line taken back into the entry fields; Enter on the last field puts it back there.
    public var editing: Int?
    var products: [Int64: ProductOption] = [:]
    /// The list price last put in the price field, so choosing another product replaces it
    /// only when the rep has not typed their own price.
    var defaultedPrice: String = ""

    public var total: Money { items.reduce(.zero) { $0 + $1.amount } }

    static let entryKeys: Set<String> = ["product", "quantity", "unit_price", "discount"]
}

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
        let options = products.map { FieldRule.Option(value: String($0.id), label: $0.code + " " + $0.name, search: $0.searchKey) }
        var model = EditorModel(purpose: purpose, title: title, subject: subject, form: FormModel(fields: [
            .init("quote_date", label: "field.quote-date", rule: .date(required: true), value: quoteDate.iso),
            .init("valid_until", label: "field.valid-until", rule: .date(required: true), value: validUntil.iso),
            .init("note", label: "field.note", rule: .text(required: false, max: 1000), value: source?.quote.note ?? ""),
            .init("product", label: "field.product", rule: .lookup(options)),
            .init("quantity", label: "field.quantity", rule: .quantity),
            .init("unit_price", label: "field.unit-price", rule: .money),
            .init("discount", label: "field.discount", rule: .percent),
        ], today: today))
        var lines = QuoteLines()
        for p in products { lines.products[p.id] = p }
        for (id, p) in source?.products ?? [:] where lines.products[id] == nil { lines.products[id] = p }
        for line in source?.quote.lines ?? [] {
            guard let p = lines.products[line.productId], let amount = try? line.amount() else { continue }
            lines.items.append(QuoteLines.Item(productId: p.id, code: p.code, name: p.name, unit: p.unit, quantity: line.quantity,
                                               unitPrice: line.unitPrice, discount: line.discount, amount: amount))
        }
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
                     lines: (lines?.items ?? []).map { QuoteLine(productId: $0.productId, quantity: $0.quantity, unitPrice: $0.unitPrice, discount: $0.discount) },
                     version: version)
    }

    /// The amount of the line being typed, when its fields already make one.
    public var entryAmount: Money? {
        guard let line = entryLine() else { return nil }
        return try? line.amount()
    }

    func entryLine() -> QuoteLine? {
        guard let lines, let product = selectedProduct(in: lines),
              let q = try? Quantity.parse(value("quantity").trimmingSpaces()), let price = try? Money.parse(value("unit_price").trimmingSpaces()) else { return nil }
        let d = value("discount").trimmingSpaces()
        guard let discount = d.isEmpty ? BasisPoints(0) : try? BasisPoints.parsePercent(d) else { return nil }
        return QuoteLine(productId: product.id, quantity: q, unitPrice: price, discount: discount)
    }

    func selectedProduct(in lines: QuoteLines) -> ProductOption? {
        guard let f = form.fields.first(where: { $0.key == "product" }), case .lookup(let options) = f.rule,
              let option = options.first(where: { $0.label == f.value }), let id = Int64(option.value) else { return nil }
        return lines.products[id]
    }

    var focusKey: String { form.fields.indices.contains(form.focus) ? form.fields[form.focus].key : "" }
    var productFieldIndex: Int { form.fields.firstIndex { $0.key == "product" } ?? 0 }
    /// No product typed: the line being entered is not started (quantity and price may hold defaults).
    var entryIsEmpty: Bool { value("product").trimmingSpaces().isEmpty }

    /// Keys in a quote form: the header fields and the line being typed work like any form;
    /// Enter on the last field of a line adds it, Enter on an empty product saves, ↑ from an
    /// empty product walks the lines (Enter takes one back to change it, Delete removes it).
    mutating func handleQuote(_ action: FormModel.Action) -> Outcome {
        guard var lines, !form.askingDiscard else { return formOutcome(form.handle(action)) }
        if let selected = lines.selected {
            switch action {
            case .up: lines.selected = max(0, selected - 1)
            case .down: lines.selected = selected + 1 < lines.items.count ? selected + 1 : nil
            case .enter:
                takeBack(selected, lines: &lines)
            case .delete, .backspace:
                lines.items.remove(at: selected)
                lines.selected = lines.items.isEmpty ? nil : min(selected, lines.items.count - 1)
                if let e = lines.editing, e >= selected { lines.editing = e == selected ? nil : e - 1 }
                form.isDirty = true
            case .cancel, .next, .previous:
                lines.selected = nil
            case .save:
                lines.selected = nil
                self.lines = lines
                return handleQuote(.save)
            case .type:
                lines.selected = nil
                self.lines = lines
                return handleQuote(action)
            default:
                break
            }
            self.lines = lines
            return .stay
        }
        let key = focusKey
        switch action {
        case .up where key == "product" && value("product").isEmpty && !lines.items.isEmpty:
            lines.selected = lines.items.count - 1
            self.lines = lines
            return .stay
        case .enter where key == "product" && value("product").trimmingSpaces().isEmpty:
            return submitQuote()
        case .enter where key == "discount":
            addEntryLine()
            return .stay
        case .save:
            if !entryIsEmpty {
                addEntryLine()
                if form.hasErrors { return .stay }
            }
            return submitQuote()
        default:
            break
        }
        let productBefore = selectedProduct(in: lines)?.id
        let outcome = form.handle(action)
        if key == "product", let p = selectedProduct(in: lines), p.id != productBefore {
            let price = value("unit_price").trimmingSpaces()
            if price.isEmpty || price == lines.defaultedPrice {
                lines.defaultedPrice = p.listPrice.formatted(grouping: false)
                form.set("unit_price", lines.defaultedPrice)
                form.markDefaulted("unit_price")
            }
            if value("quantity").trimmingSpaces().isEmpty {
                form.set("quantity", "1")
                form.markDefaulted("quantity")
            }
            self.lines = lines
        }
        // An untouched new line is not an error: its fields are checked when it is added.
        if entryIsEmpty, !QuoteLines.entryKeys.contains(focusKey) || key != focusKey {
            for i in form.fields.indices where QuoteLines.entryKeys.contains(form.fields[i].key) { form.fields[i].error = nil }
        }
        return formOutcome(outcome)
    }

    func formOutcome(_ outcome: FormModel.Outcome) -> Outcome {
        switch outcome {
        case .stay: return .stay
        case .close: return .close
        case .submit: return .save(acceptSimilar: false)
        }
    }

    /// Checks the line being typed and puts it on the quote (back in its place when it was taken
    /// from the table); errors stay beside their fields.
    mutating func addEntryLine() {
        guard var lines else { return }
        // An empty quantity means one.
        if !entryIsEmpty, value("quantity").trimmingSpaces().isEmpty { form.set("quantity", "1") }
        var firstError: Int?
        for i in form.fields.indices where QuoteLines.entryKeys.contains(form.fields[i].key) {
            form.fields[i].error = form.fields[i].rule.check(form.fields[i].value, today: form.today)
            if form.fields[i].error != nil && firstError == nil { firstError = i }
        }
        if let firstError { form.focus = firstError; return }
        guard let line = entryLine(), let product = lines.products[line.productId] else { return }
        let amount: Money
        do { amount = try line.amount() } catch {
            form.setError(error.field == "discount" ? "discount" : "quantity", FieldError("error.store", error.message))
            return
        }
        let item = QuoteLines.Item(productId: product.id, code: product.code, name: product.name, unit: product.unit, quantity: line.quantity,
                                   unitPrice: line.unitPrice, discount: line.discount, amount: amount)
        if let e = lines.editing, e <= lines.items.count { lines.items.insert(item, at: e) } else { lines.items.append(item) }
        lines.editing = nil
        lines.defaultedPrice = ""
        for key in QuoteLines.entryKeys { form.set(key, "") }
        form.focus = productFieldIndex
        form.isDirty = true
        self.lines = lines
    }

    mutating func takeBack(_ index: Int, lines: inout QuoteLines) {
        guard lines.items.indices.contains(index), entryIsEmpty else { return }
        let item = lines.items.remove(at: index)
        lines.editing = index
        lines.selected = nil
        form.set("product", item.code + " " + item.name)
        form.set("quantity", item.quantity.description)
        form.set("unit_price", item.unitPrice.formatted(grouping: false))
        form.set("discount", item.discount.value == 0 ? "" : item.discount.plain)
        lines.defaultedPrice = lines.products[item.productId]?.listPrice.formatted(grouping: false) ?? ""
        form.focus = form.fields.firstIndex { $0.key == "quantity" } ?? productFieldIndex
    }

    /// Header checked, at least one line, the line being typed either added or empty: save.
    mutating func submitQuote() -> Outcome {
        var ok = true
        for i in form.fields.indices where !QuoteLines.entryKeys.contains(form.fields[i].key) {
            form.fields[i].error = form.fields[i].rule.check(form.fields[i].value, today: form.today)
            if form.fields[i].error != nil, ok { ok = false; form.focus = i }
        }
        guard ok else { return .stay }
        if let from = FieldRule.date(value("quote_date"), today: form.today), let to = FieldRule.date(value("valid_until"), today: form.today), to < from {
            form.setError("valid_until", FieldError("error.before", from.iso))
            return .stay
        }
        if lines?.items.isEmpty ?? true {
            form.setError("product", FieldError("error.no-lines"))
            return .stay
        }
        if lines?.editing != nil {
            form.setError("product", FieldError("error.line-open"))
            return .stay
        }
        saving = true
        notice = nil
        return .save(acceptSimilar: false)
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
