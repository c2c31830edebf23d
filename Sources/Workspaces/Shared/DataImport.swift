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

    public static let kinds = ["users", "warehouses", "stock", "sales-orders", "customers", "contacts", "products", "suppliers", "receivables", "payables", "expenses", "receipts"]

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
    /// `linesMapping` maps its columns as `mapping` does the orders'. For receipts, the same two
    /// name the allocations file (receipt number, receivable number, amount). The file is read a batch
    /// at a time inside the Store's transaction (users and sales orders, whole).
    public static func run(kind: String, path: String, mapping: String?, dryRun: Bool, skipBadRows: Bool, rejectsPath: String? = nil,
                           linesPath: String? = nil, linesMapping: String? = nil, passwordsPath: String? = nil, encoding: String? = nil,
                           database: any ImportStore, actor: Actor, today: DateOnly, now: Int64) throws -> Result {
        guard let spec = ImportSpec.all[kind] else {
            throw DocumentError("cannot import '\(kind)' yet (one of: \(kinds.joined(separator: ", ")))")
        }
        try AppDatabase.mayImport(actor)
        let reader = try CSV.Reader(path: path, encoding: encoding)
        let rows = ImportRowStream(reader: reader, mapped: try MappedTable.map(header: reader.header, spec: spec, mapping: mapping))
        let options = AppDatabase.ImportOptions(dryRun: dryRun, skipBadRows: skipBadRows, source: URL(fileURLWithPath: path).lastPathComponent)
        /// For the kinds read whole: rows refused while reading block the import unless skipped.
        let wholeOptions = { AppDatabase.ImportOptions(dryRun: dryRun || (!skipBadRows && !rows.problems.isEmpty), skipBadRows: skipBadRows, source: options.source) }
        var outcome: ImportOutcome
        var issued: [(login: String, password: String)] = []
        var passwordsFile: String?
        switch kind {
        case "users":
            let records = try rows.all(ImportConverters.user)
            (outcome, issued, passwordsFile) = try importUsers(records, passwordsPath: passwordsPath ?? path + ".passwords.csv", database: database,
                                                               actor: actor, now: now, options: wholeOptions())
        case "customers":
            outcome = try database.importCustomers(rows.batches(ImportConverters.customer), by: actor, today: today, at: now, options: options)
        case "contacts":
            outcome = try database.importContacts(rows.batches(ImportConverters.contact), by: actor, today: today, at: now, options: options)
        case "products":
            outcome = try database.importProducts(rows.batches(ImportConverters.product), by: actor, at: now, options: options)
        case "sales-orders":
            guard let linesPath else { throw DocumentError("sales orders come as two files: give the lines file with --lines") }
            var problems: [ImportProblem] = []
            let records = try SalesOrderImport(orders: rows.mapped, good: try rows.good(), linesPath: linesPath, linesMapping: linesMapping, encoding: encoding)
                .records(problems: &problems)
            rows.add(problems)
            outcome = try database.importHistoricalOrders(ImportBatches(records), by: actor, today: today, at: now, options: wholeOptions())
        case "warehouses":
            outcome = try database.importWarehouses(rows.batches(ImportConverters.warehouse), by: actor, at: now, options: options)
        case "stock":
            outcome = try database.importOpeningStock(rows.batches(ImportConverters.stock), by: actor, today: today, at: now, options: options)
        case "receipts":
            var problems: [ImportProblem] = []
            let records = try ReceiptImport.attach(allocationsPath: linesPath, mapping: linesMapping, encoding: encoding,
                                                   to: try rows.all(ReceiptImport.receipt), problems: &problems)
            rows.add(problems)
            outcome = try database.importReceipts(ImportBatches(records), by: actor, today: today, at: now, options: wholeOptions())
        case "expenses":
            outcome = try database.importExpenses(rows.batches(ImportConverters.expense), by: actor, today: today, at: now, options: options)
        case "receivables", "payables":
            let converter = ImportConverters.balance(party: kind == "receivables" ? "customer" : "supplier")
            outcome = try database.importOpeningBalances(kind, rows.batches(converter), by: actor, today: today, at: now, options: options)
        default:
            outcome = try database.importSuppliers(rows.batches(ImportConverters.supplier), by: actor, at: now, options: options)
        }
        try rows.rethrow()
        // Problems found before the Store saw the rows mean nothing was written (unless bad rows
        // are skipped); the count of what would have been imported stays honest.
        if !rows.problems.isEmpty && !skipBadRows { outcome.imported = 0 }
        outcome.problems = (rows.problems + outcome.problems).sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        outcome.dryRun = dryRun
        var rejects: String?
        if skipBadRows, !outcome.problems.isEmpty, !dryRun {
            rejects = try RejectsFile.write(rereading: path, encoding: reader.encoding, problems: outcome.problems, to: rejectsPath ?? path + ".rejects.csv")
        }
        return Result(outcome: outcome, rows: reader.count, encoding: reader.encoding, rejectsFile: rejects, issued: outcome.imported > 0 ? issued : [], passwordsFile: passwordsFile)
    }

    /// The first passwords are written before the users are committed; if that fails, no user
    /// is added, and if the commit fails after, the file is removed again.
    static func importUsers(_ records: [ImportRecord<ImportedUser>], passwordsPath target: String, database: any ImportStore, actor: Actor, now: Int64,
                            options: AppDatabase.ImportOptions) throws -> (ImportOutcome, [(login: String, password: String)], String?) {
        let wrote = WrittenFlag()
        do {
            let (outcome, issued) = try database.importUsers(records, by: actor, at: now, options: options) { issued in
                let sheet = Sheet(name: "passwords", columns: [.init("login"), .init("password")], rows: issued.map { [.text($0.login), .text($0.password)] })
                _ = try CSV.write(sheet, to: target)
                wrote.set()
            }
            return (outcome, issued, issued.isEmpty ? nil : target)
        } catch {
            if wrote.isSet { try? FileManager.default.removeItem(atPath: target) }
            throw error
        }
    }
}

/// Whether the passwords file was written by this import (only then is it removed on failure).
final class WrittenFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.lock(); value = true; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
}
