import ArgumentParser
import Domain
import Foundation
import Store

/// Who runs a command. Every command that reads or writes company data acts as a Rapport user
/// who proved it in this process: under the deployment's sudo rule, the invoking account's mapped
/// login; else `--user` (or the login asked on the terminal) and the password, read without echo
/// from the terminal or, with `--password-stdin`, as the first line of standard input. There is
/// no default actor; a refusal changes nothing.
struct AuthOptions: ParsableArguments {
    @Option(help: "Your Rapport login (asked on a terminal when not given; under the shared-host sudo rule, your account's mapped login).")
    var user: String?

    @Flag(help: "Read your password from the first line of standard input (for scripts and cron).")
    var passwordStdin = false

    func actor(_ db: AppDatabase, now: Int64) throws -> Actor {
        if let invoker = SudoInvoker.current(databasePath: db.path) {
            // The mapped login is who the invoker is; a different --user must prove it by password.
            if let actor = try db.authenticate(osAccount: invoker.osUser, at: now), user == nil || user == actor.login { return actor }
        }
        guard let login = try user ?? askLogin() else {
            throw AuthenticationError("who is running this? give --user LOGIN and your password (on the terminal, or with --password-stdin)")
        }
        let password = try readPassword(for: login)
        switch try db.authenticate(login: login, password: password, at: now) {
        case .success(let actor): return actor
        case .refused, .changePassword: throw AuthenticationError("login refused: wrong login or password, or the account is locked or disabled; nothing was done")
        }
    }

    private func askLogin() throws -> String? {
        guard !passwordStdin, isatty(STDIN_FILENO) != 0 else { return nil }
        FileHandle.standardError.write(Data("Login: ".utf8))
        return readLine().map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    private func readPassword(for login: String) throws -> String {
        if passwordStdin {
            guard let line = readLine() else { throw AuthenticationError("--password-stdin: no password on standard input") }
            return line
        }
        guard isatty(STDIN_FILENO) != 0 else {
            throw AuthenticationError("no terminal to ask the password of '\(login)' on: give it with --password-stdin")
        }
        return try UserCommand.readPassword("Password for \(login): ")
    }
}

struct AuthenticationError: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }
}

extension GlobalOptions {
    /// An existing database and the user proved to be running this command.
    func openAuthenticated(_ auth: AuthOptions) throws -> (AppDatabase, Actor, SystemClock) {
        let db = try AppDatabase.open(path: databasePath(), create: false)
        let clock = SystemClock(fixedToday: try fixedToday())
        return (db, try auth.actor(db, now: clock.nowSeconds()), clock)
    }
}
