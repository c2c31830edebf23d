import ArgumentParser
import Domain
import Foundation
import Store

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "Print a report with the same numbers as the TUI.",
                                                    subcommands: [Reminders.self, Duplicates.self, RepPerformanceReport.self, KPIReport.self, KPIRepsReport.self, KPITrendReport.self, FeedbackReport.self, AuditReport.self, TeamPerformanceReport.self,
                                                                  OrdersReport.self, DeliveriesReport.self, AgingReport.self, CashReport.self, ExpensesReport.self, ConcentrationReport.self, CommissionsReport.self,
                                                                  PurchasesReport.self, StockReport.self])

    struct Reminders: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The items of a user's reminder pane, exactly as their home shows them.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var auth: AuthOptions
        @Option(help: "table or json.") var format: String = "table"

        func run() throws {
            guard format == "table" || format == "json" else { throw ValidationError("--format must be table or json") }
            let (db, actor, clock) = try global.openAuthenticated(auth)
            let today = clock.today()
            let groups = try db.reminders(for: actor, today: today)
            if format == "json" {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                let out = ReminderReport(user: actor.login, role: actor.role.rawValue, today: today.iso, groups: groups.map(ReminderReport.Group.init))
                print(String(decoding: try encoder.encode(out), as: UTF8.self))
                return
            }
            print("Reminders for \(actor.login) (\(actor.role.rawValue)) on \(today.iso)")
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
        @OptionGroup var auth: AuthOptions
        @Option(help: "table or json.") var format: String = "table"

        func run() throws {
            guard format == "table" || format == "json" else { throw ValidationError("--format must be table or json") }
            let (db, actor, _) = try global.openAuthenticated(auth)
            let result = try db.duplicatePairs(for: actor)
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
