import Documents
import Domain
import Store

/// Each kind's row → record: values parsed (every bad one a problem of its row and column),
/// references left by name for the Store to resolve.
enum ImportConverters {
    static func money(_ text: String) throws(DomainError) -> Money { text.isEmpty ? .zero : try Money.parse(text) }

    /// A payment method as files write it; empty is none (the importer's default).
    static func method(_ text: String) throws(DomainError) -> PaymentMethod? {
        if text.trimmingSpaces().isEmpty { return nil }
        guard let m = PaymentMethod.parse(text) else { throw DomainError("not a method (cash, bank transfer, cheque, WeChat Pay, Alipay, other)") }
        return m
    }

    static func days(_ text: String) throws(DomainError) -> Int {
        if text.isEmpty { return 30 }
        guard let n = Int(text) else { throw DomainError("not a whole number of days") }
        return n
    }

    /// An expense of the past: the rep (a login) and a number of its own, if any, are left for the Store.
    static func expense(_ row: inout ImportRow) -> ImportRecord<ExpenseEntry>? {
        let before = row.problems.count
        let date = row.parse("date", DataImport.requiredDate)
        let amount = row.parse("amount") { (t: String) throws(DomainError) -> Money in try Money.parse(t) }
        let method = row.parse("method", ImportConverters.method)
        guard row.problems.count == before, let date, let amount else { return nil }
        let entry = ExpenseEntry(date: date, category: row.field("category"), item: row.field("item"), amount: amount, method: (method ?? nil) ?? .bankTransfer,
                                 note: row.optional("note"))
        return ImportRecord(line: row.line, record: entry, references: ["rep": row.field("rep"), "number": row.field("number")])
    }

    static func user(_ row: inout ImportRow) -> ImportRecord<ImportedUser>? {
        let before = row.problems.count
        let role = row.parse("role") { (t: String) throws(DomainError) -> Role in
            guard let r = Role.parse(t) else { throw DomainError("not a role (rep, assistant, finance, purchasing, manager)") }
            return r
        }
        let active = row.parse("active", Product.parseFlag)
        guard row.problems.count == before, let role, let active else { return nil }
        return ImportRecord(line: row.line, record: ImportedUser(login: row.field("login"), displayName: row.field("display_name"), role: role, active: active ?? true))
    }

    static func customer(_ row: inout ImportRow) -> ImportRecord<Customer>? {
        let before = row.problems.count
        let status = row.parse("status") { (t: String) throws(DomainError) -> CustomerStatus in
            if t.isEmpty { return .active }
            guard let s = CustomerStatus(rawValue: t.lowercased()) else { throw DomainError("not a status (lead, prospect, active, dormant, lost)") }
            return s
        }
        let credit = row.parse("credit_limit", money)
        let terms = row.parse("payment_terms_days", days)
        let next = row.parse("next_contact_on", DataImport.date)
        let c = Customer(code: row.field("code"), name: row.field("name"), shortName: row.optional("short_name"), status: status ?? .active,
                         region: row.optional("region"), industry: row.optional("industry"), source: row.optional("source"),
                         contactPerson: row.optional("contact_person"), phone: row.optional("phone"), email: row.optional("email"),
                         address: row.optional("address"), creditLimit: credit ?? .zero, paymentTermsDays: terms ?? 30, nextContactOn: next ?? nil, tags: row.field("tags"))
        guard row.problems.count == before else {
            // A row with unreadable values: its other fields' rule breaks are reported too.
            let reported = Set(row.problems[before...].map(\.column))
            for e in c.checked().1 where !reported.contains(e.field ?? "") {
                row.problems.append(ImportProblem(line: row.line, column: e.field ?? "", value: row.field(e.field ?? ""), message: e.message))
            }
            return nil
        }
        return ImportRecord(line: row.line, record: c, references: ["owner": row.field("owner")])
    }

    static func contact(_ row: inout ImportRow) -> ImportRecord<Contact>? {
        guard let birthday = row.parse("birthday", { (t: String) throws(DomainError) -> Birthday? in t.isEmpty ? nil : try Birthday.parse(t) }) else { return nil }
        let c = Contact(customerId: 0, name: row.field("name"), title: row.optional("title"), mobile: row.optional("mobile"), phone: row.optional("phone"),
                        email: row.optional("email"), wechat: row.optional("wechat"), qq: row.optional("qq"), birthday: birthday, notes: row.optional("notes"))
        return ImportRecord(line: row.line, record: c, references: ["customer": row.field("customer")])
    }

    static func product(_ row: inout ImportRow) -> ImportRecord<Product>? {
        let before = row.problems.count
        let list = row.parse("list_price") { (t: String) throws(DomainError) -> Money in
            guard !t.isEmpty else { throw DomainError("a list price is required") }
            return try Money.parse(t)
        }
        let cost = row.parse("cost_price", money)
        let active = row.parse("active", Product.parseFlag)
        guard row.problems.count == before, let list, let cost, let active else { return nil }
        var product = Product(code: row.field("code"), name: row.field("name"), unit: row.field("unit"), listPrice: list, costPrice: cost, active: active ?? true)
        product.category = row.field("category")
        return ImportRecord(line: row.line, record: product)
    }

    static func warehouse(_ row: inout ImportRow) -> ImportRecord<Warehouse>? {
        ImportRecord(line: row.line, record: Warehouse(code: row.field("code"), name: row.field("name")))
    }

    static func stock(_ row: inout ImportRow) -> ImportRecord<OpeningStock>? {
        let before = row.problems.count
        let quantity = row.parse("quantity") { (t: String) throws(DomainError) -> Quantity in try Quantity.parse(t) }
        let reorder = row.parse("reorder_level") { (t: String) throws(DomainError) -> Quantity in t.isEmpty ? .zero : try Quantity.parse(t) }
        guard row.problems.count == before, let quantity, let reorder else { return nil }
        return ImportRecord(line: row.line, record: OpeningStock(quantity: quantity, reorderLevel: reorder),
                            references: ["product": row.field("product"), "warehouse": row.field("warehouse")])
    }

    static func balance(party: String) -> (inout ImportRow) -> ImportRecord<OpeningBalance>? {
        { row in
            let before = row.problems.count
            let docDate = row.parse("doc_date", DataImport.requiredDate)
            let due = row.parse("due_date", DataImport.date)
            let amount = row.parse("amount") { (t: String) throws(DomainError) -> Money in try Money.parse(t) }
            guard row.problems.count == before, let docDate, let due, let amount else { return nil }
            return ImportRecord(line: row.line, record: OpeningBalance(number: row.field("number"), docDate: docDate, dueDate: due, amount: amount),
                                references: [party: row.field(party)])
        }
    }

    static func supplier(_ row: inout ImportRow) -> ImportRecord<Supplier>? {
        guard let terms = row.parse("payment_terms_days", days) else { return nil }
        return ImportRecord(line: row.line, record: Supplier(code: row.field("code"), name: row.field("name"), contactPerson: row.optional("contact_person"),
                                                             phone: row.optional("phone"), email: row.optional("email"), address: row.optional("address"),
                                                             paymentTermsDays: terms))
    }
}
