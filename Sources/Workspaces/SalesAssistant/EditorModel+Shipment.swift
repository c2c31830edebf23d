import Domain
import Store

extension EditorModel {
    /// A shipment from an order: the date, the warehouse (the one that holds the most of what
    /// remains; when none holds any, the company's default warehouse), and one line per open
    /// order line, pre-filled with what remains and the warehouse holds — nothing is retyped;
    /// 0 leaves a line for a later shipment.
    public static func shipment(_ source: ShipmentSource, today: DateOnly) -> EditorModel {
        let most = source.warehouses.max { a, b in coverage(source, a.id) < coverage(source, b.id) }
        let fallback = source.warehouses.first { $0.id == source.defaultWarehouseId } ?? source.warehouses.first
        let covering = most.map { coverage(source, $0.id) > 0 ? $0 : fallback } ?? fallback
        var model = EditorModel(purpose: .newShipment(orderId: source.orderId), title: "editor.new-shipment", subject: source.orderNumber + "  " + source.customerName,
                                form: FormModel(fields: [
            .init("ship_date", label: "field.ship-date", rule: .pastDate(required: true), value: today.iso),
            .init("warehouse", label: "field.warehouse", rule: .choice(source.warehouses.map { .init(value: String($0.id), label: $0.code + " " + $0.name, search: $0.code) }),
                  value: covering.map { String($0.id) } ?? ""),
            .init(DocumentLines.valueKey, label: "field.quantity", rule: .text(required: false, max: 20)),
        ], today: today))
        var lines = DocumentLines(mode: .remaining)
        lines.stockMayGoNegative = source.allowNegativeStock
        for l in source.lines {
            var item = DocumentLines.Item(id: l.orderLineId, productId: l.productId, code: l.code, name: l.name, unit: l.unit, quantity: l.remaining,
                                          limit: l.remaining, unitPrice: l.unitPrice, discount: l.discount, amount: .zero)
            item.decimals = l.decimals
            for w in source.warehouses { item.stock[w.id] = source.onHand[StockKey(productId: l.productId, warehouseId: w.id)] ?? .zero }
            lines.items.append(item)
        }
        model.lines = lines
        model.refill()
        model.form.focus = 2
        model.showLine(0)
        return model
    }

    /// How much of the order's remaining lines a warehouse can ship (line by line, capped).
    static func coverage(_ source: ShipmentSource, _ warehouse: Int64) -> Int64 {
        source.lines.reduce(0) { $0 + min($1.remaining.thousandths, (source.onHand[StockKey(productId: $1.productId, warehouseId: warehouse)] ?? .zero).thousandths) }
    }

    /// The shipment the form describes.
    public func shipmentDraft(orderId: Int64) -> ShipmentDraft {
        ShipmentDraft(orderId: orderId, warehouseId: Int64(value("warehouse")) ?? 0, shipDate: FieldRule.date(value("ship_date"), today: form.today) ?? form.today,
                      lines: (lines?.items ?? []).map { .init(orderLineId: $0.id, quantity: $0.quantity) })
    }
}
