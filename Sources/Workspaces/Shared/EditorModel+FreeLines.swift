import Domain
import Store

/// Free lines: the header fields and the line being typed work like any form; Enter on the last
/// field of a line adds it, Enter on an empty product saves, ↑ from an empty product walks the
/// lines (Enter takes one back to change it, Delete removes it).
extension EditorModel {
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

    func selectedProduct(in lines: DocumentLines) -> ProductOption? {
        guard let f = form.fields.first(where: { $0.key == "product" }), case .lookup(let options) = f.rule,
              let option = options.first(where: { $0.label == f.value }), let id = Int64(option.value) else { return nil }
        return lines.products[id]
    }

    var productFieldIndex: Int { form.fields.firstIndex { $0.key == "product" } ?? 0 }
    /// No product typed: the line being entered is not started (quantity and price may hold defaults).
    var entryIsEmpty: Bool { value("product").trimmingSpaces().isEmpty }

    mutating func handleFreeLines(_ action: FormModel.Action) -> Outcome {
        guard var lines, !form.askingDiscard else { return formOutcome(form.handle(action)) }
        if let selected = lines.selected { return handleLineTable(action, selected: selected, lines: &lines) }
        let key = focusKey
        switch action {
        case .up where key == "product" && value("product").isEmpty && !lines.items.isEmpty:
            lines.selected = lines.items.count - 1
            self.lines = lines
            return .stay
        case .enter where key == "product" && value("product").trimmingSpaces().isEmpty:
            return submitDocument()
        case .enter where key == "discount":
            addEntryLine()
            return .stay
        case .save:
            if !entryIsEmpty {
                addEntryLine()
                if form.hasErrors { return .stay }
            }
            return submitDocument()
        default:
            break
        }
        let productBefore = selectedProduct(in: lines)?.id
        let outcome = form.handle(action)
        if key == "product", let p = selectedProduct(in: lines), p.id != productBefore {
            let price = value("unit_price").trimmingSpaces()
            if price.isEmpty || price == lines.defaultedPrice {
                lines.defaultedPrice = lines.startingPrice(p).formatted(grouping: false)
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
        if entryIsEmpty, !DocumentLines.freeEntryKeys.contains(focusKey) || key != focusKey {
            for i in form.fields.indices where DocumentLines.freeEntryKeys.contains(form.fields[i].key) { form.fields[i].error = nil }
        }
        return formOutcome(outcome)
    }

    /// On the table of lines (↑ from an empty product): walk, take one back, remove one.
    mutating func handleLineTable(_ action: FormModel.Action, selected: Int, lines: inout DocumentLines) -> Outcome {
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
        case .save, .type:
            lines.selected = nil
            self.lines = lines
            return handleFreeLines(action)
        default:
            break
        }
        self.lines = lines
        return .stay
    }

    /// Checks the line being typed and puts it on the document (back in its place when it was
    /// taken from the table); errors stay beside their fields.
    mutating func addEntryLine() {
        guard var lines else { return }
        // An empty quantity means one.
        if !entryIsEmpty, value("quantity").trimmingSpaces().isEmpty { form.set("quantity", "1") }
        var firstError: Int?
        for i in form.fields.indices where DocumentLines.freeEntryKeys.contains(form.fields[i].key) {
            form.fields[i].error = form.fields[i].check(today: form.today)
            if form.fields[i].error != nil && firstError == nil { firstError = i }
        }
        if let firstError { form.focus = firstError; return }
        guard let line = entryLine(), let product = lines.products[line.productId] else { return }
        let amount: Money
        do {
            try line.quantity.check(decimals: product.decimals, unit: product.unit)
            amount = try line.amount()
        } catch {
            form.setError(error.field == "discount" ? "discount" : "quantity", FieldError(error.userMessage))
            return
        }
        let item = DocumentLines.Item(id: product.id, productId: product.id, code: product.code, name: product.name, unit: product.unit,
                                      quantity: line.quantity, unitPrice: line.unitPrice, discount: line.discount, amount: amount)
        if let e = lines.editing, e <= lines.items.count { lines.items.insert(item, at: e) } else { lines.items.append(item) }
        lines.editing = nil
        lines.defaultedPrice = ""
        lines.priceNote = nil
        for key in DocumentLines.freeEntryKeys { form.set(key, "") }
        form.focus = productFieldIndex
        form.isDirty = true
        self.lines = lines
    }

    mutating func takeBack(_ index: Int, lines: inout DocumentLines) {
        guard lines.items.indices.contains(index), entryIsEmpty else { return }
        let item = lines.items.remove(at: index)
        lines.editing = index
        lines.selected = nil
        form.set("product", item.code + " " + item.name)
        form.set("quantity", item.quantity.description)
        form.set("unit_price", item.unitPrice.formatted(grouping: false))
        form.set("discount", item.discount.value == 0 ? "" : item.discount.plain)
        lines.defaultedPrice = item.productId.flatMap { id in lines.products[id].map { lines.startingPrice($0).formatted(grouping: false) } } ?? ""
        form.focus = form.fields.firstIndex { $0.key == "quantity" } ?? productFieldIndex
    }
}

extension EditorModel {
    /// The line entry of a priced document (quote, order): product by look-up over every
    /// active product (code and name; its code, name and pinyin also match), quantity, unit
    /// price, discount.
    static func lineEntryFields(_ products: [ProductOption]) -> [FormModel.Field] {
        let options = products.map { FieldRule.Option(value: String($0.id), label: $0.code + " " + $0.name, search: $0.searchKey, detail: [.text($0.unit), .money($0.listPrice)]) }
        return [
            .init("product", label: "field.product", rule: .lookup(options)),
            .init("quantity", label: "field.quantity", rule: .quantity),
            .init("unit_price", label: "field.unit-price", rule: .money),
            .init("discount", label: "field.discount", rule: .percent),
        ]
    }
}

extension DocumentLines {
    /// Free lines over these products, the header's two dates in order.
    static func free(_ products: [ProductOption], dates: DateOrder) -> DocumentLines {
        var lines = DocumentLines(mode: .free)
        lines.dateOrder = dates
        for p in products { lines.products[p.id] = p }
        return lines
    }

    /// A stored document's lines, as the editor shows them (a line of a product no longer
    /// known is left out).
    mutating func append(_ stored: [QuoteLine]) {
        for line in stored {
            guard let p = products[line.productId], let amount = try? line.amount() else { continue }
            items.append(Item(id: p.id, productId: p.id, code: p.code, name: p.name, unit: p.unit, quantity: line.quantity,
                              unitPrice: line.unitPrice, discount: line.discount, amount: amount))
        }
    }
}
