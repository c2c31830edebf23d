import Domain
import Store

extension EditorModel {
    /// A purchase order for a supplier: order date today, goods expected two weeks later, the
    /// warehouse to receive into (the company's default), a note; lines by product look-up (code,
    /// name or pinyin), each cost starting from what this supplier last charged (else the
    /// product's cost — the line says which). With `editing`, the open order read back and saved
    /// over it if nobody changed it meanwhile.
    public static func purchaseOrder(_ source: PurchaseOrderSource, today: DateOnly, editing: PurchaseOrderForEdit? = nil) -> EditorModel {
        let e = editing?.entry
        let purpose: Purpose = editing.map { .editPurchaseOrder(id: $0.id, supplierId: source.supplierId, version: $0.version) } ?? .newPurchaseOrder(supplierId: source.supplierId)
        let warehouses = source.warehouses.map { FieldRule.Option(value: String($0.id), label: $0.code + " " + $0.name) }
        let warehouse = e?.warehouseId ?? source.defaultWarehouse
        var fields: [FormModel.Field] = [
            .init("order_date", label: "field.order-date", rule: .pastDate(required: true), value: (e?.orderDate ?? today).iso),
            .init("expected_date", label: "field.expected-date", rule: .date(required: true),
                  value: (e?.expectedDate ?? today.adding(days: PurchaseOrderEntry.defaultLeadDays)).iso),
            .init("warehouse", label: "field.warehouse", rule: .choice(warehouses), value: warehouse.map(String.init) ?? ""),
            .init("note", label: "field.note", rule: .text(required: false, max: 1000), value: e?.note ?? ""),
        ] + lineEntryFields(source.products)
        if let i = fields.firstIndex(where: { $0.key == "unit_price" }) { fields[i].label = "field.unit-cost" }
        var model = EditorModel(purpose: purpose, title: editing == nil ? "editor.new-po" : "editor.edit-po",
                                subject: (editing.map { $0.number + "  " } ?? "") + source.supplierName, form: FormModel(fields: fields, today: today))
        var lines = DocumentLines.free(source.products, dates: .init(from: "order_date", to: "expected_date"))
        lines.lastPrices = source.lastCosts.mapValues { DocumentLines.LastPrice(price: $0.price, on: $0.on) }
        lines.priceKeys = .init(last: "po.cost-last", list: "po.cost-product")
        lines.append(e?.lines ?? [])
        model.lines = lines
        model.form.focus = 4
        return model
    }

    /// A PO for a product running low: its last supplier's form with one line — the suggested
    /// quantity at the supplier's last cost, into the warehouse asked about — and the rule said.
    public static func reorder(_ s: PurchaseSuggestion, source: PurchaseOrderSource, today: DateOnly) -> EditorModel {
        var model = purchaseOrder(source, today: today)
        if let w = s.warehouseId { model.form.set("warehouse", String(w)) }
        let cost = source.lastCosts[s.productId]?.price ?? source.products.first { $0.id == s.productId }?.listPrice ?? .zero
        // Nothing needed (on hand and on order reach twice the level): no line, and the form says why.
        if s.suggested.thousandths > 0 { model.lines?.append([QuoteLine(productId: s.productId, quantity: s.suggested, unitPrice: cost)]) }
        var notice = Notice(key: s.suggested.thousandths > 0 ? "po.suggested" : "po.nothing-needed", argument: s.suggested.description, isError: false)
        notice.more = [s.reorderLevel.description, s.onHand.description, s.onOrder.description]
        model.notice = notice
        return model
    }

    /// The purchase order the form describes, for the Store to validate and save.
    public func purchaseOrderValue(supplierId: Int64) -> PurchaseOrderEntry {
        let note = value("note").trimmingSpaces()
        return PurchaseOrderEntry(supplierId: supplierId, orderDate: FieldRule.date(value("order_date"), today: form.today) ?? form.today,
                                  expectedDate: FieldRule.date(value("expected_date"), today: form.today) ?? form.today,
                                  warehouseId: Int64(value("warehouse")) ?? 0, note: note.isEmpty ? nil : note,
                                  lines: (lines?.items ?? []).map { QuoteLine(productId: $0.productId ?? $0.id, quantity: $0.quantity, unitPrice: $0.unitPrice, discount: $0.discount) })
    }

    /// Cancelling an open purchase order nothing was received on: why.
    public static func cancelPurchaseOrder(id: Int64, number: String, today: DateOnly) -> EditorModel {
        EditorModel(purpose: .cancelPurchaseOrder(id: id), title: "editor.cancel-po", subject: number, form: FormModel(fields: [
            .init("reason", label: "field.reason", rule: .text(required: true, max: 500)),
        ], today: today))
    }

    var purchaseOrderCommand: WriteCommand? {
        switch purpose {
        case .newPurchaseOrder(let supplier):
            let order = purchaseOrderValue(supplierId: supplier)
            return WriteCommand { (s, c) throws(StoreError) in
                let saved = try s.savePurchaseOrder(order, by: c.actor, today: c.today, at: c.now)
                return [.saved(toastKey: "saved.po", argument: saved.number), .open(RecordRef(.purchaseOrder, saved.id))]
            }
        case .editPurchaseOrder(let id, let supplier, let version):
            let order = purchaseOrderValue(supplierId: supplier)
            return WriteCommand { (s, c) throws(StoreError) in
                [.saved(toastKey: "saved.po-updated", argument: try s.updatePurchaseOrder(id: id, version: version, order, by: c.actor, today: c.today, at: c.now))]
            }
        case .cancelPurchaseOrder(let id):
            let reason = value("reason")
            return WriteCommand { (s, c) throws(StoreError) in
                [.saved(toastKey: "saved.po-cancelled", argument: try s.cancelPurchaseOrder(id: id, reason: reason, by: c.actor, at: c.now))]
            }
        default:
            return nil
        }
    }
}

extension EffectRunner {
    /// Purchasing's forms, read from the Store.
    func purchasingEditor(for request: EditorRequest, session: Session) throws(StoreError) -> EditorModel? {
        switch request {
        case .newPurchaseOrder(let supplierId, _):
            return EditorModel.purchaseOrder(try database.purchaseOrderSource(supplierId: supplierId, excluding: nil, by: session.actor), today: session.today)
        case .editPurchaseOrder(let id):
            let po = try database.purchaseOrderForEdit(id: id, by: session.actor)
            return EditorModel.purchaseOrder(po.source, today: session.today, editing: po)
        case .cancelPurchaseOrder(let id, let number):
            return EditorModel.cancelPurchaseOrder(id: id, number: number, today: session.today)
        case .newGoodsReceipt(let poId):
            return EditorModel.goodsReceipt(try database.goodsReceiptSource(poId: poId, by: session.actor), today: session.today)
        case .reorder(let productId, let warehouseId):
            let s = try database.purchaseSuggestion(productId: productId, warehouseId: warehouseId, by: session.actor)
            guard let supplier = s.supplierId else {
                throw StoreError.invalid(DomainError("\(s.productCode) was never bought: start the PO with :new-po", field: nil, code: "error.never-bought", s.productCode))
            }
            return EditorModel.reorder(s, source: try database.purchaseOrderSource(supplierId: supplier, excluding: nil, by: session.actor), today: session.today)
        case .newSupplier:
            return EditorModel.supplier(nil, defaultTerms: try database.settings().paymentTermsDays, today: session.today)
        case .editSupplier(let id):
            return EditorModel.supplier(try database.supplierForEdit(id: id, by: session.actor), defaultTerms: 30, today: session.today)
        case .filterStock(let query):
            return EditorModel.stockFilter(query, warehouses: try database.warehouseOptions(), categories: try database.productCategories(), today: session.today)
        case .newSupplierContact(let supplier, let name):
            return EditorModel.supplierContact(nil, supplierId: supplier, supplierName: name, today: session.today)
        case .editSupplierContact(let id, let name):
            let c = try database.supplierContactForEdit(id: id, by: session.actor)
            return EditorModel.supplierContact(c, supplierId: c.supplierId, supplierName: name, today: session.today)
        case .countStock(let product, let warehouse):
            return EditorModel.countStock(try database.stockMoveSource(productId: product, by: session.actor), warehouse: warehouse, today: session.today)
        case .transferStock(let product, let warehouse):
            return EditorModel.transferStock(try database.stockMoveSource(productId: product, by: session.actor), warehouse: warehouse, today: session.today)
        case .pickPurchaseOrder:
            return EditorModel.pickPurchaseOrder(try database.receivablePurchaseOrders(by: session.actor), today: session.today)
        default:
            return nil
        }
    }
}
