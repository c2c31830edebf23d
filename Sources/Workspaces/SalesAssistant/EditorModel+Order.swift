import Domain
import Store

extension EditorModel {
    /// A sales order keyed in for a customer: order date today, delivery a week later, the
    /// customer's PO reference and a note; lines by product look-up, each price defaulting to
    /// what this customer last paid for the product (else the list price, and the form says
    /// which); the credit the order would take, against the limit, as lines are added.
    public static func salesOrder(_ source: OrderEntrySource, products: [ProductOption], today: DateOnly) -> EditorModel {
        let options = products.map { FieldRule.Option(value: String($0.id), label: $0.code + " " + $0.name, search: $0.searchKey, detail: [.text($0.unit), .money($0.listPrice)]) }
        var model = EditorModel(purpose: .newOrder(customerId: source.customerId), title: "editor.new-order", subject: source.customerName, form: FormModel(fields: [
            .init("order_date", label: "field.order-date", rule: .pastDate(required: true), value: today.iso),
            .init("due_date", label: "field.delivery-date", rule: .date(required: true), value: today.adding(days: SalesOrderEntry.defaultDeliveryDays).iso),
            .init("customer_po", label: "field.customer-po", rule: .text(required: false, max: 60)),
            .init("note", label: "field.note", rule: .text(required: false, max: 1000)),
            .init("product", label: "field.product", rule: .lookup(options)),
            .init("quantity", label: "field.quantity", rule: .quantity),
            .init("unit_price", label: "field.unit-price", rule: .money),
            .init("discount", label: "field.discount", rule: .percent),
        ], today: today))
        var lines = DocumentLines(mode: .free)
        lines.dateOrder = .init(from: "order_date", to: "due_date")
        for p in products { lines.products[p.id] = p }
        lines.lastPrices = source.lastPrices.mapValues { DocumentLines.LastPrice(price: $0.price, on: $0.on) }
        lines.credit = source.credit
        model.lines = lines
        model.form.focus = 4
        return model
    }

    /// The order the form describes, for the Store to validate and save.
    public func orderValue(customerId: Int64) -> SalesOrderEntry {
        let po = value("customer_po").trimmingSpaces(), note = value("note").trimmingSpaces()
        return SalesOrderEntry(customerId: customerId, orderDate: FieldRule.date(value("order_date"), today: form.today) ?? form.today,
                               dueDate: FieldRule.date(value("due_date"), today: form.today) ?? form.today,
                               customerPO: po.isEmpty ? nil : po, note: note.isEmpty ? nil : note,
                               lines: (lines?.items ?? []).map { QuoteLine(productId: $0.productId ?? $0.id, quantity: $0.quantity, unitPrice: $0.unitPrice, discount: $0.discount) })
    }

    /// The credit the customer would use with this order (the lines so far and the one being typed).
    public var creditAfterOrder: CreditExposure? {
        guard let lines, let credit = lines.credit else { return nil }
        let typed = lines.editing == nil ? (entryAmount ?? .zero) : .zero
        return CreditExposure(openReceivables: credit.openReceivables, unshippedOrders: credit.unshippedOrders + lines.total + typed, limit: credit.limit)
    }

    var orderCommand: WriteCommand? {
        guard case .newOrder(let customer) = purpose else { return nil }
        let order = orderValue(customerId: customer)
        return WriteCommand { (s, c) throws(StoreError) in
            let saved = try s.saveSalesOrder(order, by: c.actor, today: c.today, at: c.now)
            return [.saved(toastKey: "saved.order", argument: saved.number), .open(RecordRef(.salesOrder, saved.id))]
        }
    }
}
