import ArgumentParser
import Domain
import Foundation
import Store

/// `rapport quota set|list`: a rep's monthly quotas from scripts — the same rules and audit as
/// `:quotas` (the manager's).
struct QuotaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "quota", abstract: "Set or list reps' monthly quotas.", subcommands: [Set.self, List.self])

    /// `2026-11` → (2026, 11).
    static func month(_ text: String, option: String) throws -> (year: Int, month: Int) {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2, (2000...2100).contains(parts[0]), (1...12).contains(parts[1]) else {
            throw ValidationError("--\(option) '\(text)' is not a month (YYYY-MM)")
        }
        return (parts[0], parts[1])
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set a rep's quota for a month, or for every month from --month to --through (the same amount each): rapport quota set --rep zhang --month 2026-01 --through 2026-12 --amount 250000")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The rep's login.") var rep: String
        @Option(help: "The first month, YYYY-MM.") var month: String
        @Option(help: "The last month (same year), YYYY-MM; default: --month alone.") var through: String?
        @Option(help: "The amount (e.g. 250000 or 250,000.00); 'none' removes the quota.") var amount: String
        @OptionGroup var auth: AuthOptions

        func run() throws {
            let (db, actor, clock) = try global.openAuthenticated(auth)
            let first = try QuotaCommand.month(month, option: "month"), last = try through.map { try QuotaCommand.month($0, option: "through") } ?? first
            guard first.year == last.year, first.month <= last.month else { throw ValidationError("--through must be in the same year as --month, and not before it") }
            guard let user = try db.user(login: rep) else { throw ValidationError("no user has the login '\(rep)'") }
            var year = try db.quotaYear(rep: user.id, year: first.year, by: actor)
            var value: Money?
            if amount.lowercased() != "none" {
                do throws(DomainError) { value = try QuotaYear.parse(amount, month: first.month, year: first.year) } catch { throw ValidationError(error.message) }
            }
            for m in first.month...last.month { year.months[m - 1] = value }
            try db.saveQuotaYear(year, by: actor, at: clock.nowSeconds())
            print("\(rep) \(month)\(through.map { "…" + $0 } ?? ""): \(value?.formatted() ?? "none")")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every rep's monthly quotas for a year, tab-separated.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The year (default: this year).") var year: Int?
        @OptionGroup var auth: AuthOptions

        func run() throws {
            let (db, actor, clock) = try global.openAuthenticated(auth)
            let y = year ?? clock.today().year
            print((["rep"] + (1...12).map { "\(y)-\(QuotaYear.monthKey($0))" } + ["total"]).joined(separator: "\t"))
            // Active reps, and a disabled one who had quotas that year (their history stays).
            for u in try db.users() where u.role == .salesRep {
                let q = try db.quotaYear(rep: u.id, year: y, by: actor)
                guard u.active || q.months.contains(where: { $0 != nil }) else { continue }
                print(([u.login] + q.months.map { $0?.formatted(grouping: false) ?? "" } + [q.total.formatted(grouping: false)]).joined(separator: "\t"))
            }
        }
    }
}
