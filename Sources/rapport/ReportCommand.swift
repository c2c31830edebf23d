import ArgumentParser
import Domain
import Foundation
import Store

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "Print a report with the same numbers as the TUI.",
                                                    subcommands: [Reminders.self, Duplicates.self, RepPerformanceReport.self])

    struct Reminders: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The items of a user's reminder pane, exactly as their home shows them.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Login whose reminders to print.") var user: String
        @Option(help: "table or json.") var format: String = "table"

        func run() throws {
            guard format == "table" || format == "json" else { throw ValidationError("--format must be table or json") }
            let db = try AppDatabase.open(path: global.databasePath(), create: false)
            let actor = try db.actor(login: user)
            let today = SystemClock(fixedToday: try global.fixedToday()).today()
            let groups = try db.reminders(for: actor, today: today)
            if format == "json" {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                let out = ReminderReport(user: user, role: actor.role.rawValue, today: today.iso, groups: groups.map(ReminderReport.Group.init))
                print(String(decoding: try encoder.encode(out), as: UTF8.self))
                return
            }
            print("Reminders for \(user) (\(actor.role.rawValue)) on \(today.iso)")
            for g in groups {
                print("\n\(g.kind.rawValue) (\(g.total))")
                for i in g.items {
                    let cols = [i.record.kind.rawValue + ":" + String(i.record.id), i.title, i.detail, i.date?.iso ?? "", i.amount?.formatted() ?? ""]
                    print("  " + cols.joined(separator: " | "))
                }
            }
        }
    }
}

extension ReportCommand {
    struct Duplicates: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Candidate duplicate customers across the whole base, with the rule that matched.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "table or json.") var format: String = "table"

        func run() throws {
            guard format == "table" || format == "json" else { throw ValidationError("--format must be table or json") }
            let db = try AppDatabase.open(path: global.databasePath(), create: false)
            let result = try db.duplicatePairs()
            if format == "json" {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(result.pairs), as: UTF8.self))
                return
            }
            for p in result.pairs {
                print([p.rule.rawValue, "\(p.first.code) \(p.first.name) (\(p.first.owner))", "\(p.second.code) \(p.second.name) (\(p.second.owner))"]
                    .joined(separator: " | "))
            }
            print("\(result.pairs.count) candidate pairs" + (result.skippedGroups > 0 ? "; \(result.skippedGroups) groups too large to pair were left out" : ""))
        }
    }
}

extension ReportCommand {
    struct RepPerformanceReport: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rep-performance",
                                                        abstract: "A rep's figures for a period, as \"My performance\" shows them.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Login running the report (a rep sees only their own figures).") var user: String
        @Option(help: "Login of the rep to report on (default: --user; a manager may name any rep).") var rep: String?
        @Option(help: "First day, YYYY-MM-DD (default: first of this month).") var from: String?
        @Option(help: "Last day, YYYY-MM-DD (default: today).") var to: String?
        @Option(help: "table or json.") var format: String = "table"

        func run() throws {
            guard format == "table" || format == "json" else { throw ValidationError("--format must be table or json") }
            let db = try AppDatabase.open(path: global.databasePath(), create: false)
            let actor = try db.actor(login: user)
            guard let subject = try db.user(login: rep ?? user) else { throw StoreError.notFound("user '\(rep ?? user)'") }
            let today = SystemClock(fixedToday: try global.fixedToday()).today()
            func day(_ text: String?, _ fallback: DateOnly, _ name: String) throws -> DateOnly {
                guard let text else { return fallback }
                guard let d = DateOnly(iso: text) else { throw ValidationError("--\(name) '\(text)' is not a date (YYYY-MM-DD)") }
                return d
            }
            let period = DateRange(from: try day(from, today.startOfMonth, "from"), to: try day(to, today, "to"))
            guard period.from <= period.to else { throw ValidationError("--from is after --to") }
            let perf = try db.repPerformance(rep: subject.id, period: period, for: actor)
            let lines = perf.lines.map { (String($0.key.dropFirst(4)), $0.value.plainText) }
            if format == "json" {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                let out = PerformanceReport(rep: subject.login, name: perf.rep, from: perf.from, to: perf.to,
                                            figures: Dictionary(uniqueKeysWithValues: lines))
                print(String(decoding: try encoder.encode(out), as: UTF8.self))
                return
            }
            print("Performance of \(perf.rep) (\(subject.login)) from \(perf.from) to \(perf.to)")
            let width = lines.map { $0.0.count }.max() ?? 10
            for (key, value) in lines { print(key.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value) }
        }
    }
}

struct PerformanceReport: Encodable {
    var rep: String
    var name: String
    var from: String
    var to: String
    var figures: [String: String]
}

/// JSON shape of `report reminders`: plain strings and integers (money in minor units).
struct ReminderReport: Encodable {
    struct Item: Encodable {
        var record: String
        var id: Int64
        var title: String
        var detail: String
        var date: String?
        var amountMinor: Int64?
        var overdue: Bool
    }
    struct Group: Encodable {
        var kind: String
        var total: Int
        var items: [Item]
        init(_ g: ReminderGroup) {
            kind = g.kind.rawValue; total = g.total
            items = g.items.map { Item(record: $0.record.kind.rawValue, id: $0.record.id, title: $0.title, detail: $0.detail, date: $0.date?.iso, amountMinor: $0.amount?.minorUnits, overdue: $0.overdue) }
        }
    }
    var user: String
    var role: String
    var today: String
    var groups: [Group]
}
