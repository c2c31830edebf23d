import Domain

/// The fields a template of each document kind may use, as a tree: a template naming anything
/// else is refused at `templates check` and at print time, instead of printing a blank.
indirect enum TemplateSchema: Sendable {
    case value
    case object([String: TemplateSchema])
    case list([String: TemplateSchema])

    static let party: TemplateSchema = .object(["code": .value, "name": .value, "address": .value, "contact": .value, "phone": .value])

    /// Fields of every document kind; `customer` or `supplier` by kind, `page`/`pages` in text templates.
    static func document(_ kind: PrintableDocument.Kind) -> [String: TemplateSchema] {
        var line: [String: TemplateSchema] = [:]
        for f in ["no", "code", "name", "unit", "quantity", "unit_price", "discount", "amount"] { line[f] = .value }
        if kind == .shipment { line["ordered"] = .value }
        var fields: [String: TemplateSchema] = [
            "number": .value, "date": .value, "status": .value, "owner": .value, "reference": .value, "note": .value,
            "currency": .value, "total": .value, "total_in_chinese": .value, "line_count": .value, "printed_on": .value,
            "page": .value, "pages": .value, "title": .value,
            "company": .object(["name": .value, "address": .value, "phone": .value]),
            kind.party: party,
            "lines": .list(line),
        ]
        switch kind {
        case .quote: fields["valid_until"] = .value
        case .order: fields["delivery_date"] = .value
        case .purchaseOrder: fields["expected_date"] = .value
        case .shipment: fields["warehouse"] = .value
        }
        return fields
    }

    /// The alignment test page: a ruler and the page's geometry, no document.
    static let alignment: [String: TemplateSchema] = [
        "page": .value, "pages": .value, "width": .value, "page_length": .value, "printed_on": .value,
        "rows": .list(["no": .value, "ruler": .value]), "ruler": .value, "company": .object(["name": .value, "address": .value, "phone": .value]),
    ]
}
