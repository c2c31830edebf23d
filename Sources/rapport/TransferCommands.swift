import ArgumentParser
import Documents
import Domain
import Foundation
import Store
import TerminalCore
import Workspaces

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import users, warehouses, opening stock, customers, contacts, products, suppliers, opening receivables and payables, historical sales orders, past receipts or expenses from CSV files (UTF-8 or GB18030).",
        discussion: """
        All rows or none: any bad row is reported (row, column, value, reason) and nothing is written, unless --skip-bad-rows, \
        which imports the good rows and writes the bad ones to FILE.rejects.csv. Headers are matched by field name or the \
        usual Chinese/English alias; --map "Their Column=field,…" names the rest. References (a customer's owner, a contact's \
        customer) are resolved by code, login or name.
        """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "users, warehouses, stock, customers, contacts, products, suppliers, receivables, payables, sales-orders (with --lines), receipts (optionally with --allocations) or expenses.") var kind: String
    @Argument(help: "The CSV file.") var file: String
    @Option(help: "Column mapping: \"Their Column=field,…\".") var map: String?
    @Flag(help: "Check every row and report; write nothing.") var dryRun = false
    @Flag(help: "Import the good rows; write the bad ones with their reasons to a rejects file.") var skipBadRows = false
    @Option(help: "Rejects file (default: FILE.rejects.csv).") var rejects: String?
    @Option(help: "Users: where the first passwords go (default: FILE.passwords.csv, mode 0600).") var passwords: String?
    @Option(help: "Sales orders: the lines file (order number, product, quantity, unit_price, discount).") var lines: String?
    @Option(help: "Sales orders: column mapping of the lines file.") var linesMap: String?
    @Option(help: "Receipts: the receivables each receipt paid (receipt number, receivable number, amount); without it each is allocated oldest due first as of its own date.") var allocations: String?
    @Option(help: "Receipts: column mapping of the allocations file.") var allocationsMap: String?
    @Option(help: "What the file is when it is not UTF-8: gb18030, big5, shift-jis (default: UTF-8, or GB18030 when it plainly is).") var encoding: String?
    @OptionGroup var auth: AuthOptions

    func run() throws {
        try SudoRule.refuse("import reads files as the service account: an administrator runs it as that account")
        if allocations != nil && kind != "receipts" { throw ValidationError("--allocations is for receipts") }
        if lines != nil && kind != "sales-orders" { throw ValidationError("--lines is for sales orders") }
        let (db, actor, clock) = try global.openAuthenticated(auth)
        let started = Date()
        let result: DataImport.Result
        do {
            result = try DataImport.run(kind: kind, path: file, mapping: map, dryRun: dryRun, skipBadRows: skipBadRows, rejectsPath: rejects,
                                        linesPath: kind == "receipts" ? allocations : lines, linesMapping: kind == "receipts" ? allocationsMap : linesMap, passwordsPath: passwords, encoding: encoding, database: db, actor: actor, today: clock.today(), now: clock.nowSeconds())
        } catch let e as ImportErrors {
            for p in e.problems { print(p) }
            print("nothing imported")
            throw ExitCode(1)
        } catch let e as DocumentError { throw DocumentsCLIError(e.message) }
        let o = result.outcome
        for p in o.problems { print(p) }
        for w in o.warnings { print("note: \(w)") }
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        let verb = o.dryRun ? "would import" : "imported"
        if !o.problems.isEmpty && !skipBadRows {
            print("\(result.rows) rows (\(result.encoding)): \(Set(o.problems.map(\.line)).count) with problems — nothing imported\(o.dryRun ? " (dry run)" : "")")
            throw ExitCode(1)
        }
        var summary = "\(result.rows) rows (\(result.encoding)): \(verb) \(o.imported) \(kind)"
        if !o.problems.isEmpty { summary += ", \(Set(o.problems.map(\.line)).count) rejected" + (result.rejectsFile.map { " → \($0)" } ?? "") }
        if !o.warnings.isEmpty { summary += ", \(o.warnings.count) notes" }
        print(summary + " in \(seconds) s")
        if let path = result.passwordsFile {
            print("first passwords of \(result.issued.count) users: \(path) (mode 0600) — hand them out, then delete the file")
        }
    }
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export users, warehouses, stock, customers, contacts, products, suppliers, open receivables and payables, or sales orders (two files) as .xlsx or .csv (CSV imports back as it is).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "users, warehouses, stock, customers, contacts, products, suppliers, receivables, payables or sales-orders (written as FILE and FILE-lines).") var kind: String
    @Option(help: "xlsx or csv.") var format: String = "xlsx"
    @Option(help: "Output file (default: KIND.FORMAT in the current folder; - for standard output).") var out: String?
    @OptionGroup var auth: AuthOptions

    func run() throws {
        guard format == "xlsx" || format == "csv" else { throw ValidationError("--format must be xlsx or csv") }
        let kinds = AppDatabase.exportKinds + ["sales-orders"]
        guard kinds.contains(kind) else { throw ValidationError("'\(kind)' is not something to export; one of: \(kinds.joined(separator: ", "))") }
        try SudoRule.requireStandardOutput(out, option: "--out")
        let (db, actor, _) = try global.openAuthenticated(auth)
        let path = out ?? "\(kind).\(format)"
        var sheets: [(Sheet, String)]
        if kind == "sales-orders" {
            // Two files, as the import reads them: the orders, and their lines beside them.
            let (orders, lines) = try db.exportSalesOrders(for: actor)
            let stem = path.hasSuffix(".\(format)") ? String(path.dropLast(format.count + 1)) : path
            sheets = [(orders, path), (lines, stem + "-lines.\(format)")]
        } else {
            sheets = [(try db.exportSheet(kind, for: actor), path)]
        }
        if path == "-" {
            guard sheets.count == 1 else { throw ValidationError("sales orders are two files: --out - takes one; export them to a file") }
            try StandardOutput.write(sheets[0].0, format: format)
            return
        }
        do {
            for (sheet, file) in sheets {
                let written = format == "csv" ? try CSV.write(sheet, to: file) : try XLSXWriter.write(sheet, to: file, width: TextWidth { DisplayWidth.of($0) })
                print("\(sheet.rows.count) \(sheet.name) written to \(written)")
            }
        } catch { throw DocumentsCLIError(error.message) }
    }
}
