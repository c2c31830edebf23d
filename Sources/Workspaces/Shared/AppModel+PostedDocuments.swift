import Domain
import Store

/// What can be done with documents from a card: ship, edit or cancel an open order; void a
/// shipment or a receipt (with a reason).
public enum DocumentMove: Sendable, Equatable { case ship, void, editOrder, cancelOrder, countStock, transferStock }

extension AppModel {
    mutating func handleDocumentMove(_ move: DocumentMove) -> [Effect] {
        if move == .ship, current == .home, let item = home.selectedItem, item.record.kind == .salesOrder, can(.postShipments) {
            return [.openEditor(.newShipment(orderId: item.record.id))]
        }
        if move == .void, let target = listVoidTarget(), can(AppModel.voidCapability(target.ref.kind)), target.posted {
            return [.openEditor(.voidDocument(target.ref, number: target.number))]
        }
        if move == .countStock || move == .transferStock { return stockMoveEffects(move) }
        guard case .card(let m)? = current else { return [] }
        switch move {
        case .countStock, .transferStock: return []
        case .ship:
            if m.ref.kind == .purchaseOrder, can(.postGoodsReceipts), [.open, .partiallyReceived].contains(purchaseOrderStatus(m)) {
                return [.openEditor(.newGoodsReceipt(poId: m.ref.id))]
            }
            if m.ref.kind == .report, let ref = m.selectedRef, ref.kind == .salesOrder, can(.postShipments) { return [.openEditor(.newShipment(orderId: ref.id))] }
            guard m.ref.kind == .salesOrder, can(.postShipments), orderIsOpen(m) else { return [] }
            return [.openEditor(.newShipment(orderId: m.ref.id))]
        case .editOrder, .cancelOrder:
            if m.ref.kind == .purchaseOrder, can(.editPurchaseOrders), purchaseOrderStatus(m) == .open {
                return [.openEditor(move == .editOrder ? .editPurchaseOrder(id: m.ref.id)
                                    : .cancelPurchaseOrder(id: m.ref.id, number: m.card?.field("field.number")?.plainText ?? ""))]
            }
            guard m.ref.kind == .salesOrder, can(.editSalesOrders), orderStatus(m) == .open else { return [] }
            return [.openEditor(move == .editOrder ? .editOrder(id: m.ref.id) : .cancelOrder(id: m.ref.id))]
        case .void:
            guard let target = voidTarget(m), can(AppModel.voidCapability(target.ref.kind)), target.posted else { return [] }
            return [.openEditor(.voidDocument(target.ref, number: target.number))]
        }
    }

    /// `c` (count) or `t` (transfer) on a product: its row of `:stock` (in the warehouse the list
    /// is filtered to), or its card (on the warehouse of the row selected).
    func stockMoveEffects(_ move: DocumentMove) -> [Effect] {
        guard can(.adjustStock) else { return [] }
        var product: Int64?, warehouse: String?
        if let m = currentList, m.kind == .stock, let ref = m.selectedRef {
            product = ref.id
            warehouse = m.query.filter("warehouse").isEmpty ? nil : m.query.filter("warehouse")
        } else if case .card(let m)? = current, m.ref.kind == .product || m.ref.kind == .stockLevel {
            product = m.ref.id
            // The selected row's warehouse: by name on the stock table, by code on the moves.
            warehouse = m.selectedCell("col.warehouse")?.plainText
        }
        guard let product else { return [] }
        return [.openEditor(move == .countStock ? .countStock(productId: product, warehouse: warehouse) : .transferStock(productId: product, warehouse: warehouse))]
    }

    /// `h` on a record's card: the audit trail of that record, newest first.
    mutating func historyEffects() -> [Effect] {
        guard can(.manageUsers), case .card(let m)? = current, let entity = AppDatabase.auditEntity(for: m.ref.kind) else { return [] }
        var query = ListQuery(.audit, sort: "newest", filter: ["entity": entity, "record": String(m.ref.id)])
        query.labels = ["entity": m.card?.title ?? entity, "record": "#\(m.ref.id)"]
        return openList(query)
    }

    /// `c` and `t` where a product's stock is shown.
    var stockMoveBindings: [Binding] {
        [Binding("count-stock", "hint.count", .document(.countStock), help: "action.count-stock", needs: [.adjustStock]),
         Binding("transfer-stock", "hint.transfer", .document(.transferStock), help: "action.transfer-stock", needs: [.adjustStock])]
    }

    /// Who voids a posted document of this kind.
    static func voidCapability(_ kind: RecordRef.Kind) -> Capability {
        switch kind {
        case .shipment: .postShipments
        case .payment: .postPayments
        case .expense: .editExpenses
        case .goodsReceipt: .postGoodsReceipts
        default: .postReceipts
        }
    }

    func orderIsOpen(_ m: CardViewModel) -> Bool { orderStatus(m)?.isOpen == true }

    func purchaseOrderStatus(_ m: CardViewModel) -> PurchaseOrderStatus? {
        guard case .status(let key)? = m.card?.field("field.status") else { return nil }
        return PurchaseOrderStatus(rawValue: String(key.dropFirst("status.".count)))
    }

    func orderStatus(_ m: CardViewModel) -> OrderStatus? {
        guard case .status(let key)? = m.card?.field("field.status") else { return nil }
        return OrderStatus(rawValue: String(key.dropFirst("status.".count)))
    }

    /// The posted document the user is on: its card, or its row in a card's table.
    func voidTarget(_ m: CardViewModel) -> (ref: RecordRef, number: String, posted: Bool)? {
        let voidable: Set<RecordRef.Kind> = [.shipment, .receipt, .payment, .expense, .goodsReceipt]
        if voidable.contains(m.ref.kind) {
            return (m.ref, m.card?.field("field.number")?.plainText ?? "", m.card?.field("field.status") == .status("status.posted"))
        }
        guard let ref = m.selectedRef, voidable.contains(ref.kind) else { return nil }
        return (ref, m.selectedCell("col.number")?.plainText ?? "", m.selectedCell("col.status") == .status("status.posted"))
    }

    /// The posted document selected in a list (`:money`, `:expenses`, `:shipments`).
    func listVoidTarget() -> (ref: RecordRef, number: String, posted: Bool)? {
        guard let m = currentList, let ref = m.selectedRef, [.shipment, .receipt, .payment, .expense, .goodsReceipt].contains(ref.kind),
              let row = m.rows.indices.contains(m.selected) ? m.rows[m.selected] : nil else { return nil }
        func cell(_ key: String) -> CellValue? { m.columns.firstIndex { $0.key == key }.flatMap { row.cells.indices.contains($0) ? row.cells[$0] : nil } }
        return (ref, cell("col.number")?.plainText ?? "", cell("col.status") == .status("status.posted"))
    }

    /// `s` on an open order, `d` on a posted shipment or receipt.
    func postedDocumentBindings(_ m: CardViewModel) -> [Binding] {
        var list: [Binding] = []
        if m.ref.kind == .report, m.selectedRef?.kind == .salesOrder {
            list.append(Binding("ship", "hint.ship", .document(.ship), needs: [.postShipments]))
        }
        if m.ref.kind == .salesOrder {
            list.append(Binding("ship", "hint.ship", .document(.ship), needs: [.postShipments]).unless(orderIsOpen(m), "reason.order-not-open"))
            // Changed or cancelled only while nothing has been shipped (the Store names a shipment made and voided).
            list += [Binding("edit", "hint.edit", .document(.editOrder), help: "action.edit-order", needs: [.editSalesOrders]).unless(orderStatus(m) == .open, "reason.order-shipped"),
                     Binding("reject", "hint.cancel-order", .document(.cancelOrder), help: "action.cancel-order", needs: [.editSalesOrders])
                        .unless(orderStatus(m) == .open, "reason.order-shipped")]
        }
        if m.ref.kind == .purchaseOrder {
            let receivable = [.open, .partiallyReceived].contains(purchaseOrderStatus(m))
            list.append(Binding("ship", "hint.receive", .document(.ship), help: "action.receive", needs: [.postGoodsReceipts]).unless(receivable, "reason.po-not-receivable"))
            // Changed or cancelled only while nothing has been received (the Store names a receipt).
            let open = purchaseOrderStatus(m) == .open
            list += [Binding("edit", "hint.edit", .document(.editOrder), help: "action.edit-po", needs: [.editPurchaseOrders]).unless(open, "reason.po-not-open"),
                     Binding("reject", "hint.cancel-order", .document(.cancelOrder), help: "action.cancel-po", needs: [.editPurchaseOrders]).unless(open, "reason.po-not-open")]
        }
        if m.ref.kind == .product || m.ref.kind == .stockLevel { list += stockMoveBindings }
        if let target = voidTarget(m) {
            // A shipment whose card names receipts paying it is voided after them.
            let paid = m.ref == target.ref && !(m.card?.field("field.paid-by")?.plainText.isEmpty ?? true)
            list.append(Binding("delete", "hint.void", .document(.void), help: "action.void", needs: [AppModel.voidCapability(target.ref.kind)])
                .unless(target.posted, "reason.already-voided").unless(!paid, "reason.shipment-paid"))
        }
        return list
    }
}
