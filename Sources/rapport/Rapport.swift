import ArgumentParser
import Domain
import Foundation
import Store

@main
struct Rapport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rapport",
        abstract: "A keyboard-driven terminal CRM for small trading companies.",
        version: "0.4.0",
        subcommands: [OpenCommand.self, DemoCommand.self, UserCommand.self, SettingsCommand.self, QuotaCommand.self, BackupCommand.self, CheckCommand.self, ReportCommand.self, ExpensesCommand.self, ImportCommand.self, ExportCommand.self, PrintCommand.self, TemplatesCommand.self, BenchCommand.self],
        defaultSubcommand: OpenCommand.self)

    static func main() async {
        // Everything this process writes — database, backups, exports, printed documents, logs,
        // their folders — is private from its first byte (files 0600, folders 0700).
        umask(0o077)
        FileLogHandler.bootstrap()
        // A refused subcommand shows that subcommand's usage, not the top-level one.
        var ran: (any ParsableCommand.Type)?
        do {
            var command = try parseAsRoot()
            ran = type(of: command)
            if var async = command as? AsyncParsableCommand { try await async.run() } else { try command.run() }
        } catch let e as AuthenticationError {
            // Said plainly, without the usage: the command was right, the person was not proved.
            printError("rapport: \(e.description)")
            log.warning("refused: \(e.description)")
            Foundation.exit(1)
        } catch let e as StoreError {
            printError("rapport: \(e.description)")
            log.error("\(e.description)")
            Foundation.exit(2)
        } catch {
            // A refusal inside a subcommand: its message, then that subcommand's usage, full path.
            if let ran, ran != Rapport.self, !(error is ExitCode), exitCode(for: error) != .success {
                let usage = usageString(for: ran)
                let path = usage.split(separator: " ").prefix { !$0.hasPrefix("[") && !$0.hasPrefix("<") }.joined(separator: " ")
                FileHandle.standardError.write(Data("Error: \(message(for: error))\nUsage: \(usage)\n  See '\(path) --help' for more.\n".utf8))
                Foundation.exit(exitCode(for: error).rawValue)
            }
            exit(withError: error)
        }
    }
}

struct OpenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Open the TUI (the default).")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var ui: UIOptions

    mutating func run() async throws {
        let path = global.databasePath()
        let database = try AppDatabase.open(path: path, create: false)
        let clock = SystemClock(fixedToday: try global.fixedToday())
        // Through the sudo rule, a mapped account is its login already; anyone else logs in.
        let invoker = SudoInvoker.current(databasePath: database.path)
        let actor = try invoker.flatMap { try database.authenticate(osAccount: $0.osUser, at: clock.nowSeconds()) }
        do { try await TUILauncher.run(database: database, clock: clock, options: ui, signedIn: actor) } catch {
            FileHandle.standardError.write(Data("rapport: \(error)\n".utf8))
            Foundation.exit(1)
        }
    }
}

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "backup", abstract: "Copy the database while it is in use (file mode 0600).")
    @OptionGroup var global: GlobalOptions
    @Option(name: .shortAndLong, help: "Backup file (default: next to the database, with a timestamp).") var out: String?
    @OptionGroup var auth: AuthOptions

    func run() throws {
        if out == "-" { throw ValidationError("a backup is a database file, not text: give --out FILE") }
        let path = global.databasePath()
        let database = try AppDatabase.open(path: path, create: false)
        try SudoRule.requireManager(global, auth)
        let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
        let target = out ?? (path.hasSuffix(".sqlite") ? String(path.dropLast(7)) : path) + "-backup-\(stamp).sqlite"
        try database.backup(to: target)
        print("Backup written to \(target)")
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Check integrity, foreign keys and domain invariants; exit 1 naming each problem.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var auth: AuthOptions

    func run() throws {
        // Read-only: check never creates, migrates or changes the file (a read-only backup too).
        let database = try AppDatabase.openReadOnly(path: global.databasePath())
        try SudoRule.requireManager(global, auth)
        let problems = try database.check()
        if problems.isEmpty { print("ok: integrity, foreign keys and \(AppDatabase.invariantCount) invariants hold"); return }
        for p in problems { print(p) }
        throw ExitCode(1)
    }
}
