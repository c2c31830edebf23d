import Domain
import Store

extension EditorModel {
    /// `f` on the orders list: status, rep (not for a rep, who sees only their own), customer
    /// (the look-up the Store answers as you type; empty for all) and an order-date range.
    public static func orderFilter(_ query: ListQuery, reps: [UserAccount], showRep: Bool, today: DateOnly) -> EditorModel {
        let all = FieldRule.Option(value: "", label: "filter.all")
        var customer = FormModel.Field("customer", label: "field.customer", rule: .lookup([]), value: query.labels["customer"] ?? "")
        customer.remote = .customers
        customer.optional = true
        if let id = query.labels["customer"].flatMap({ _ in query.filter["customer"] }) {
            customer.rule = .lookup([FieldRule.Option(value: id, label: query.labels["customer"] ?? "")])
        }
        var fields: [FormModel.Field] = [
            .init("status", label: "field.status", rule: .choice([all] + OrderStatus.allCases.map { .init(value: $0.rawValue, label: "status.\($0.rawValue)") }),
                  value: query.filter("status")),
        ]
        if showRep {
            fields.append(.init("rep", label: "field.rep", rule: .choice([all] + reps.map { .init(value: String($0.id), label: $0.displayName) }), value: query.filter("rep")))
        }
        fields += [customer,
                   .init("from", label: "field.from", rule: .date(required: false), value: query.filter("from")),
                   .init("to", label: "field.to", rule: .date(required: false), value: query.filter("to"))]
        return EditorModel(purpose: .filterOrders, title: "editor.filter-orders", subject: "", form: FormModel(fields: fields, today: today))
    }

    /// The filters the form describes and what their ids stand for; nil (with the error beside
    /// the field) when the range ends before it starts.
    mutating func orderFilterValue() -> (filter: [String: String], labels: [String: String])? {
        let from = FieldRule.date(value("from"), today: form.today), to = FieldRule.date(value("to"), today: form.today)
        if let from, let to, to < from {
            form.setError("to", FieldError("error.before", from.iso))
            saving = false
            return nil
        }
        var filter = ["status": value("status"), "rep": value("rep"), "customer": "", "from": from?.iso ?? "", "to": to?.iso ?? ""]
        var labels: [String: String] = [:]
        if let rep = form.fields.first(where: { $0.key == "rep" }), case .choice(let options) = rep.rule, let o = options.first(where: { $0.value == rep.value && !$0.value.isEmpty }) {
            labels["rep"] = o.label
        }
        if let (id, _) = pickedCustomer {
            filter["customer"] = String(id)
            labels["customer"] = value("customer")
        }
        return (filter, labels)
    }
}
