import Foundation
import Testing

/// The `rapport` binary run as a user runs it.
enum CLI {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var binary: String {
        let candidates = [".build/debug/rapport", ".build/x86_64-unknown-linux-gnu/debug/rapport", ".build/aarch64-unknown-linux-gnu/debug/rapport"]
        return candidates.map { root.appendingPathComponent($0).path }.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }

    struct Result { var status: Int32; var out: String; var err: String }

    @discardableResult
    static func run(_ args: [String], stdin: String? = nil, env: [String: String] = [:]) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = args
        var environment = ProcessInfo.processInfo.environment
        environment["RAPPORT_LOG"] = NSTemporaryDirectory() + "rapport-test.log"
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        // Output to files, read once the process has ended: reading pipes while other tests start
        // and kill processes can be interrupted (EINTR), which Foundation's reader does not survive.
        let outPath = tempPath("stdout"), errPath = tempPath("stderr")
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: outPath); try? FileManager.default.removeItem(atPath: errPath) }
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath)), err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        let input = Pipe()
        p.standardOutput = out; p.standardError = err; p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        p.waitUntilExit()
        try? out.close(); try? err.close()
        let o = (try? Data(contentsOf: URL(fileURLWithPath: outPath))) ?? Data(), e = (try? Data(contentsOf: URL(fileURLWithPath: errPath))) ?? Data()
        return Result(status: p.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
    }

    /// Run as a login who proves it: `--user LOGIN --password-stdin`, the password first on
    /// standard input, then `stdin`.
    @discardableResult
    static func run(_ args: [String], as login: String, password: String = "demo", stdin: String = "", env: [String: String] = [:]) throws -> Result {
        try run(args + ["--user", login, "--password-stdin"], stdin: password + "\n" + stdin, env: env)
    }

    static func tempPath(_ name: String) -> String { NSTemporaryDirectory() + "rapport-cli-\(UUID().uuidString)-\(name)" }
}

@Suite(.serialized) struct CLITests {
    static let db: String = {
        let path = CLI.tempPath("demo.sqlite")
        _ = try? CLI.run(["demo", "--db", path, "--no-tui", "--today", "2026-11-22", "--seed", "42"])
        return path
    }()

    @Test func demoPrintsLoginsAndChecksClean() throws {
        let path = CLI.tempPath("d.sqlite")
        let r = try CLI.run(["demo", "--db", path, "--no-tui", "--today", "2026-11-22"])
        #expect(r.status == 0)
        for login in ["manager", "rep ", "rep2", "assistant", "finance", "purchasing"] { #expect(r.err.contains(login)) }
        #expect(r.err.contains("password 'demo'"))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let check = try CLI.run(["check", "--db", path])
        #expect(check.status == 0)
        #expect(check.out.hasPrefix("ok"))
        let report = ["report", "reminders", "--db", path, "--today", "2026-11-22", "--format", "json"]
        let before = try CLI.run(report, as: "manager").out
        let again = try CLI.run(["demo", "--db", path, "--no-tui", "--seed", "99"])
        #expect(again.status == 0)
        #expect(again.err.contains("already exists: opening it as it is"))
        #expect(try CLI.run(report, as: "manager").out == before)
    }

    @Test func sameSeedSameCompany() throws {
        let a = CLI.tempPath("a.sqlite"), b = CLI.tempPath("b.sqlite")
        try CLI.run(["demo", "--db", a, "--no-tui", "--today", "2026-11-22", "--seed", "9"])
        try CLI.run(["demo", "--db", b, "--no-tui", "--today", "2026-11-22", "--seed", "9"])
        let ra = try CLI.run(["report", "reminders", "--db", a, "--today", "2026-11-22", "--format", "json"], as: "manager")
        let rb = try CLI.run(["report", "reminders", "--db", b, "--today", "2026-11-22", "--format", "json"], as: "manager")
        #expect(ra.status == 0)
        #expect(ra.out == rb.out)
    }

    @Test func reminderReportIsJSONWithEveryGroup() throws {
        let r = try CLI.run(["report", "reminders", "--db", CLITests.db, "--today", "2026-11-22", "--format", "json"], as: "rep")
        #expect(r.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any]
        let groups = json?["groups"] as? [[String: Any]] ?? []
        #expect(groups.map { $0["kind"] as? String ?? "" } == ["contact-today", "contact-tomorrow", "overdue-follow-up", "receivable-overdue", "receivable-due", "birthday", "credit-breach", "dormant-customer"])
        let table = try CLI.run(["report", "reminders", "--db", CLITests.db, "--today", "2026-11-22"], as: "rep")
        #expect(table.out.contains("contact-today ("))
        let nobody = try CLI.run(["report", "reminders", "--db", CLITests.db, "--today", "2026-11-22"], as: "ghost")
        #expect(nobody.status != 0)
        #expect(nobody.err.contains("login refused"))
    }

    @Test func repPerformanceReportForTheRepAndTheManagerOnly() throws {
        let json = try CLI.run(["report", "rep-performance", "--db", CLITests.db, "--today", "2026-11-22", "--format", "json"], as: "rep")
        #expect(json.status == 0)
        let rows = (try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])?["rows"] as? [[String]] ?? []
        let figures = Dictionary(uniqueKeysWithValues: rows.map { ($0[0], $0[1]) })
        #expect(figures.count == 12)
        let table = try CLI.run(["report", "rep-performance", "--db", CLITests.db, "--today", "2026-11-22"], as: "rep")
        let sales = try #require(figures["kpi.sales"])
        #expect(table.out.contains("Sales") && table.out.replacingOccurrences(of: ",", with: "").contains(sales))
        // The team: one row per active rep and the total, whose sales are the reps' sum — also as CSV.
        let team = try CLI.run(["report", "team-performance", "--db", CLITests.db, "--today", "2026-11-22", "--format", "json"], as: "manager")
        let teamRows = (try JSONSerialization.jsonObject(with: Data(team.out.utf8)) as? [String: Any])?["rows"] as? [[String]] ?? []
        let cents = teamRows.dropLast().map { Int($0[1].replacingOccurrences(of: ".", with: "")) ?? 0 }
        #expect(teamRows.count > 2 && teamRows.last?[0] == "report.team-total")
        #expect(cents.reduce(0, +) == Int(teamRows.last?[1].replacingOccurrences(of: ".", with: "") ?? "") )
        #expect(teamRows.contains { $0[0] == "张伟 Zhang Wei" && $0[1] == sales })
        let csv = try CLI.run(["report", "team-performance", "--db", CLITests.db, "--today", "2026-11-22", "--format", "csv"], as: "manager")
        #expect(csv.status == 0 && csv.out.contains("Team,") && csv.out.split(whereSeparator: \.isNewline).count == teamRows.count + 1)
        let refused = try CLI.run(["report", "team-performance", "--db", CLITests.db, "--today", "2026-11-22"], as: "rep")
        #expect(refused.status != 0)
        let other = try CLI.run(["report", "rep-performance", "--db", CLITests.db, "--rep", "rep2", "--today", "2026-11-22"], as: "rep")
        #expect(other.status != 0 && other.err.contains("Not allowed"))
        let manager = try CLI.run(["report", "rep-performance", "--db", CLITests.db, "--rep", "rep2", "--from", "2026-01-01", "--to", "2026-06-30", "--today", "2026-11-22"], as: "manager")
        #expect(manager.status == 0 && manager.out.contains("From 2026-01-01, To 2026-06-30"))
        let bad = try CLI.run(["report", "rep-performance", "--db", CLITests.db, "--from", "01/02/2026"], as: "rep")
        #expect(bad.status != 0 && bad.err.contains("01/02/2026"))
    }

    /// No command reads or writes company data for someone who has not proved who they are.
    @Test func everyCommandOnCompanyDataAuthenticates() throws {
        // A demo of its own: the wrong guesses below lock its manager.
        let db = CLI.tempPath("auth.sqlite")
        try CLI.run(["demo", "--db", db, "--no-tui", "--today", "2026-11-22"])
        for args in [["report", "reminders"], ["report", "duplicates"], ["report", "team-performance"], ["export", "customers", "--format", "csv", "--out", "-"],
                     ["user", "list"], ["settings", "list"], ["print", "quote", "Q-2026-00001", "--out", "-"], ["user", "disable", "rep"],
                     ["import", "customers", "/dev/null"]] {
            let none = try CLI.run(args + ["--db", db])
            #expect(none.status != 0 && none.err.contains("who is running this?") && none.out.isEmpty, "\(args): \(none.err)")
            let wrong = try CLI.run(args + ["--db", db], as: "manager", password: "guess")
            #expect(wrong.status != 0 && wrong.err.contains("login refused") && wrong.out.isEmpty, "\(args): \(wrong.err)")
            let noPassword = try CLI.run(args + ["--db", db, "--user", "manager"])
            #expect(noPassword.status != 0 && noPassword.err.contains("--password-stdin"), "\(args)")
        }
        // The wrong guesses above were counted: the manager is locked, and says so to nobody.
        let locked = try CLI.run(["report", "reminders", "--db", db], as: "manager")
        #expect(locked.status != 0 && locked.err.contains("login refused"))
        // A rep's export is the rep's own customers, on standard output.
        let mine = try CLI.run(["export", "customers", "--format", "csv", "--out", "-", "--db", db], as: "rep")
        let rows = mine.out.split(whereSeparator: \.isNewline).count
        #expect(mine.status == 0 && rows > 1 && rows < 400)
        #expect(try CLI.run(["import", "customers", "/dev/null", "--db", db], as: "rep").err.contains("only a manager imports data"))
    }

    @Test func duplicateReportNamesTheRule() throws {
        let r = try CLI.run(["report", "duplicates", "--db", CLITests.db], as: "manager")
        #expect(r.status == 0)
        #expect(r.out.contains("same-name | C000001 北京华联商厦有限公司"))
        #expect(r.out.contains("candidate pairs"))
        let json = try CLI.run(["report", "duplicates", "--db", CLITests.db, "--format", "json"], as: "manager")
        let pairs = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]]
        #expect((pairs?.count ?? 0) > 0)
    }

    @Test func userAdministration() throws {
        let path = CLI.tempPath("u.sqlite")
        // The first user of a new file starts the company; every later change is a manager's.
        #expect(try CLI.run(["user", "add", "boss", "--role", "manager", "--db", path], stdin: "b0ss-pw\n").status == 0)
        let unproved = try CLI.run(["user", "add", "wang", "--role", "finance", "--db", path], stdin: "s3cret\n")
        #expect(unproved.status != 0 && unproved.err.contains("--password-stdin"))
        #expect(try CLI.run(["user", "add", "wang", "--role", "finance", "--name", "王芳", "--db", path], as: "boss", password: "b0ss-pw", stdin: "s3cret\n").status == 0)
        let list = try CLI.run(["user", "list", "--db", path], as: "boss", password: "b0ss-pw")
        #expect(list.out.contains("wang") && list.out.contains("finance") && list.out.contains("王芳"))
        #expect(try CLI.run(["user", "list", "--db", path], as: "wang", password: "s3cret").err.contains("only a manager lists users"))
        // Your own password with the old one; nobody else's.
        #expect(try CLI.run(["user", "passwd", "wang", "--db", path], as: "wang", password: "s3cret", stdin: "n3w-pass\n").status == 0)
        // Refused for who asks, before the new password is even looked at.
        #expect(try CLI.run(["user", "passwd", "boss", "--db", path], as: "wang", password: "n3w-pass", stdin: "x\n").err.contains("Not allowed"))
        #expect(try CLI.run(["user", "disable", "wang", "--db", path], as: "boss", password: "b0ss-pw").status == 0)
        #expect(try CLI.run(["user", "list", "--db", path], as: "boss", password: "b0ss-pw").out.contains("disabled"))
        let bad = try CLI.run(["user", "add", "x", "--role", "boss", "--db", path], as: "boss", password: "b0ss-pw", stdin: "pw12\n")
        #expect(bad.status != 0)
        #expect(bad.err.contains("--role"))
        let short = try CLI.run(["user", "add", "y", "--role", "rep", "--db", path], as: "boss", password: "b0ss-pw", stdin: "p\n")
        #expect(short.status != 0)
        #expect(short.err.contains("password must have at least 4 characters"))
        let dump = try String(contentsOfFile: path, encoding: .isoLatin1)
        #expect(!dump.contains("s3cret") && !dump.contains("n3w-pass"))
    }

    @Test func backupIsOwnerOnly() throws {
        let target = CLI.tempPath("backup.sqlite")
        let r = try CLI.run(["backup", "--db", CLITests.db, "--out", target])
        #expect(r.status == 0)
        let text = try CLI.run(["backup", "--db", CLITests.db, "--out", "-"])
        #expect(text.status != 0 && text.err.contains("give --out FILE"))
        #expect(try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int == 0o600)
        #expect(try CLI.run(["check", "--db", target]).status == 0)
    }

    @Test func badDatabasesGetClearMessagesAndStayUntouched() throws {
        let junk = CLI.tempPath("junk.sqlite")
        try "this is a spreadsheet, not a database".write(toFile: junk, atomically: true, encoding: .utf8)
        let r = try CLI.run(["check", "--db", junk])
        #expect(r.status != 0)
        #expect(r.err.contains("is not a Rapport database"))
        #expect(try String(contentsOfFile: junk, encoding: .utf8) == "this is a spreadsheet, not a database")
        let missing = try CLI.run(["check", "--db", CLI.tempPath("missing.sqlite")])
        #expect(missing.status != 0)
        #expect(missing.err.contains("no such file"))
    }

    @Test func checkNamesEachBrokenInvariant() throws {
        let path = CLI.tempPath("broken.sqlite")
        try CLI.run(["demo", "--db", path, "--no-tui", "--today", "2026-11-22"])
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = [path, "UPDATE receivables SET open_amount = open_amount - 1 WHERE id = 3 AND open_amount > 0; UPDATE receipts SET unapplied = unapplied + 1 WHERE id = 1;"]
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") else { return }
        try p.run(); p.waitUntilExit()
        let r = try CLI.run(["check", "--db", path])
        #expect(r.status == 1)
        #expect(r.out.contains("receipt ≠ allocations + unapplied: RC-"))
    }

    @Test func theTUIRefusesADumbTerminal() throws {
        let r = try CLI.run(["--db", CLITests.db], env: ["TERM": "dumb"])
        #expect(r.status != 0)
        #expect(r.err.contains("TERM is 'dumb'"))
        let unset = try CLI.run(["--db", CLITests.db], env: ["TERM": ""])
        #expect(unset.err.contains("TERM is not set"))
    }
}
