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
        let report = ["report", "reminders", "--db", path, "--user", "manager", "--today", "2026-11-22", "--format", "json"]
        let before = try CLI.run(report).out
        let again = try CLI.run(["demo", "--db", path, "--no-tui", "--seed", "99"])
        #expect(again.status == 0)
        #expect(again.err.contains("already exists: opening it as it is"))
        #expect(try CLI.run(report).out == before)
    }

    @Test func sameSeedSameCompany() throws {
        let a = CLI.tempPath("a.sqlite"), b = CLI.tempPath("b.sqlite")
        try CLI.run(["demo", "--db", a, "--no-tui", "--today", "2026-11-22", "--seed", "9"])
        try CLI.run(["demo", "--db", b, "--no-tui", "--today", "2026-11-22", "--seed", "9"])
        let ra = try CLI.run(["report", "reminders", "--db", a, "--user", "manager", "--today", "2026-11-22", "--format", "json"])
        let rb = try CLI.run(["report", "reminders", "--db", b, "--user", "manager", "--today", "2026-11-22", "--format", "json"])
        #expect(ra.status == 0)
        #expect(ra.out == rb.out)
    }

    @Test func reminderReportIsJSONWithEveryGroup() throws {
        let r = try CLI.run(["report", "reminders", "--db", CLITests.db, "--user", "rep", "--today", "2026-11-22", "--format", "json"])
        #expect(r.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any]
        let groups = json?["groups"] as? [[String: Any]] ?? []
        #expect(groups.map { $0["kind"] as? String ?? "" } == ["contact-today", "contact-tomorrow", "overdue-follow-up", "receivable-overdue", "receivable-due", "birthday", "credit-breach", "dormant-customer"])
        let table = try CLI.run(["report", "reminders", "--db", CLITests.db, "--user", "rep", "--today", "2026-11-22"])
        #expect(table.out.contains("contact-today ("))
        let nobody = try CLI.run(["report", "reminders", "--db", CLITests.db, "--user", "ghost", "--today", "2026-11-22"])
        #expect(nobody.status != 0)
        #expect(nobody.err.contains("ghost"))
    }

    @Test func repPerformanceReportForTheRepAndTheManagerOnly() throws {
        let json = try CLI.run(["report", "rep-performance", "--db", CLITests.db, "--user", "rep", "--today", "2026-11-22", "--format", "json"])
        #expect(json.status == 0)
        let rows = (try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])?["rows"] as? [[String]] ?? []
        let figures = Dictionary(uniqueKeysWithValues: rows.map { ($0[0], $0[1]) })
        #expect(figures.count == 12)
        let table = try CLI.run(["report", "rep-performance", "--db", CLITests.db, "--user", "rep", "--today", "2026-11-22"])
        let sales = try #require(figures["kpi.sales"])
        #expect(table.out.contains("Sales") && table.out.replacingOccurrences(of: ",", with: "").contains(sales))
        // The team: one row per active rep and the total, whose sales are the reps' sum — also as CSV.
        let team = try CLI.run(["report", "team-performance", "--db", CLITests.db, "--user", "manager", "--today", "2026-11-22", "--format", "json"])
        let teamRows = (try JSONSerialization.jsonObject(with: Data(team.out.utf8)) as? [String: Any])?["rows"] as? [[String]] ?? []
        let cents = teamRows.dropLast().map { Int($0[1].replacingOccurrences(of: ".", with: "")) ?? 0 }
        #expect(teamRows.count > 2 && teamRows.last?[0] == "report.team-total")
        #expect(cents.reduce(0, +) == Int(teamRows.last?[1].replacingOccurrences(of: ".", with: "") ?? "") )
        #expect(teamRows.contains { $0[0] == "张伟 Zhang Wei" && $0[1] == sales })
        let csv = try CLI.run(["report", "team-performance", "--db", CLITests.db, "--user", "manager", "--today", "2026-11-22", "--format", "csv"])
        #expect(csv.status == 0 && csv.out.contains("Team,") && csv.out.split(whereSeparator: \.isNewline).count == teamRows.count + 1)
        let refused = try CLI.run(["report", "team-performance", "--db", CLITests.db, "--user", "rep", "--today", "2026-11-22"])
        #expect(refused.status != 0)
        let other = try CLI.run(["report", "rep-performance", "--db", CLITests.db, "--user", "rep", "--rep", "rep2", "--today", "2026-11-22"])
        #expect(other.status != 0 && other.err.contains("Not allowed"))
        let manager = try CLI.run(["report", "rep-performance", "--db", CLITests.db, "--user", "manager", "--rep", "rep2", "--from", "2026-01-01", "--to", "2026-06-30", "--today", "2026-11-22"])
        #expect(manager.status == 0 && manager.out.contains("From 2026-01-01, To 2026-06-30"))
        let bad = try CLI.run(["report", "rep-performance", "--db", CLITests.db, "--user", "rep", "--from", "01/02/2026"])
        #expect(bad.status != 0 && bad.err.contains("01/02/2026"))
    }

    @Test func duplicateReportNamesTheRule() throws {
        let r = try CLI.run(["report", "duplicates", "--db", CLITests.db])
        #expect(r.status == 0)
        #expect(r.out.contains("same-name | C000001 北京华联商厦有限公司"))
        #expect(r.out.contains("candidate pairs"))
        let json = try CLI.run(["report", "duplicates", "--db", CLITests.db, "--format", "json"])
        let pairs = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]]
        #expect((pairs?.count ?? 0) > 0)
    }

    @Test func userAdministration() throws {
        let path = CLI.tempPath("u.sqlite")
        #expect(try CLI.run(["user", "add", "wang", "--role", "finance", "--name", "王芳", "--db", path], stdin: "s3cret\n").status == 0)
        let list = try CLI.run(["user", "list", "--db", path])
        #expect(list.out.contains("wang") && list.out.contains("finance") && list.out.contains("王芳"))
        #expect(try CLI.run(["user", "passwd", "wang", "--db", path], stdin: "n3w-pass\n").status == 0)
        #expect(try CLI.run(["user", "disable", "wang", "--db", path]).status == 0)
        #expect(try CLI.run(["user", "list", "--db", path]).out.contains("disabled"))
        let bad = try CLI.run(["user", "add", "x", "--role", "boss", "--db", path], stdin: "pw12\n")
        #expect(bad.status != 0)
        #expect(bad.err.contains("--role"))
        let short = try CLI.run(["user", "add", "y", "--role", "rep", "--db", path], stdin: "p\n")
        #expect(short.status != 0)
        #expect(short.err.contains("password must have at least 4 characters"))
        let dump = try String(contentsOfFile: path, encoding: .isoLatin1)
        #expect(!dump.contains("s3cret") && !dump.contains("n3w-pass"))
    }

    @Test func backupIsOwnerOnly() throws {
        let target = CLI.tempPath("backup.sqlite")
        let r = try CLI.run(["backup", "--db", CLITests.db, "--out", target])
        #expect(r.status == 0)
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
