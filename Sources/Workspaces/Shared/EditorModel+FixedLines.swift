import Domain
import Store

/// Remaining and allocation lines: the lines are given (an order's open lines, a customer's open
/// items); one entry field edits the highlighted line. ↑↓ in it walk the lines, Enter goes to the
/// next one and saves after the last, typing replaces the value shown. A line the user set is
/// theirs: changing the warehouse or the amount re-fills only the others.
extension EditorModel {
    var isOnLineValue: Bool { focusKey == DocumentLines.valueKey }

    /// The line value as the entry field shows it.
    static func entryText(_ item: DocumentLines.Item, mode: DocumentLines.Mode) -> String {
        mode == .allocation ? item.amount.formatted(grouping: false) : item.quantity.description
    }

    /// What is received but not allocated: stays as the customer's credit.
    public var unallocated: Money? {
        guard let lines, lines.mode == .allocation, let amount = try? Money.parse(value(lines.amountField).trimmingSpaces()) else { return nil }
        return amount - lines.total
    }

    /// On hand of a line's product in the warehouse chosen in the header.
    public func onHand(_ item: DocumentLines.Item) -> Quantity? {
        guard let warehouse = Int64(value("warehouse")) else { return nil }
        return item.stock[warehouse] ?? .zero
    }

    mutating func handleFixedLines(_ action: FormModel.Action) -> Outcome {
        guard let lines, !form.askingDiscard else { return formOutcome(form.handle(action)) }
        if isOnLineValue, let selected = lines.selected {
            switch action {
            case .up where selected > 0, .down where selected + 1 < lines.items.count:
                guard applyEntry() else { return .stay }
                showLine(selected + (action == .down ? 1 : -1))
                return .stay
            case .down:
                _ = applyEntry()
                return .stay
            case .enter:
                // Enter walks the lines; only Ctrl-S posts (a posted document is voided, not undone).
                guard applyEntry() else { return .stay }
                if selected + 1 < lines.items.count { showLine(selected + 1) } else { showLine(selected) }
                return .stay
            case .save:
                guard applyEntry() else { return .stay }
                return submitDocument()
            case .next:
                // Tab from the lines goes back to the header's first field.
                guard applyEntry() else { return .stay }
                form.focus = 0
                return .stay
            case .previous, .up:
                guard applyEntry() else { return .stay }
            default:
                break
            }
        } else if action == .save {
            return submitDocument()
        }
        let wasOnValue = isOnLineValue
        let before = (amount: value(lines.amountField), warehouse: value("warehouse"), date: value("date"))
        let outcome = form.handle(action)
        if isOnLineValue && !wasOnValue, let selected = self.lines?.selected { showLine(selected) }
        if lines.mode == .allocation, value(lines.amountField) != before.amount || value("date") != before.date { refill() }
        if lines.mode == .remaining, value("warehouse") != before.warehouse { refill() }
        return outcome == .submit ? submitDocument() : formOutcome(outcome)
    }

    /// Puts line `index` in the entry field (typing replaces it).
    mutating func showLine(_ index: Int) {
        guard var lines, lines.items.indices.contains(index), let field = form.fields.firstIndex(where: { $0.key == DocumentLines.valueKey }) else { return }
        lines.selected = index
        self.lines = lines
        form.set(DocumentLines.valueKey, EditorModel.entryText(lines.items[index], mode: lines.mode))
        form.markDefaulted(DocumentLines.valueKey)
        form.fields[field].error = nil
    }

    /// Takes the entry field's value into the highlighted line (when leaving it); false, with the
    /// field's error and the line unchanged, when it is not a value this line may take.
    @discardableResult
    mutating func applyEntry() -> Bool {
        guard var lines, let i = lines.selected, lines.items.indices.contains(i) else { return true }
        var item = lines.items[i]
        let raw = value(DocumentLines.valueKey).trimmingSpaces()
        let error: FieldError?
        if lines.mode == .allocation {
            // Lines set by hand are kept; the others make room.
            let others = lines.items.enumerated().filter { $0.offset != i && $0.element.manual }.reduce(Money.zero) { $0 + $1.element.amount }
            let amount = (try? Money.parse(raw.isEmpty ? "0" : raw)) ?? nil
            let receipt = (try? Money.parse(value(lines.amountField).trimmingSpaces())) ?? .zero
            switch amount {
            case nil: error = FieldError("error.money", raw)
            case let a? where a.isNegative: error = FieldError("error.negative", raw)
            case let a? where a > item.open: error = FieldError("error.allocation-over-open", item.code, arguments: [item.open.formatted(), a.formatted()])
            case let a? where a.minorUnits > 0 && (item.documentDate ?? form.today) > (FieldRule.date(value("date"), today: form.today) ?? form.today):
                error = FieldError("error.item-after-document", item.code, arguments: [item.documentDate?.iso ?? ""])
            case let a? where others + a > receipt: error = FieldError("error.allocation-over-amount", (others + a).formatted(), arguments: [receipt.formatted()])
            case let a?:
                error = nil
                if a != item.amount { item.amount = a; item.manual = true }
            }
        } else {
            let q = (try? Quantity.parse(raw.isEmpty ? "0" : raw)) ?? nil
            switch q {
            case nil: error = FieldError("error.quantity", raw)
            case let q? where q.thousandths < 0: error = FieldError("error.quantity-negative", raw)
            case let q? where item.limit.map({ q > $0 }) ?? false:
                let limit = item.limit ?? .zero
                error = item.tolerance.thousandths > 0
                    ? FieldError("error.over-tolerance", limit.description, arguments: [q.description, Quantity(thousandths: limit.thousandths - item.tolerance.thousandths).description])
                    : FieldError("error.over-remaining", limit.description, arguments: [q.description])
            case let q? where q != item.remaining && q.decimals > item.decimals:
                error = FieldError("error.quantity-decimals", q.description, arguments: [item.unit, String(item.decimals)])
            case let q? where !lines.stockMayGoNegative && onHand(item).map({ q > $0 }) ?? false:
                error = FieldError("error.short-stock", item.code, arguments: [onHand(item)?.description ?? ""])
            case let q?:
                error = nil
                if q != item.quantity {
                    item.quantity = q
                    item.manual = true
                    item.amount = (try? LineAmount.compute(quantity: q, unitPrice: item.unitPrice, discountBasisPoints: item.discount.value)) ?? .zero
                }
            }
        }
        if let error {
            form.setError(DocumentLines.valueKey, error)
            return false
        }
        guard item != lines.items[i] else { return true }
        form.isDirty = true
        lines.items[i] = item
        self.lines = lines
        if lines.mode == .allocation { refill() }
        return true
    }

    /// Re-fills the lines the user has not set: shipment quantities from what remains and what the
    /// chosen warehouse holds; allocations oldest due first from what the others leave.
    mutating func refill() {
        guard var lines else { return }
        switch lines.mode {
        case .remaining:
            let warehouse = Int64(value("warehouse"))
            for i in lines.items.indices where !lines.items[i].manual {
                let item = lines.items[i]
                let stock = lines.stockMayGoNegative ? item.remaining ?? item.quantity : warehouse.map { item.stock[$0] ?? .zero } ?? .zero
                let q = min(item.remaining ?? item.quantity, stock)
                lines.items[i].quantity = max(.zero, q)
                lines.items[i].amount = (try? LineAmount.compute(quantity: lines.items[i].quantity, unitPrice: item.unitPrice, discountBasisPoints: item.discount.value)) ?? .zero
            }
        case .allocation:
            let receipt = (try? Money.parse(value(lines.amountField).trimmingSpaces())) ?? .zero
            let fixed = lines.items.filter(\.manual).reduce(Money.zero) { $0 + $1.amount }
            // Only what was issued by the document's date is there to pay.
            let day = FieldRule.date(value("date"), today: form.today) ?? form.today
            let free = lines.items.filter { !$0.manual && ($0.documentDate ?? day) <= day }.map {
                AllocationCandidate(id: $0.id, number: $0.code, documentDate: $0.documentDate ?? form.today, dueDate: $0.dueDate ?? form.today, open: $0.open)
            }
            let split = (try? Allocation.oldestFirst(amount: receipt - fixed, candidates: free))?.allocations ?? []
            for i in lines.items.indices where !lines.items[i].manual {
                lines.items[i].amount = split.first { $0.id == lines.items[i].id }?.amount ?? .zero
            }
        case .free:
            return
        }
        self.lines = lines
        // The entry under the table shows the highlighted line as it now is.
        if let s = lines.selected { showLine(s) }
    }
}

extension FieldError {
    init(_ key: String, _ argument: String, arguments more: [String]) {
        self.init(key, argument)
        self.more = more
    }
}
