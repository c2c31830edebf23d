import Domain
import Store

/// The document a picked customer starts.
/// What a picked supplier opens: a payment to it, or a purchase order.
public enum SupplierPickTarget: String, Sendable, Equatable {
    case payment, purchaseOrder
}

public enum CustomerPickTarget: String, Sendable, Equatable {
    case order, quote, receipt

    var title: String {
        switch self {
        case .order: "editor.new-order"
        case .quote: "editor.new-quote"
        case .receipt: "editor.new-receipt"
        }
    }
}

extension EditorModel {
    /// Which customer a new order or quote is for, when none is selected: one look-up that the
    /// Store answers as the user types (code, name, pinyin or its initials, phone), among the
    /// customers this user may see. Enter takes the highlighted one and opens the document.
    public static func pickCustomer(for target: CustomerPickTarget, today: DateOnly) -> EditorModel {
        var field = FormModel.Field("customer", label: "field.customer", rule: .lookup([]))
        field.remote = .customers
        var model = EditorModel(purpose: .pickCustomer(then: target), title: target.title, subject: "", form: FormModel(fields: [field], today: today))
        model.notice = Notice(key: "pick.customer-how", isError: false)
        return model
    }

    /// A customer of the Store's answer as a look-up option: code and name, with owner beside.
    public static func customerOption(_ c: CustomerRow) -> FieldRule.Option {
        FieldRule.Option(value: String(c.id), label: c.code + " " + c.name, detail: [.text(c.owner)])
    }

    /// The customer the picker holds (its id and name), once the look-up names one.
    public var pickedCustomer: (id: Int64, name: String)? {
        guard let field = form.fields.first(where: { $0.key == "customer" }), case .lookup(let options) = field.rule,
              let o = options.first(where: { $0.label == field.value }), let id = Int64(o.value) else { return nil }
        return (id, o.label.split(separator: " ", maxSplits: 1).last.map(String.init) ?? o.label)
    }

    /// Which open order a new shipment is from, when none is open on screen: a look-up of the
    /// orders still to ship by number or customer (pinyin too), answered by the Store as typed.
    public static func pickOrder(today: DateOnly) -> EditorModel {
        var field = FormModel.Field("order", label: "field.order", rule: .lookup([]))
        field.remote = .openOrders
        var model = EditorModel(purpose: .pickOrder, title: "editor.new-shipment", subject: "", form: FormModel(fields: [field], today: today))
        model.notice = Notice(key: "pick.order-how", isError: false)
        return model
    }

    /// An open order of the Store's answer as a look-up option: number and customer, the due
    /// date beside (marked when overdue).
    public static func orderOption(_ row: ListRow) -> FieldRule.Option {
        FieldRule.Option(value: String(row.id), label: row.cells.prefix(2).map(\.plainText).joined(separator: " "), detail: Array(row.cells.dropFirst(3).prefix(1)))
    }

    /// The order the picker holds, once the look-up names one.
    public var pickedOrder: Int64? {
        guard let field = form.fields.first(where: { $0.key == "order" }), case .lookup(let options) = field.rule else { return nil }
        return options.first { $0.label == field.value }.flatMap { Int64($0.value) }
    }

    /// The text a remote look-up should be asked about after this key (nil: nothing to ask).
    func remoteQuery(before: FormModel) -> Effect? {
        guard form.fields.indices.contains(form.focus) else { return nil }
        let f = form.fields[form.focus]
        guard let kind = f.remote, before.fields.indices.contains(form.focus), before.fields[form.focus].value != f.value else { return nil }
        let q = f.value.trimmingSpaces()
        guard !q.isEmpty, !f.rule.lookupLabels.contains(f.value) else { return nil }
        switch kind {
        case .customers: return .lookupCustomers(field: f.key, query: q)
        case .openOrders: return .lookupOpenOrders(field: f.key, query: q)
        }
    }

    /// What a picker's choice opens: the order or quote for the customer, the shipment from the
    /// order; nil for other forms, or while nothing is picked.
    var pickedRequest: EditorRequest? {
        switch purpose {
        case .pickCustomer(let target):
            guard let (id, name) = pickedCustomer else { return nil }
            switch target {
            case .order: return .newOrder(customerId: id, name: name)
            case .quote: return .newQuote(customerId: id, name: name)
            case .receipt: return .newReceipt(customerId: id, name: name)
            }
        case .pickOrder:
            return pickedOrder.map { .newShipment(orderId: $0) }
        case .pickLeavingRep:
            return pickedLeavingRep
        case .pickPurchaseOrder:
            guard let field = form.fields.first(where: { $0.key == "po" }), case .lookup(let options) = field.rule,
                  let o = options.first(where: { $0.label == field.value }), let id = Int64(o.value) else { return nil }
            return .newGoodsReceipt(poId: id)
        case .pickSupplier(let target):
            guard let field = form.fields.first(where: { $0.key == "supplier" }), case .lookup(let options) = field.rule,
                  let o = options.first(where: { $0.label == field.value }), let id = Int64(o.value) else { return nil }
            let name = o.label.split(separator: " ", maxSplits: 1).last.map(String.init) ?? o.label
            return target == .payment ? .newPayment(supplierId: id, name: name) : .newPurchaseOrder(supplierId: id, name: name)
        default:
            return nil
        }
    }

    var isPicker: Bool {
        switch purpose {
        case .pickCustomer, .pickOrder, .pickSupplier, .pickPurchaseOrder, .pickLeavingRep: true
        default: false
        }
    }

    /// The Store's answer for a remote look-up, kept only if the field still says what was asked.
    /// True when Enter was waiting for it (and it found something): the caller presses it now.
    mutating func apply(lookup field: String, query: String, options: [FieldRule.Option]) -> Bool {
        guard let i = form.fields.firstIndex(where: { $0.key == field }), form.fields[i].remote != nil,
              form.fields[i].value.trimmingSpaces() == query else { return false }
        form.fields[i].rule = .lookup(options)
        form.fields[i].answered = query
        form.fields[i].pick = 0
        defer { form.fields[i].enterPending = false }
        return form.fields[i].enterPending && i == form.focus && !options.isEmpty
    }

    /// Enter on a remote look-up whose answer to the text typed has not arrived: wait for it
    /// (true) rather than judge the text against an older answer.
    mutating func awaitAnswer() -> Bool {
        guard form.fields.indices.contains(form.focus) else { return false }
        let f = form.fields[form.focus], q = f.value.trimmingSpaces()
        guard f.remote != nil, !q.isEmpty, f.answered != q, !f.rule.lookupLabels.contains(f.value) else { return false }
        form.fields[form.focus].enterPending = true
        return true
    }
}

extension FieldRule {
    var lookupLabels: [String] { if case .lookup(let options) = self { options.map(\.label) } else { [] } }
}

extension EditorModel {
    /// `f` on a period report: from and to, starting from the period shown; on a report as of a
    /// day, the day — and, given `reps`, the rep whose customers it is for (empty: everyone's).
    public static func reportPeriod(_ id: Int64, section: String, reps: [UserAccount] = [], today: DateOnly) -> EditorModel {
        let shown = ReportPeriod.range(id, today: today)
        if ReportPeriod.isAsOfDay(id) {
            var fields: [FormModel.Field] = [.init("to", label: "param.as-of", rule: .date(required: true), value: shown.to.iso)]
            if !reps.isEmpty {
                let options = [FieldRule.Option(value: "", label: "filter.all")] + reps.map { FieldRule.Option(value: String($0.id), label: $0.displayName) }
                fields.append(.init("rep", label: "field.rep", rule: .choice(options), value: ReportPeriod.view(id).rep.map(String.init) ?? ""))
            }
            return EditorModel(purpose: .reportPeriod(id, section: section), title: "editor.report-day", subject: "", form: FormModel(fields: fields, today: today))
        }
        var fields: [FormModel.Field] = [
            .init("from", label: "field.from", rule: .date(required: true), value: shown.from.iso),
            .init("to", label: "field.to", rule: .date(required: true), value: shown.to.iso),
        ]
        if !reps.isEmpty {
            let options = [FieldRule.Option(value: "", label: "filter.all")] + reps.map { FieldRule.Option(value: String($0.id), label: $0.displayName) }
            fields.append(.init("rep", label: "field.rep", rule: .choice(options), value: ReportPeriod.view(id).rep.map(String.init) ?? ""))
        }
        return EditorModel(purpose: .reportPeriod(id, section: section), title: "editor.report-period", subject: "", form: FormModel(fields: fields, today: today))
    }

    /// The report card for the period the form names; nil (the error beside "to") when it ends
    /// before it starts.
    mutating func reportPeriodRef() -> RecordRef? {
        guard case .reportPeriod(let id, _) = purpose, let to = FieldRule.date(value("to"), today: form.today),
              let from = ReportPeriod.isAsOfDay(id) ? to : FieldRule.date(value("from"), today: form.today) else { saving = false; return nil }
        guard from <= to else {
            form.setError("to", FieldError("error.before", from.iso))
            saving = false
            return nil
        }
        var view = ReportPeriod.view(id)
        if form.fields.contains(where: { $0.key == "rep" }) { view.rep = Int64(value("rep")) }
        return RecordRef(.report, ReportPeriod.id(ReportPeriod.id(report: ReportPeriod.report(id), range: DateRange(from: from, to: to)), view: view))
    }
}
