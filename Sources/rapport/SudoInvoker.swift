import Foundation

/// The shared-host deployment: staff run `sudo -u SERVICE rapport …` under a sudo rule, and
/// Rapport runs as the service account that owns the data. The account that invoked sudo is
/// believed only when all of this holds — sudo itself, with root's rights, is this process's
/// parent and was run by the account `SUDO_UID` names (so the variables are sudo's, not a
/// caller's); this process runs
/// as the account that owns the database; and that account is not the invoker. Anyone else
/// setting `SUDO_USER` in their own environment gains nothing.
struct SudoInvoker: Equatable {
    /// The invoking operating-system account.
    var osUser: String
    var uid: uid_t

    static func current(databasePath: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> SudoInvoker? {
        guard let name = environment["SUDO_USER"], !name.isEmpty, let uidText = environment["SUDO_UID"], let uid = uid_t(uidText) else { return nil }
        guard sudoParentRealUID() == uid else { return nil }
        let me = geteuid()
        guard uid != me, ownerOfDatabase(databasePath) == me else { return nil }
        return SudoInvoker(osUser: name, uid: uid)
    }

    /// Whether sudo is running under this account for someone else at all (even when the
    /// invoker cannot be believed): then nothing may be done on the service account's rights
    /// without a Rapport login.
    static func isUnderSudo(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        environment["SUDO_USER"].map { !$0.isEmpty } == true || sudoParentRealUID() != nil
    }

    /// The account that ran the parent, when the parent is sudo with root's rights: its name and
    /// uids as `/proc/PPID/status` (world readable, unlike a root process's executable link)
    /// shows them — real uid the invoker's, effective, saved and file-system uids 0. Only root
    /// can run such a process; the rule lets sudo start nothing but Rapport.
    static func sudoParentRealUID() -> uid_t? {
        guard let status = try? String(contentsOfFile: "/proc/\(getppid())/status", encoding: .utf8) else { return nil }
        var name: String?, uids: [String] = []
        for line in status.split(separator: "\n") {
            let parts = line.split(whereSeparator: { $0 == "\t" || $0 == " " || $0 == ":" }).map(String.init)
            if parts.first == "Name" { name = parts.dropFirst().first }
            if parts.first == "Uid" { uids = Array(parts.dropFirst()) }
        }
        guard name == "sudo", uids.count == 4, uids.dropFirst().allSatisfy({ $0 == "0" }) else { return nil }
        return uid_t(uids[0])
    }

    /// The folder's owner when the file does not exist yet.
    static func ownerOfDatabase(_ path: String) -> uid_t? {
        var st = stat()
        if stat(path, &st) == 0 { return st.st_uid }
        if stat((path as NSString).deletingLastPathComponent, &st) == 0 { return st.st_uid }
        return nil
    }
}

/// What the sudo rule allows beyond a login: the process runs with the service account's rights,
/// so the caller never names the files it reads or writes — the database is the service
/// account's, and what the caller takes away comes through standard output (`--out -`), into a
/// file the caller's own shell creates. (root, running Rapport under sudo, is the administrator.)
enum SudoRule {
    static var active: Bool { geteuid() != 0 && SudoInvoker.isUnderSudo() }

    static func refuse(_ why: String) throws {
        if active { throw AuthenticationError("not through the sudo rule: \(why)") }
    }

    /// `backup` and `check` need only read access to the file — which, through the rule, the
    /// caller does not have: there they are a manager's.
    static func requireManager(_ global: GlobalOptions, _ auth: AuthOptions) throws {
        guard active else { return }
        let actor = try global.openAuthenticated(auth).1
        guard actor.can(.manageUsers) else { throw AuthenticationError("through the sudo rule, only a manager backs up or checks the database") }
    }

    static func requireStandardOutput(_ out: String?, option: String) throws {
        if active && out != "-" {
            throw AuthenticationError("through the sudo rule, files reach you on standard output: give \(option) - and redirect it (> FILE)")
        }
    }
}
