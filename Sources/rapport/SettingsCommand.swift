import ArgumentParser
import Domain
import Foundation
import Store
import TerminalCore

/// `rapport settings list | set KEY VALUE`: the company's name, address, currency, terms and
/// the other settings, from the command line (the manager's screen comes with the manager
/// workspace). Every change is validated and audited.
struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "settings", abstract: "List or set the company's settings.",
                                                    subcommands: [List.self, Set.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every setting and its value.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var auth: AuthOptions
        func run() throws {
            let (db, _, _) = try global.openAuthenticated(auth)
            let settings = try db.settings()
            for key in CompanySettings.keys {
                print(key.padding(toLength: 22, withPad: " ", startingAt: 0) + TextSanitizer.clean(settings.value(of: key) ?? ""))
            }
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set one setting: rapport settings set company_name \"华贸通商贸有限公司\".")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "One of: \(CompanySettings.keys.joined(separator: ", ")).") var key: String
        /// Taken as it is, even when it starts with "-" (`payment_terms_days -5` is refused by the
        /// setting's own check, not taken for an option).
        @Argument(parsing: .allUnrecognized) var words: [String]
        @OptionGroup var auth: AuthOptions
        var value: String { words.joined(separator: " ") }
        func run() throws {
            let (db, actor, clock) = try global.openAuthenticated(auth)
            let changed: CompanySettings
            do { changed = try db.settings().setting(key, to: value) } catch let e as DomainError { throw ValidationError(e.message) }
            try db.saveSettings(changed, by: actor, today: clock.today(), at: clock.nowSeconds())
            print("\(key) = \(TextSanitizer.clean(changed.value(of: key) ?? ""))")
        }
    }
}
