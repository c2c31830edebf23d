import Foundation
import Testing

/// A newcomer's first commands on a machine with nothing on it yet (issue: first run): the
/// demo's file is where the next command looks; the demo never touches `$RAPPORT_DB` and replaces
/// only a demo; a mistyped `--db` creates nothing; a company can be started and set up from the
/// command line; without a terminal the TUI stops at once.
@Suite(.serialized) struct FirstRunTests {
    /// A home of its own: XDG folders under a new temporary folder.
    func home() -> (env: [String: String], data: String) {
        let root = CLI.tempPath("home")
        let data = root + "/data"
        return (["XDG_DATA_HOME": data, "XDG_CONFIG_HOME": root + "/config", "XDG_STATE_HOME": root + "/state", "RAPPORT_DB": ""], data)
    }

    @Test func theCommandAfterTheDemoFindsIt() throws {
        let h = home()
        #expect(try CLI.run(["check"], env: h.env).status != 0)
        let demo = try CLI.run(["demo", "--no-tui", "--today", "2026-11-22"], env: h.env)
        #expect(demo.status == 0 && demo.err.contains(h.data + "/rapport/demo.sqlite"))
        let check = try CLI.run(["check"], env: h.env)
        #expect(check.status == 0 && check.out.hasPrefix("ok"), "\(check.err)")
        #expect(try CLI.run(["user", "list"], as: "manager", env: h.env).out.contains("manager"))
    }

    @Test func theDemoIgnoresRapportDBAndReplacesOnlyADemo() throws {
        let h = home()
        let company = CLI.tempPath("company.sqlite")
        var env = h.env
        env["RAPPORT_DB"] = company
        // A company: its first user, then its name.
        #expect(try CLI.run(["user", "add", "boss", "--role", "manager"], stdin: "s3cret\n", env: env).status == 0)
        #expect(try CLI.run(["settings", "set", "company_name", "华贸通"], as: "boss", password: "s3cret", env: env).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: company))
        // `demo --force` with $RAPPORT_DB set writes the demo's own file, not the company's.
        let demo = try CLI.run(["demo", "--no-tui", "--force", "--today", "2026-11-22"], env: env)
        #expect(demo.status == 0 && FileManager.default.fileExists(atPath: h.data + "/rapport/demo.sqlite"))
        // Pointed at the company with --force: refused, naming the file, nothing changed.
        let refused = try CLI.run(["demo", "--db", company, "--no-tui", "--force"], env: env)
        #expect(refused.status != 0 && refused.err.contains(company) && refused.err.contains("not a Rapport demo"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: company)) == before)
        #expect(try CLI.run(["settings", "list"], as: "boss", password: "s3cret", env: env).out.contains("华贸通"))
        // A demo made by the demo is replaced when asked.
        #expect(try CLI.run(["demo", "--no-tui", "--force", "--seed", "7", "--today", "2026-11-22"], env: h.env).status == 0)
    }

    @Test func aMistypedDatabaseCreatesNothing() throws {
        let h = home()
        let typo = CLI.tempPath("typo") + "/x.sqlite"
        for args in [["user", "list"], ["check"], ["report", "reminders"], ["export", "customers"], ["settings", "list"], ["backup"]] {
            let r = try CLI.run(args + ["--db", typo], env: h.env)
            #expect(r.status != 0 && r.err.contains("no such file"), "\(args)")
        }
        #expect(!FileManager.default.fileExists(atPath: (typo as NSString).deletingLastPathComponent))
        // A first user refused (too short a password) leaves no empty company behind.
        let fresh = CLI.tempPath("fresh.sqlite")
        #expect(try CLI.run(["user", "add", "boss", "--role", "manager", "--db", fresh], stdin: "ab\n", env: h.env).status != 0)
        #expect(!FileManager.default.fileExists(atPath: fresh))
    }

    @Test func settingsAreListedSetAndRefusedNamingKeyAndValue() throws {
        let h = home()
        let db = CLI.tempPath("s.sqlite")
        #expect(try CLI.run(["user", "add", "boss", "--role", "manager", "--db", db], stdin: "s3cret\n", env: h.env).status == 0)
        for (key, value) in [("company_address", "上海市浦东新区 1 号"), ("payment_terms_days", "45"), ("aging_bounds", "30,60,90"), ("commission", "2.5")] {
            let r = try CLI.run(["settings", "set", key, value, "--db", db], as: "boss", password: "s3cret", env: h.env)
            #expect(r.status == 0 && r.out.contains(key), "\(key): \(r.err)")
        }
        let list = try CLI.run(["settings", "list", "--db", db], as: "boss", password: "s3cret", env: h.env).out
        #expect(list.contains("上海市浦东新区 1 号") && list.contains("45") && list.contains("30,60,90") && list.contains("2.5"))
        let bad = try CLI.run(["settings", "set", "payment_terms_days", "400", "--db", db], as: "boss", password: "s3cret", env: h.env)
        #expect(bad.status != 0 && bad.err.contains("payment_terms_days") && bad.err.contains("400") && bad.err.contains("rapport settings set"))
        #expect(try CLI.run(["settings", "set", "colour", "red", "--db", db], as: "boss", password: "s3cret", env: h.env).err.contains("unknown setting 'colour'"))
        #expect(try CLI.run(["settings", "list", "--db", db], as: "boss", password: "s3cret", env: h.env).out.contains("45"))
    }

    @Test func nothingRawReachesTheTerminalFromTheCommandLine() throws {
        let h = home()
        let db = CLI.tempPath("raw.sqlite")
        #expect(try CLI.run(["user", "add", "boss", "--role", "manager", "--name", "Boss\u{1B}[31mRED", "--db", db], stdin: "s3cret\n", env: h.env).status == 0)
        #expect(try CLI.run(["settings", "set", "company_name", "Evil\u{1B}[2J Co", "--db", db], as: "boss", password: "s3cret", env: h.env).status == 0)
        for args in [["user", "list"], ["settings", "list"]] {
            let out = try CLI.run(args + ["--db", db], as: "boss", password: "s3cret", env: h.env).out
            #expect(!out.contains("\u{1B}") && out.contains("^["), "\(args): \(out)")
        }
    }

    @Test func withoutATerminalTheTUIStopsAtOnce() throws {
        let h = home()
        _ = try CLI.run(["demo", "--no-tui", "--today", "2026-11-22"], env: h.env)
        let started = Date()
        let r = try CLI.run([], env: h.env)
        #expect(r.status != 0 && r.err.contains("needs a terminal"))
        #expect(Date().timeIntervalSince(started) < 10)
    }
}
