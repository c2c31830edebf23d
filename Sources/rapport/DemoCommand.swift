import ArgumentParser
import DemoData
import Domain
import Foundation
import Store

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: "Create a demo company, then open the TUI.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "small, medium or large (200k customers, 1M orders).") var size: String = "small"
    @Option(help: "Seed: the same seed gives the same company.") var seed: UInt64 = 42
    @Flag(help: "Only create the file; do not open the TUI.") var noTui = false
    @Flag(help: "Replace an existing demo file (never a company's database).") var force = false
    @OptionGroup var ui: UIOptions

    mutating func run() async throws {
        guard let demoSize = DemoSize(rawValue: size) else { throw ValidationError("--size must be small, medium or large") }
        try SudoRule.refuse("the demo is for your own account: run the program itself, not through the sudo rule")
        // The demo's own file unless --db names one; $RAPPORT_DB (a real company) is never used.
        let path = global.db ?? GlobalOptions.demoPath()
        let fm = FileManager.default
        let clock = SystemClock(fixedToday: try global.fixedToday())
        if fm.fileExists(atPath: path) {
            // Never overwrite a file by surprise: reopen it, or replace it only when asked.
            guard force else {
                FileHandle.standardError.write(Data("\(path) already exists: opening it as it is (pass --force to create a new demo company there).\n".utf8))
                let database = try AppDatabase.open(path: path, create: false)
                if noTui || isatty(STDIN_FILENO) == 0 || isatty(STDOUT_FILENO) == 0 { return }
                try await TUILauncher.run(database: database, clock: clock, options: ui)
                return
            }
            // Only a demo is replaced: a company's file (or anything else) is refused, untouched.
            guard AppDatabase.isDemoFile(path: path) else {
                throw StoreError.failed("\(path) is not a Rapport demo: --force replaces only a file `rapport demo` made. Nothing was changed; pass --db with another file.")
            }
            for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: path + suffix) }
        }
        let database = try AppDatabase.open(path: path)
        var generator = DemoGenerator(size: demoSize, seed: seed, today: clock.today())
        let summary = try generator.generate(into: database, clock: clock)
        try database.markAsDemo()
        let out = FileHandle.standardError
        out.write(Data("Demo company (\(size), seed \(seed), today \(clock.today().iso)) written to \(path) in \(String(format: "%.1f", summary.seconds)) s\n".utf8))
        for (table, rows) in summary.counts where ["customers", "sales_orders", "sales_order_lines", "shipments", "receipts", "purchase_orders"].contains(table) {
            out.write(Data("  \(table): \(rows)\n".utf8))
        }
        out.write(Data("Logins (password '\(DemoGenerator.password)'):\n".utf8))
        for l in summary.logins { out.write(Data("  \(l.login.padding(toLength: 11, withPad: " ", startingAt: 0)) \(l.role.padding(toLength: 16, withPad: " ", startingAt: 0)) \(l.name)\n".utf8)) }
        if global.db == nil, !fm.fileExists(atPath: global.companyPath()) { out.write(Data("Next: `rapport` opens it (while there is no company database), as do `rapport check`, `rapport report …`.\n".utf8)) }
        if noTui || isatty(STDIN_FILENO) == 0 || isatty(STDOUT_FILENO) == 0 { return }
        try await TUILauncher.run(database: database, clock: clock, options: ui)
    }
}
