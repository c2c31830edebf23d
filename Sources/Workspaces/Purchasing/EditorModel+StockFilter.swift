import Domain
import Store

extension EditorModel {
    /// `f` on the stock list: one warehouse (or all), one category (or all) and whether to show
    /// only what is at or under its reorder level.
    public static func stockFilter(_ query: ListQuery, warehouses: [WarehouseOption], categories: [String] = [], today: DateOnly) -> EditorModel {
        let all = FieldRule.Option(value: "", label: "filter.all")
        return EditorModel(purpose: .filterStock, title: "editor.filter-stock", subject: "", form: FormModel(fields: [
            .init("warehouse", label: "field.warehouse", rule: .choice([all] + warehouses.map { .init(value: String($0.id), label: $0.code + " " + $0.name) }),
                  value: query.filter("warehouse")),
            .init("category", label: "field.category", rule: .choice([all] + categories.map { .init(value: $0, label: $0) }), value: query.filter("category")),
            .init("below", label: "field.below-reorder", rule: .choice([.init(value: "", label: "filter.all"), .init(value: "1", label: "filter.below-reorder")]),
                  value: query.filter("below")),
        ], today: today))
    }

    /// The filters the form describes, and the warehouse's name for the list's title.
    func stockFilterValue() -> (filter: [String: String], labels: [String: String]) {
        var labels: [String: String] = [:]
        if let w = form.fields.first(where: { $0.key == "warehouse" }), case .choice(let options) = w.rule, let o = options.first(where: { $0.value == w.value && !$0.value.isEmpty }) {
            labels["warehouse"] = o.label
        }
        return (["warehouse": value("warehouse"), "category": value("category"), "below": value("below")], labels)
    }
}
