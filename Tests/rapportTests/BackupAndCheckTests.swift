import Foundation
import Testing

/// Backups appear whole or not at all; `check` reads a file as it is and changes nothing; what
/// Rapport writes is private from its first byte.
@Suite(.serialized) struct BackupAndCheckTests {
    func mode(_ path: String) -> Int? { (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int }

    @Test func aBackupIsPrivateWholeAndNeverReplacesAFile() throws {
        let copy = CLI.tempPath("backup.sqlite")
        let r = try CLI.run(["backup", "--db", CLITests.db, "--out", copy])
        #expect(r.status == 0 && mode(copy) == 0o600, "\(r.err)")
        let dir = (copy as NSString).deletingLastPathComponent
        let name = (copy as NSString).lastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains(name) && $0.hasSuffix(".partial") }.isEmpty)
        #expect(try CLI.run(["backup", "--db", CLITests.db, "--out", copy]).status != 0)
        // A read-only backup checks out, and check changes nothing.
        try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: copy)
        let before = try Data(contentsOf: URL(fileURLWithPath: copy))
        let check = try CLI.run(["check", "--db", copy])
        #expect(check.status == 0 && check.out.hasPrefix("ok"), "\(check.err)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == before)
    }

    @Test func checkRefusesWhatIsNotARapportDatabaseAndCreatesNothing() throws {
        let empty = CLI.tempPath("empty.sqlite")
        _ = FileManager.default.createFile(atPath: empty, contents: Data())
        #expect(try CLI.run(["check", "--db", empty]).status != 0)
        #expect((try FileManager.default.attributesOfItem(atPath: empty)[.size] as? Int) == 0)
        let other = CLI.tempPath("other.sqlite")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import sqlite3; c = sqlite3.connect('\(other)'); c.execute('CREATE TABLE t (x)'); c.commit()"]
        try p.run(); p.waitUntilExit()
        let r = try CLI.run(["check", "--db", other])
        #expect(r.status != 0 && r.err.contains("not a Rapport database"), "\(r.err)")
    }

    @Test func aKilledBackupLeavesNoFileOrAWholeOne() throws {
        for i in 0..<8 {
            let copy = CLI.tempPath("killed-\(i).sqlite")
            let p = Process()
            p.executableURL = URL(fileURLWithPath: CLI.binary)
            p.arguments = ["backup", "--db", CLITests.db, "--out", copy]
            p.standardOutput = FileHandle.nullDevice; p.standardError = FileHandle.nullDevice
            try p.run()
            usleep(UInt32(Int.random(in: 0...60_000)))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            if FileManager.default.fileExists(atPath: copy) {
                let check = try CLI.run(["check", "--db", copy])
                #expect(check.status == 0, "a file under the backup's name that does not check out (\(check.err))")
            }
        }
    }

    @Test func exportsArePrivateFromTheFirstByte() throws {
        let dir = CLI.tempPath("exports") + "/new/folder"
        let out = dir + "/customers.xlsx"
        let r = try CLI.run(["export", "customers", "--db", CLITests.db, "--out", out], as: "manager")
        #expect(r.status == 0, "\(r.err)")
        #expect(mode(out) == 0o600 && mode(dir) == 0o700)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["customers.xlsx"])
    }

    @Test func concurrentProcessesNeverLoseLogLines() throws {
        let logFile = CLI.tempPath("shared.log")
        let processes = (0..<12).map { i -> Process in
            let p = Process()
            p.executableURL = URL(fileURLWithPath: CLI.binary)
            p.arguments = ["check", "--db", CLI.tempPath("missing-\(i).sqlite")]
            var env = ProcessInfo.processInfo.environment
            env["RAPPORT_LOG"] = logFile
            p.environment = env
            p.standardOutput = FileHandle.nullDevice; p.standardError = FileHandle.nullDevice
            return p
        }
        for p in processes { try p.run() }
        for p in processes { p.waitUntilExit() }
        let lines = try String(contentsOfFile: logFile, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 12 && lines.allSatisfy { $0.contains("no such file") })
    }
}
