import ArgumentParser
import Domain
import Foundation
import Store
import TerminalCore

struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "Add, list, change, disable or map users.",
                                                    subcommands: [Add.self, List.self, Passwd.self, Disable.self, Map.self, Unmap.self])

    /// Reads a password without echo from the terminal, or a line from standard input.
    static func readPassword(_ prompt: String) throws -> String {
        if isatty(STDIN_FILENO) != 0 {
            var old = termios()
            tcgetattr(STDIN_FILENO, &old)
            var quiet = old
            quiet.c_lflag &= ~tcflag_t(ECHO)
            FileHandle.standardError.write(Data(prompt.utf8))
            tcsetattr(STDIN_FILENO, TCSANOW, &quiet)
            defer { tcsetattr(STDIN_FILENO, TCSANOW, &old); FileHandle.standardError.write(Data("\n".utf8)) }
            return readLine() ?? ""
        }
        guard let line = readLine() else { throw AuthenticationError("\(prompt.trimmingCharacters(in: CharacterSet(charactersIn: ": "))): nothing on standard input") }
        return line
    }

    /// Whether a file has no users yet: its first user needs no one to vouch for it.
    static func hasNoUsers(_ path: String) throws -> Bool {
        guard FileManager.default.fileExists(atPath: path) else { return true }
        return try AppDatabase.open(path: path, create: false).users().isEmpty
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user (password from the terminal or standard input).")
        @OptionGroup var global: GlobalOptions
        @Argument var login: String
        @Option(help: "rep, assistant, finance, purchasing or manager.") var role: String
        @Option(help: "Name shown in the app.") var name: String = ""
        @OptionGroup var auth: AuthOptions

        func run() throws {
            guard let r = Role.parse(role) else { throw ValidationError("--role must be rep, assistant, finance, purchasing or manager, not '\(role)'") }
            // The company's file (never the demo's); the first user of a new file starts the company.
            let path = global.companyPath()
            // The first user of a new file starts the company; after that, a manager adds users
            // (with --password-stdin: the manager's password first, then the new user's).
            let first = try UserCommand.hasNoUsers(path)
            if first { try SudoRule.refuse("a new company is started by an administrator as the service account") }
            let actor = first ? Actor.system : try global.openAuthenticated(auth).1
            let password = try UserCommand.readPassword("Password for \(login): ")
            // On a terminal a typo would lock the user out: the password is asked twice.
            if isatty(STDIN_FILENO) != 0, try UserCommand.readPassword("Again: ") != password {
                throw ValidationError("the two passwords differ; nothing was changed")
            }
            let fresh = !FileManager.default.fileExists(atPath: path)
            let db = try AppDatabase.open(path: path)
            let clock = SystemClock(fixedToday: try global.fixedToday())
            do {
                try db.addUser(login: login, displayName: name, role: r, password: password, by: actor, at: clock.nowSeconds())
            } catch {
                // A refused first user leaves no empty company behind.
                if fresh { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
                throw error
            }
            print("Added \(login) (\(r.rawValue))" + (fresh ? " to a new company database at \(path). Next: `rapport settings set company_name \"…\" --user \(login)`, then `rapport` to log in." : ""))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var auth: AuthOptions
        func run() throws {
            let (db, actor, _) = try global.openAuthenticated(auth)
            guard actor.can(.manageUsers) else { throw StoreError.forbidden("only a manager lists users") }
            let mapped = Dictionary(grouping: try db.osAccounts(), by: \.login)
            for u in try db.users() {
                print("\(u.login.padding(toLength: 14, withPad: " ", startingAt: 0)) \(u.role.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0)) \(u.active ? "active  " : "disabled") \(TextSanitizer.clean(u.displayName))"
                      + (mapped[u.login].map { "  (accounts: " + $0.map(\.osUser).joined(separator: ", ") + ")" } ?? ""))
            }
        }
    }

    struct Passwd: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a user's password.")
        @OptionGroup var global: GlobalOptions
        @Argument var login: String
        @OptionGroup var auth: AuthOptions
        func run() throws {
            // Your own password, or (a manager) anyone's; with --password-stdin, yours first, then the new one.
            let (db, actor, clock) = try global.openAuthenticated(auth)
            guard try db.user(login: login) != nil else { throw StoreError.notFound("user '\(login)'") }
            let password = try UserCommand.readPassword("New password for \(login): ")
            try db.setPassword(login: login, password: password, by: actor, at: clock.nowSeconds())
            print("Password changed for \(login)")
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable (or with --enable, re-enable) a user.")
        @OptionGroup var global: GlobalOptions
        @Argument var login: String
        @Flag var enable = false
        @OptionGroup var auth: AuthOptions
        func run() throws {
            let (db, actor, clock) = try global.openAuthenticated(auth)
            try db.setActive(login: login, active: enable, by: actor, at: clock.nowSeconds())
            print("\(login) \(enable ? "enabled" : "disabled")")
        }
    }

    struct Map: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Map an operating-system account to a login (the shared-host deployment: that account, through the sudo rule, is this user).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The operating-system account, e.g. zhang.") var osUser: String
        @Argument(help: "The Rapport login it stands for.") var login: String
        @OptionGroup var auth: AuthOptions
        func run() throws {
            let (db, actor, clock) = try global.openAuthenticated(auth)
            try db.mapOSAccount(osUser, to: login, by: actor, at: clock.nowSeconds())
            print("\(osUser) → \(login)")
        }
    }

    struct Unmap: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove an operating-system account's mapping (it must then give a password).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The operating-system account.") var osUser: String
        @OptionGroup var auth: AuthOptions
        func run() throws {
            let (db, actor, clock) = try global.openAuthenticated(auth)
            try db.unmapOSAccount(osUser, by: actor, at: clock.nowSeconds())
            print("\(osUser) no longer mapped")
        }
    }
}
