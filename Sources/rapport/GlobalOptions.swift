import ArgumentParser
import Domain
import Foundation
import Store

struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Database file (default: $RAPPORT_DB, else $XDG_DATA_HOME/rapport/rapport.sqlite, else the demo's demo.sqlite there).")
    var db: String?

    @Option(name: .long, help: "Fix today's date, YYYY-MM-DD (default: $RAPPORT_TODAY, else the system date).")
    var today: String?

    /// The database a command works on: `--db`, else `$RAPPORT_DB`, else the company's file,
    /// else — when there is no company yet — the demo `rapport demo` wrote, so the command after
    /// the demo finds it.
    func databasePath() -> String {
        let company = companyPath()
        if db != nil || ProcessInfo.processInfo.environment["RAPPORT_DB"].map({ !$0.isEmpty }) == true { return company }
        let demo = GlobalOptions.demoPath()
        return !FileManager.default.fileExists(atPath: company) && FileManager.default.fileExists(atPath: demo) ? demo : company
    }

    /// Where the company's data lives (a new company starts here): never the demo's file.
    func companyPath() -> String {
        if let db { return db }
        let env = ProcessInfo.processInfo.environment
        if let p = env["RAPPORT_DB"], !p.isEmpty { return p }
        return XDG.rapport(.data, env) + "/rapport.sqlite"
    }

    /// Where `rapport demo` writes unless `--db` says otherwise (never `$RAPPORT_DB`).
    static func demoPath() -> String { XDG.rapport(.data) + "/demo.sqlite" }


    /// Through the sudo rule the database is the service account's own: no other file is named.
    func validate() throws {
        if SudoRule.active && db != nil { throw ValidationError("--db is not taken through the sudo rule: the database is the service account's") }
    }

    func fixedToday() throws -> DateOnly? {
        guard let text = today ?? ProcessInfo.processInfo.environment["RAPPORT_TODAY"].flatMap({ $0.isEmpty ? nil : $0 }) else { return nil }
        guard let d = DateOnly(iso: text) else { throw ValidationError("--today must be YYYY-MM-DD, not '\(text)'") }
        return d
    }
}
