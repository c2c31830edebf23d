import ArgumentParser
import Domain
import Foundation
import Store

struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "Add, list, change or disable users.",
                                                    subcommands: [Add.self, List.self, Passwd.self, Disable.self])

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
        guard let line = readLine() else { throw ValidationError("no password given on standard input") }
        return line
    }

    /// An existing database: listing or changing users creates nothing.
    static func open(_ g: GlobalOptions) throws -> (AppDatabase, SystemClock) {
        (try AppDatabase.open(path: g.databasePath(), create: false), SystemClock(fixedToday: try g.fixedToday()))
    }

    /// CLI user administration is done by whoever can write the database file (the operator),
    /// audited as `system`.
    static let operatorActor = Actor.system

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user (password from the terminal or standard input).")
        @OptionGroup var global: GlobalOptions
        @Argument var login: String
        @Option(help: "rep, assistant, finance, purchasing or manager.") var role: String
        @Option(help: "Name shown in the app.") var name: String = ""

        func run() throws {
            guard let r = Role.parse(role) else { throw ValidationError("--role must be rep, assistant, finance, purchasing or manager, not '\(role)'") }
            // The company's file (never the demo's); the first user of a new file starts the company.
            let path = global.companyPath()
            let password = try UserCommand.readPassword("Password for \(login): ")
            // On a terminal a typo would lock the user out: the password is asked twice.
            if isatty(STDIN_FILENO) != 0, try UserCommand.readPassword("Again: ") != password {
                throw ValidationError("the two passwords differ; nothing was changed")
            }
            let fresh = !FileManager.default.fileExists(atPath: path)
            let db = try AppDatabase.open(path: path)
            let clock = SystemClock(fixedToday: try global.fixedToday())
            do {
                try db.addUser(login: login, displayName: name, role: r, password: password, by: UserCommand.operatorActor, at: clock.nowSeconds())
            } catch {
                // A refused first user leaves no empty company behind.
                if fresh { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
                throw error
            }
            print("Added \(login) (\(r.rawValue))" + (fresh ? " to a new company database at \(path). Next: `rapport settings set company_name \"…\"`, then `rapport` to log in." : ""))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users.")
        @OptionGroup var global: GlobalOptions
        func run() throws {
            let (db, _) = try UserCommand.open(global)
            for u in try db.users() {
                print("\(u.login.padding(toLength: 14, withPad: " ", startingAt: 0)) \(u.role.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0)) \(u.active ? "active  " : "disabled") \(u.displayName)")
            }
        }
    }

    struct Passwd: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a user's password.")
        @OptionGroup var global: GlobalOptions
        @Argument var login: String
        func run() throws {
            let (db, clock) = try UserCommand.open(global)
            guard try db.user(login: login) != nil else { throw StoreError.notFound("user '\(login)'") }
            let password = try UserCommand.readPassword("New password for \(login): ")
            try db.setPassword(login: login, password: password, by: UserCommand.operatorActor, at: clock.nowSeconds())
            print("Password changed for \(login)")
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable (or with --enable, re-enable) a user.")
        @OptionGroup var global: GlobalOptions
        @Argument var login: String
        @Flag var enable = false
        func run() throws {
            let (db, clock) = try UserCommand.open(global)
            try db.setActive(login: login, active: enable, by: UserCommand.operatorActor, at: clock.nowSeconds())
            print("\(login) \(enable ? "enabled" : "disabled")")
        }
    }
}
