extension Sheet {
    /// One document (a purchase order, a quote) as a sheet to e-mail: its header — number, date,
    /// the other party with address, contact and phone, the expected or valid-until date, the
    /// warehouse, the note — one row each (label, value), then its lines and the total. Labels
    /// are catalog keys (`localize` puts them in the user's language).
    public static func document(_ d: PrintableDocument) -> Sheet {
        let columns = [Column("col.code"), Column("col.product"), Column("col.unit"), Column("col.quantity", .quantity), Column("col.unit-price", .money),
                       Column("col.discount", .percent), Column("col.amount", .money)]
        func pad(_ cells: [Value]) -> [Value] { cells + Array(repeating: .empty, count: Swift.max(0, columns.count - cells.count)) }
        let due = d.kind == .quote ? "field.valid-until" : d.kind == .order ? "field.delivery-date" : "field.expected-date"
        var header: [(String, Value)] = [("field.number", .text(d.number)), ("field.date", .date(d.date))]
        header.append((d.kind.party == "supplier" ? "field.supplier" : "field.customer", .text(d.party.name)))
        for (key, text) in [("field.address", d.party.address), ("field.contact-person", d.party.contact), ("field.phone", d.party.phone)] where !text.isEmpty {
            header.append((key, .text(text)))
        }
        if let dueDate = d.dueDate { header.append((due, .date(dueDate))) }
        if !d.warehouse.isEmpty { header.append(("field.warehouse", .text(d.warehouse))) }
        if !d.note.isEmpty { header.append(("field.note", .text(d.note))) }
        header.append(("field.currency", .text(d.currency)))
        var rows = header.map { pad([.text($0.0), $0.1]) }
        rows.append(pad([]))
        rows += d.lines.map { l in
            [.text(l.code), .text(l.name), .text(l.unit), .quantity(l.quantity), .money(l.unitPrice), l.discount.value == 0 ? .empty : .percent(l.discount), .money(l.amount)]
        }
        rows.append(pad([.text("report.total")]).enumerated().map { $0.offset == columns.count - 1 ? .money(d.total) : $0.element })
        return Sheet(name: d.number, columns: columns, rows: rows)
    }
}
