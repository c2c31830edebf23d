import ArgumentParser
import Documents
import Domain
import Foundation
import Screens
import Store
import TerminalCore

/// The options every typed report takes, and how it is printed: the same `Report` value the
/// TUI's report card shows, as a table, CSV or JSON, labels in the language of `LANG`.
struct TypedReportOptions: ParsableArguments {
    @OptionGroup var global: GlobalOptions
    @OptionGroup var auth: AuthOptions
    @Option(help: "First day, YYYY-MM-DD (default: first of this month).") var from: String?
    @Option(help: "Last day, YYYY-MM-DD (default: today).") var to: String?
    @Option(help: "table, csv or json.") var format: String = "table"

    /// A report grouped one of several ways (`--by`), the grouping checked first.
    func run(_ name: String, by: String, of choices: [String]) throws {
        guard choices.contains(by) else { throw ValidationError("--by must be one of \(choices.joined(separator: ", ")), not '\(by)'") }
        try run(name, sort: by)
    }

    /// `rep`: whose figures (`ownByDefault`: the one running it, when not named).
    /// `part`: one of the report's further tables (its name) instead of its first.
    func run(_ name: String, rep: String? = nil, ownByDefault: Bool = false, sort: String? = nil, part: String? = nil) throws {
        guard ["table", "csv", "json"].contains(format) else { throw ValidationError("--format must be table, csv or json") }
        let (db, actor, clock) = try global.openAuthenticated(auth)
        let today = clock.today()
        func day(_ text: String?, _ fallback: DateOnly, _ option: String) throws -> DateOnly {
            guard let text else { return fallback }
            guard let d = DateOnly(iso: text) else { throw ValidationError("--\(option) '\(text)' is not a date (YYYY-MM-DD)") }
            return d
        }
        // --to alone: from the first of its month.
        let end = try day(to, today, "to")
        let period = DateRange(from: try day(from, end.startOfMonth, "from"), to: end)
        guard period.from <= period.to else { throw ValidationError("--from is after --to") }
        var repId: Int64? = ownByDefault ? actor.userId : nil
        if let rep {
            guard let subject = try db.user(login: rep) else { throw StoreError.notFound("user '\(rep)'") }
            repId = subject.id
        }
        var report = try db.report(ReportRequest(name: name, period: period, rep: repId, sort: sort), for: actor)
        if let part, let table = report.parts.first(where: { $0.name == part }) { report = table }
        print(ReportPrinter(catalog: Catalog(Catalog.language(flag: nil, environment: ProcessInfo.processInfo.environment))).render(report, format: format), terminator: "")
    }
}

/// The options of a report as of a day (`--as-of`, `--format`), and how it is printed.
struct AsOfReportOptions: ParsableArguments {
    @OptionGroup var global: GlobalOptions
    @OptionGroup var auth: AuthOptions
    @Option(name: .customLong("as-of"), help: "The day, YYYY-MM-DD (default: today).") var asOf: String?
    @Option(help: "table, csv or json.") var format: String = "table"

    /// `request`: the report asked of the open database, for the day.
    func run(_ request: (AppDatabase, DateOnly) throws -> ReportRequest) throws {
        guard ["table", "csv", "json"].contains(format) else { throw ValidationError("--format must be table, csv or json") }
        if let asOf, DateOnly(iso: asOf) == nil { throw ValidationError("--as-of '\(asOf)' is not a date (YYYY-MM-DD)") }
        let (db, actor, clock) = try global.openAuthenticated(auth)
        let day = asOf.flatMap { DateOnly(iso: $0) } ?? clock.today()
        let report = try db.report(try request(db, day), for: actor)
        print(ReportPrinter(catalog: Catalog(Catalog.language(flag: nil, environment: ProcessInfo.processInfo.environment))).render(report, format: format), terminator: "")
    }

    func run(_ name: String) throws { try run { _, day in ReportRequest(name: name, period: DateRange(from: day, to: day)) } }
}

struct ReportPrinter {
    let catalog: Catalog

    /// Status keys in the user's language, within a warning or joined values too.
    func label(_ v: CellValue) -> String {
        switch v {
        case .status(let key): catalog.text(key)
        case .warning(let inner): label(inner)
        case .joined(let values, let separator): values.map(label).filter { !$0.isEmpty }.joined(separator: separator)
        default: v.plainText
        }
    }

    /// A value as a sheet writes it, its status keys worded.
    func localized(_ v: CellValue) -> CellValue {
        switch v {
        case .status, .joined: .text(label(v))
        case .warning(let inner): localized(inner)
        default: v
        }
    }

    func render(_ report: Report, format: String) -> String {
        let header = report.columns.map { catalog.text($0.key) }
        switch format {
        case "csv":
            let sheet = Sheet(name: report.name, columns: report.columns, rows: report.rows.map { $0.map(localized) })
            var named = sheet
            for (i, title) in header.enumerated() { named.columns[i].title = title }
            return String(decoding: CSV.data(named), as: UTF8.self)
        case "json":
            let object: [String: Any] = [
                "report": report.name,
                "parameters": Dictionary(uniqueKeysWithValues: report.parameters.map { (String($0.key.dropFirst("param.".count)), $0.value.plainText) }),
                "columns": report.columns.map(\.key),
                "rows": report.rows.map { $0.map { v -> String in if case .status(let k) = v { k } else { v.sheetValue.plain } } },
            ]
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
            return String(decoding: data, as: UTF8.self) + "\n"
        default:
            var out = catalog.text(report.title) + " — " + report.parameters.map { catalog.text($0.key) + " " + label($0.value) }.joined(separator: ", ") + "\n"
            let cells = report.rows.map { $0.map(label) }
            let widths = header.indices.map { c in ([header[c]] + cells.map { $0[c] }).map { DisplayWidth.of($0) }.max() ?? 0 }
            for line in [header] + cells {
                out += line.enumerated().map { c, text in DisplayWidth.pad(text, to: widths[c], alignRight: report.columns[c].alignRight) }.joined(separator: "  ") + "\n"
            }
            return out
        }
    }
}

extension ReportCommand {
    struct RepPerformanceReport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rep-performance",
                                                        abstract: "A rep's figures for a period, as \"My performance\" shows them.")
        @OptionGroup var options: TypedReportOptions
        @Option(help: "Login of the rep to report on (default: yourself; a manager may name any rep).") var rep: String?
        func run() throws { try options.run("rep-performance", rep: rep, ownByDefault: true) }
    }

    struct KPIReport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "kpi",
                                                        abstract: "Every KPI for a period beside the period before and the change, as :kpi shows it (the company, or one rep).")
        @OptionGroup var options: TypedReportOptions
        @Option(help: "Login of one rep (default: the whole company).") var rep: String?
        func run() throws { try options.run("kpi", rep: rep) }
    }

    struct KPIRepsReport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "kpi-reps",
                                                        abstract: "Every KPI for a period, one row per rep and the company last, as :kpi-reps shows it.")
        @OptionGroup var options: TypedReportOptions
        @Option(help: "Sort by a KPI, largest first: \(KPIRepsReport.kpis.joined(separator: ", ")).") var sort: String?
        static var kpis: [String] { KPIInputs.keys.map { String($0.dropFirst(4)) } }
        func run() throws {
            if let sort, !Self.kpis.contains(sort) { throw ValidationError("--sort must be one of \(Self.kpis.joined(separator: ", ")), not '\(sort)'") }
            try options.run("kpi-reps", sort: sort.map { "kpi." + $0 })
        }
    }

    struct KPITrendReport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "kpi-trend",
                                                        abstract: "Every KPI month by month for the twelve months ending with --to, each with a sparkline, as :kpi-trend shows it.")
        @OptionGroup var options: TypedReportOptions
        @Option(help: "Login of one rep (default: the whole company).") var rep: String?
        func run() throws { try options.run("kpi-trend", rep: rep) }
    }

    struct FeedbackReport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "feedback",
                                                        abstract: "CSAT, NPS and complaints of a period per rep, the company last; --complaints for the complaints (open ones first), as :feedback shows them.")
        @OptionGroup var options: TypedReportOptions
        @Flag(help: "Print the complaints instead: every open one, and those of the period resolved.") var complaints = false
        func run() throws { try options.run("feedback", part: complaints ? "feedback-complaints" : nil) }
    }

    struct TeamPerformanceReport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "team-performance",
                                                        abstract: "Every rep's figures for a period and the team's total, as :team-performance (:department) shows them.",
                                                        aliases: ["department"])
        @OptionGroup var options: TypedReportOptions
        func run() throws { try options.run("team-performance") }
    }
}
