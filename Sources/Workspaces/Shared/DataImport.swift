import Documents
import Domain
import Foundation
import Store

/// `rapport import KIND FILE`: the CSV read (RFC 4180, UTF-8 or GB18030) and mapped to fields,
/// each row turned into a record (a bad number or date is a problem naming row, column and
/// value), then handed to the Store, which checks references, uniqueness and duplicates and
/// writes all rows or none.
public enum DataImport {
    /// An optional date as files write it (`2026-11-22` or `2026/11/22`).
    static func date(_ text: String) throws(DomainError) -> DateOnly? {
        if text.isEmpty { return nil }
        guard let d = DateOnly(iso: text.replacingOccurrences(of: "/", with: "-")) else { throw DomainError("not a date (YYYY-MM-DD)") }
        return d
    }

    static func requiredDate(_ text: String) throws(DomainError) -> DateOnly {
        guard let d = try date(text) else { throw DomainError("a date is required") }
        return d
    }

    public static let kinds = ["users", "warehouses", "stock", "sales-orders", "customers", "contacts", "products", "suppliers", "receivables", "payables"]

    public struct Result: Sendable {
        public var outcome: ImportOutcome
        public var rows: Int
        public var encoding: String
        public var rejectsFile: String?
        /// Users: the first password of each new login, to hand out once.
        public var issued: [(login: String, password: String)] = []
        /// Users: where those passwords were written (mode 0600), before the users were committed.
        public var passwordsFile: String?
    }

    /// `linesPath`: for sales orders, the file of their lines (joined by the order number);
    /// `linesMapping` maps its columns as `mapping` does the orders'.
    public static func run(kind: String, path: String, mapping: String?, dryRun: Bool, skipBadRows: Bool, rejectsPath: String? = nil,
                           linesPath: String? = nil, linesMapping: String? = nil, passwordsPath: String? = nil, encoding: String? = nil,
                           database: any ImportStore, actor: Actor, today: DateOnly, now: Int64) throws -> Result {
        guard let spec = ImportSpec.all[kind] else {
            throw DocumentError("cannot import '\(kind)' yet (one of: \(kinds.joined(separator: ", ")))")
        }
        try AppDatabase.mayImport(actor)
        let table = try CSV.read(path: path, encoding: encoding)
        let mapped = try MappedTable.map(table, spec: spec, mapping: mapping)
        var problems: [ImportProblem] = []
        func field(_ name: String, _ fields: [String]) -> String { mapped.value(name, in: fields) }
        func optional(_ name: String, _ fields: [String]) -> String? { let v = field(name, fields); return v.isEmpty ? nil : v }
        /// Parses one value; a failure becomes a problem of this row and column.
        func parse<T>(_ name: String, _ fields: [String], line: Int, _ body: (String) throws(DomainError) -> T) -> T? {
            let v = field(name, fields)
            do { return try body(v) } catch {
                problems.append(ImportProblem(line: line, column: name, value: v, message: error.message)); return nil
            }
        }
        func money(_ text: String) throws(DomainError) -> Money { text.isEmpty ? .zero : try Money.parse(text) }
        let date = DataImport.date, requiredDate = DataImport.requiredDate
        func days(_ text: String) throws(DomainError) -> Int {
            if text.isEmpty { return 30 }
            guard let n = Int(text) else { throw DomainError("not a whole number of days") }
            return n
        }
        var good: [(Int, [String])] = []
        for r in table.records {
            if let p = mapped.shapeProblem(line: r.line, fields: r.fields) { problems.append(p) } else { good.append((r.line, r.fields)) }
        }
        let options = { (checkOnly: Bool) in AppDatabase.ImportOptions(dryRun: dryRun || checkOnly, skipBadRows: skipBadRows, source: URL(fileURLWithPath: path).lastPathComponent) }
        var outcome: ImportOutcome
        var issued: [(login: String, password: String)] = []
        var passwordsFile: String?
        switch kind {
        case "users":
            var records: [ImportRecord<ImportedUser>] = []
            for (line, f) in good {
                let before = problems.count
                let role = parse("role", f, line: line) { (t: String) throws(DomainError) -> Role in
                    guard let r = Role.parse(t) else { throw DomainError("not a role (rep, assistant, finance, purchasing, manager)") }
                    return r
                }
                let active = parse("active", f, line: line, Product.parseFlag)
                guard problems.count == before, let role, let active else { continue }
                records.append(ImportRecord(line: line, record: ImportedUser(login: field("login", f), displayName: field("display_name", f), role: role, active: active ?? true)))
            }
            // The first passwords are written before the users are committed; if that fails, no
            // user is added, and if the commit fails after, the file is removed again.
            let target = passwordsPath ?? path + ".passwords.csv"
            let wrote = WrittenFlag()
            do {
                (outcome, issued) = try database.importUsers(records, by: actor, at: now, options: options(!skipBadRows && !problems.isEmpty)) { issued in
                    let sheet = Sheet(name: "passwords", columns: [.init("login"), .init("password")], rows: issued.map { [.text($0.login), .text($0.password)] })
                    _ = try CSV.write(sheet, to: target)
                    wrote.set()
                }
            } catch {
                if wrote.isSet { try? FileManager.default.removeItem(atPath: target) }
                throw error
            }
            if !issued.isEmpty { passwordsFile = target }
        case "customers":
            var records: [ImportRecord<Customer>] = []
            for (line, f) in good {
                let before = problems.count
                let status = parse("status", f, line: line) { (t: String) throws(DomainError) -> CustomerStatus in
                    if t.isEmpty { return .active }
                    guard let s = CustomerStatus(rawValue: t.lowercased()) else { throw DomainError("not a status (lead, prospect, active, dormant, lost)") }
                    return s
                }
                let credit = parse("credit_limit", f, line: line, money)
                let terms = parse("payment_terms_days", f, line: line, days)
                let next = parse("next_contact_on", f, line: line, date)
                let c = Customer(code: field("code", f), name: field("name", f), shortName: optional("short_name", f), status: status ?? .active,
                                 region: optional("region", f), industry: optional("industry", f), source: optional("source", f),
                                 contactPerson: optional("contact_person", f), phone: optional("phone", f), email: optional("email", f),
                                 address: optional("address", f), creditLimit: credit ?? .zero, paymentTermsDays: terms ?? 30, nextContactOn: next ?? nil, tags: field("tags", f))
                guard problems.count == before else {
                    // A row with unreadable values: its other fields' rule breaks are reported too.
                    let reported = Set(problems[before...].map(\.column))
                    for e in c.checked().1 where !reported.contains(e.field ?? "") {
                        problems.append(ImportProblem(line: line, column: e.field ?? "", value: field(e.field ?? "", f), message: e.message))
                    }
                    continue
                }
                records.append(ImportRecord(line: line, record: c, references: ["owner": field("owner", f)]))
            }
            outcome = try database.importCustomers(records, by: actor, today: today, at: now, options: options(!skipBadRows && !problems.isEmpty))
        case "contacts":
            var records: [ImportRecord<Contact>] = []
            for (line, f) in good {
                guard let birthday = parse("birthday", f, line: line, { (t: String) throws(DomainError) -> Birthday? in t.isEmpty ? nil : try Birthday.parse(t) }) else { continue }
                let c = Contact(customerId: 0, name: field("name", f), title: optional("title", f), mobile: optional("mobile", f), phone: optional("phone", f),
                                email: optional("email", f), wechat: optional("wechat", f), qq: optional("qq", f), birthday: birthday, notes: optional("notes", f))
                records.append(ImportRecord(line: line, record: c, references: ["customer": field("customer", f)]))
            }
            outcome = try database.importContacts(records, by: actor, today: today, at: now, options: options(!skipBadRows && !problems.isEmpty))
        case "products":
            var records: [ImportRecord<Product>] = []
            for (line, f) in good {
                let before = problems.count
                let list = parse("list_price", f, line: line) { (t: String) throws(DomainError) -> Money in
                    guard !t.isEmpty else { throw DomainError("a list price is required") }
                    return try Money.parse(t)
                }
                let cost = parse("cost_price", f, line: line, money)
                let active = parse("active", f, line: line, Product.parseFlag)
                guard problems.count == before, let list, let cost, let active else { continue }
                records.append(ImportRecord(line: line, record: Product(code: field("code", f), name: field("name", f), unit: field("unit", f),
                                                                        listPrice: list, costPrice: cost, active: active ?? true)))
            }
            outcome = try database.importProducts(records, by: actor, at: now, options: options(!skipBadRows && !problems.isEmpty))
        case "sales-orders":
            guard let linesPath else { throw DocumentError("sales orders come as two files: give the lines file with --lines") }
            let records = try SalesOrderImport(orders: mapped, good: good, linesPath: linesPath, linesMapping: linesMapping, encoding: encoding).records(problems: &problems)
            outcome = try database.importHistoricalOrders(records, by: actor, today: today, at: now, options: options(!skipBadRows && !problems.isEmpty))
        case "warehouses":
            let records = good.map { line, f in ImportRecord(line: line, record: Warehouse(code: field("code", f), name: field("name", f))) }
            outcome = try database.importWarehouses(records, by: actor, at: now, options: options(!skipBadRows && !problems.isEmpty))
        case "stock":
            var records: [ImportRecord<OpeningStock>] = []
            for (line, f) in good {
                let before = problems.count
                let quantity = parse("quantity", f, line: line) { (t: String) throws(DomainError) -> Quantity in try Quantity.parse(t) }
                let reorder = parse("reorder_level", f, line: line) { (t: String) throws(DomainError) -> Quantity in t.isEmpty ? .zero : try Quantity.parse(t) }
                guard problems.count == before, let quantity, let reorder else { continue }
                records.append(ImportRecord(line: line, record: OpeningStock(quantity: quantity, reorderLevel: reorder),
                                            references: ["product": field("product", f), "warehouse": field("warehouse", f)]))
            }
            outcome = try database.importOpeningStock(records, by: actor, today: today, at: now, options: options(!skipBadRows && !problems.isEmpty))
        case "receivables", "payables":
            var records: [ImportRecord<OpeningBalance>] = []
            let party = kind == "receivables" ? "customer" : "supplier"
            for (line, f) in good {
                let before = problems.count
                let docDate = parse("doc_date", f, line: line, requiredDate)
                let due = parse("due_date", f, line: line, date)
                let amount = parse("amount", f, line: line) { (t: String) throws(DomainError) -> Money in try Money.parse(t) }
                guard problems.count == before, let docDate, let due, let amount else { continue }
                records.append(ImportRecord(line: line, record: OpeningBalance(number: field("number", f), docDate: docDate, dueDate: due, amount: amount),
                                            references: [party: field(party, f)]))
            }
            outcome = try database.importOpeningBalances(kind, records, by: actor, today: today, at: now, options: options(!skipBadRows && !problems.isEmpty))
        default:
            var records: [ImportRecord<Supplier>] = []
            for (line, f) in good {
                guard let terms = parse("payment_terms_days", f, line: line, days) else { continue }
                records.append(ImportRecord(line: line, record: Supplier(code: field("code", f), name: field("name", f), contactPerson: optional("contact_person", f),
                                                                         phone: optional("phone", f), email: optional("email", f), address: optional("address", f),
                                                                         paymentTermsDays: terms)))
            }
            outcome = try database.importSuppliers(records, by: actor, at: now, options: options(!skipBadRows && !problems.isEmpty))
        }
        // Problems found before the Store saw the rows mean nothing was written (unless bad rows
        // are skipped); the count of what would have been imported stays honest.
        if !problems.isEmpty && !skipBadRows { outcome.imported = 0 }
        outcome.problems = (problems + outcome.problems).sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        outcome.dryRun = dryRun
        var rejects: String?
        if skipBadRows, !outcome.problems.isEmpty, !dryRun {
            rejects = try RejectsFile.write(table, problems: outcome.problems, to: rejectsPath ?? path + ".rejects.csv")
        }
        return Result(outcome: outcome, rows: table.records.count, encoding: table.encoding, rejectsFile: rejects, issued: outcome.imported > 0 ? issued : [], passwordsFile: passwordsFile)
    }
}

/// Whether the passwords file was written by this import (only then is it removed on failure).
final class WrittenFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.lock(); value = true; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
}
