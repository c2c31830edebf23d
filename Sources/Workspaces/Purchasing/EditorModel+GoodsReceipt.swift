import Domain
import Store

extension EditorModel {
    /// Goods received against a purchase order: the date, the warehouse (the PO's), and one line
    /// per PO line still to come, pre-filled with what remains — nothing is retyped; a smaller
    /// figure is a partial receipt, 0 leaves a line for later. More than remains is refused
    /// beside the line.
    public static func goodsReceipt(_ source: GoodsReceiptSource, today: DateOnly) -> EditorModel {
        var model = EditorModel(purpose: .newGoodsReceipt(poId: source.poId), title: "editor.new-goods-receipt", subject: source.poNumber + "  " + source.supplierName,
                                form: FormModel(fields: [
            .init("receipt_date", label: "field.receipt-date", rule: .pastDate(required: true), value: today.iso),
            .init("warehouse", label: "field.warehouse", rule: .choice(source.warehouses.map { .init(value: String($0.id), label: $0.code + " " + $0.name, search: $0.code) }),
                  value: source.warehouseId.map(String.init) ?? ""),
            .init(DocumentLines.valueKey, label: "field.quantity", rule: .text(required: false, max: 20)),
        ], today: today))
        var lines = DocumentLines(mode: .remaining)
        // Receiving brings stock: what a warehouse holds limits nothing.
        lines.stockMayGoNegative = true
        for l in source.lines {
            var item = DocumentLines.Item(id: l.poLineId, productId: l.productId, code: l.code, name: l.name, unit: l.unit, quantity: l.remaining,
                                          limit: l.allowed, unitPrice: l.unitCost, discount: l.discount, amount: .zero)
            item.decimals = l.decimals
            item.tolerance = Quantity(thousandths: l.allowed.thousandths - l.remaining.thousandths)
            for w in source.warehouses { item.stock[w.id] = source.onHand[StockKey(productId: l.productId, warehouseId: w.id)] ?? .zero }
            lines.items.append(item)
        }
        model.lines = lines
        model.refill()
        model.form.focus = 2
        model.showLine(0)
        if source.tolerance.value > 0 { model.notice = Notice(key: "gr.tolerance", argument: source.tolerance.plain, isError: false) }
        return model
    }

    /// Which purchase order goods are received against: a look-up over those still to receive.
    public static func pickPurchaseOrder(_ orders: [(id: Int64, number: String, supplier: String)], today: DateOnly) -> EditorModel {
        let options = orders.map { FieldRule.Option(value: String($0.id), label: $0.number + " " + $0.supplier, search: SearchKey.make(name: $0.supplier, code: $0.number)) }
        var model = EditorModel(purpose: .pickPurchaseOrder, title: "editor.new-goods-receipt", subject: "", form: FormModel(fields: [
            .init("po", label: "field.purchase-order", rule: .lookup(options)),
        ], today: today))
        model.notice = Notice(key: "pick.po-how", isError: false)
        return model
    }

    public var isGoodsReceipt: Bool { if case .newGoodsReceipt = purpose { true } else { false } }

    /// The goods receipt the form describes.
    public func goodsReceiptDraft(poId: Int64) -> GoodsReceiptDraft {
        GoodsReceiptDraft(poId: poId, warehouseId: Int64(value("warehouse")) ?? 0, date: FieldRule.date(value("receipt_date"), today: form.today) ?? form.today,
                          lines: (lines?.items ?? []).map { .init(poLineId: $0.id, quantity: $0.quantity) })
    }

    var goodsReceiptCommand: WriteCommand? {
        guard case .newGoodsReceipt(let poId) = purpose else { return nil }
        let draft = goodsReceiptDraft(poId: poId)
        return WriteCommand { (s, c) throws(StoreError) in
            let saved = try s.postGoodsReceipt(draft, by: c.actor, today: c.today, at: c.now)
            return [.saved(toastKey: "saved.goods-receipt", argument: saved.number), .open(RecordRef(.goodsReceipt, saved.id))]
        }
    }
}
