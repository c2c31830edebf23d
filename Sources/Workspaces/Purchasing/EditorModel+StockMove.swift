import Domain
import Store

extension EditorModel {
    /// A stock count of one product: the warehouse (the one the user was on), the quantity
    /// counted, and why it differs. The form says what each warehouse holds now; posting moves
    /// the stock by the difference, dated today.
    public static func countStock(_ source: StockMoveSource, warehouse: String?, today: DateOnly) -> EditorModel {
        var model = EditorModel(purpose: .countStock(productId: source.productId, onHand: source.onHand), title: "editor.count-stock",
                                subject: source.code + "  " + source.name, form: FormModel(fields: [
            .init("warehouse", label: "field.warehouse", rule: .choice(warehouseOptions(source)), value: pick(warehouse, in: source)),
            .init("counted", label: "field.counted", rule: .text(required: true, max: 20)),
            .init("reason", label: "field.reason", rule: .text(required: true, max: 500)),
        ], today: today))
        model.notice = Notice(key: "stock.on-hand-now", arguments: [onHandText(source), source.unit], isError: false)
        model.form.focus = 1
        return model
    }

    /// A transfer of one product between warehouses: from (the one the user was on), to, how
    /// much, a note. Out of one and into the other, dated today.
    public static func transferStock(_ source: StockMoveSource, warehouse: String?, today: DateOnly) -> EditorModel {
        let from = pick(warehouse, in: source)
        let to = source.warehouses.first { String($0.id) != from }.map { String($0.id) } ?? ""
        var model = EditorModel(purpose: .transferStock(productId: source.productId), title: "editor.transfer-stock",
                                subject: source.code + "  " + source.name, form: FormModel(fields: [
            .init("warehouse", label: "field.from-warehouse", rule: .choice(warehouseOptions(source)), value: from),
            .init("to_warehouse", label: "field.to-warehouse", rule: .choice(warehouseOptions(source)), value: to),
            .init("quantity", label: "field.quantity", rule: .quantity),
            .init("note", label: "field.note", rule: .text(required: false, max: 500)),
        ], today: today))
        model.notice = Notice(key: "stock.on-hand-now", arguments: [onHandText(source), source.unit], isError: false)
        model.form.focus = 2
        return model
    }

    private static func warehouseOptions(_ source: StockMoveSource) -> [FieldRule.Option] {
        source.warehouses.map { .init(value: String($0.id), label: $0.code + " " + $0.name, search: $0.code) }
    }

    /// The warehouse asked for (an id, a code or a name), else the first that holds the product.
    private static func pick(_ warehouse: String?, in source: StockMoveSource) -> String {
        if let w = warehouse, let found = source.warehouses.first(where: { String($0.id) == w || $0.code == w || $0.name == w }) { return String(found.id) }
        let held = source.warehouses.first { (source.onHand[$0.id]?.thousandths ?? 0) > 0 } ?? source.warehouses.first
        return held.map { String($0.id) } ?? ""
    }

    /// "WH1 120 · WH2 30": what each warehouse holds now.
    private static func onHandText(_ source: StockMoveSource) -> String {
        source.warehouses.map { "\($0.code) \((source.onHand[$0.id] ?? .zero).description)" }.joined(separator: " · ")
    }

    var stockMoveCommand: WriteCommand? {
        switch purpose {
        case .countStock(let product, let onHand):
            let warehouse = Int64(value("warehouse")) ?? 0, raw = value("counted").trimmingSpaces(), reason = value("reason")
            return WriteCommand { (s, c) throws(StoreError) in
                let counted: Quantity
                do { counted = try Quantity.parse(raw) } catch {
                    throw .invalid(DomainError("'\(raw)' is not a quantity", field: "counted", code: "error.quantity", raw))
                }
                let adjustment = StockAdjustment(productId: product, warehouseId: warehouse, counted: counted, reason: reason,
                                                 expectedOnHand: onHand[warehouse] ?? .zero)
                let difference = try s.postStockAdjustment(adjustment, by: c.actor, today: c.today, at: c.now)
                return [.saved(toastKey: "saved.stock-counted", argument: (difference.thousandths > 0 ? "+" : "") + difference.description)]
            }
        case .transferStock(let product):
            let transfer = StockTransfer(productId: product, fromWarehouseId: Int64(value("warehouse")) ?? 0, toWarehouseId: Int64(value("to_warehouse")) ?? 0,
                                         quantity: (try? Quantity.parse(value("quantity"))) ?? .zero, note: value("note"))
            return .saying("saved.stock-transferred", transfer.quantity.description) { (s, c) throws(StoreError) in
                try s.postStockTransfer(transfer, by: c.actor, today: c.today, at: c.now)
            }
        default:
            return nil
        }
    }
}
