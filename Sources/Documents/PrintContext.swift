import Domain

/// The values a template sees for a document: every field of `TemplateSchema.document(kind)`,
/// already formatted (money with grouping and two decimals, quantities without trailing zeros,
/// dates as ISO) and ready for the column transforms.
enum PrintContext {
    static func document(_ d: PrintableDocument, printedOn: DateOnly, width: TextWidth) -> [String: Any] {
        func v(_ s: String) -> PrintValue { PrintValue(text: width.clean(s), width: width) }
        func party(_ p: PrintableDocument.Party) -> [String: Any] {
            ["code": v(p.code), "name": v(p.name), "address": v(p.address), "contact": v(p.contact), "phone": v(p.phone)]
        }
        let lines: [[String: Any]] = d.lines.enumerated().map { i, l in
            var line: [String: Any] = [
                "no": v(String(i + 1)), "code": v(l.code), "name": v(l.name), "unit": v(l.unit),
                "quantity": v(l.quantity.description), "unit_price": v(l.unitPrice.formatted()),
                "discount": v(l.discount.value == 0 ? "" : l.discount.description), "amount": v(l.amount.formatted()),
            ]
            if d.kind == .shipment { line["ordered"] = v(l.ordered?.description ?? "") }
            return line
        }
        var c: [String: Any] = [
            "number": v(d.number), "date": v(d.date.iso), "status": v(d.status), "owner": v(d.owner),
            "reference": v(d.reference), "note": v(d.note), "currency": v(d.currency), "total": v(d.total.formatted()),
            "total_in_chinese": v(ChineseAmount.words(d.total)), "line_count": v(String(d.lines.count)),
            "printed_on": v(printedOn.iso), "page": v("1"), "pages": v("1"), "title": v(title(d.kind)),
            "company": ["name": v(d.company.name), "address": v(d.company.address), "phone": v(d.company.phone)],
            d.kind.party: party(d.party),
            "lines": lines,
        ]
        let due = v(d.dueDate?.iso ?? "")
        switch d.kind {
        case .quote: c["valid_until"] = due
        case .order: c["delivery_date"] = due
        case .purchaseOrder: c["expected_date"] = due
        case .shipment: c["warehouse"] = v(d.warehouse)
        }
        return c
    }

    static func title(_ kind: PrintableDocument.Kind) -> String {
        switch kind {
        case .quote: "报价单 QUOTATION"
        case .order: "订单确认书 ORDER CONFIRMATION"
        case .shipment: "发货单 SHIPMENT NOTE"
        case .purchaseOrder: "采购订单 PURCHASE ORDER"
        }
    }

    /// The alignment page: a column ruler on every line so the operator can line the paper up.
    static func alignment(width columns: Int, pageLength: Int, company: PrintableDocument.Party, printedOn: DateOnly, width: TextWidth) -> [String: Any] {
        func v(_ s: String) -> PrintValue { PrintValue(text: width.clean(s), width: width) }
        let cols = max(10, columns)
        var ruler = ""
        // Columns counted from the paper's left edge: the two-digit line number takes 1–2.
        for c in 3...(cols + 2) { ruler.append(c % 10 == 0 ? Character(String(c / 10 % 10)) : (c % 5 == 0 ? "+" : "-")) }
        let rows: [[String: Any]] = (1...max(1, pageLength)).map { ["no": v(String(format2: $0)), "ruler": v(ruler)] }
        return [
            "width": v(String(cols)), "page_length": v(String(pageLength)), "printed_on": v(printedOn.iso),
            "rows": rows, "ruler": v(ruler), "page": v("1"), "pages": v("1"),
            "company": ["name": v(company.name), "address": v(company.address), "phone": v(company.phone)],
        ]
    }
}

extension String {
    /// Two digits at least: 7 → "07".
    init(format2 n: Int) { self = n < 10 ? "0\(n)" : String(n) }
}
