import Documents
import Domain
import Foundation
import Store
import TerminalCore
import TestSupport
import Testing
import GRDB
@testable import Workspaces

/// Import and export through the real files: bad input changes nothing, exports import back
/// into an empty company unchanged, workbooks read back cell for cell by an independent reader (Python's standard library).
@Suite struct DataTransferTests {
    let today = DemoFixture.today
    let now: Int64 = 1_795_000_000

    func tempDir() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-transfer-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    func count(_ db: AppDatabase, _ table: String) throws -> Int {
        try db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
    }

    /// An empty company with the demo's logins, so owners resolve.
    func emptyCompany(like demo: AppDatabase) throws -> AppDatabase {
        let db = try AppDatabase.inMemory()
        for u in try demo.users() where u.login != "admin" {
            _ = try? db.addUser(login: u.login, displayName: u.displayName, role: u.role, password: "Passw0rd!x", by: .system, at: now)
        }
        return db
    }

    @Test func exportImportExportGivesTheSameFiles() throws {
        let demo = DemoFixture.make(inMemory: true)
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let empty = try emptyCompany(like: demo)
        // The demo keeps one customer whose name carries escape sequences (to show the screens
        // sanitize it); an import refuses such a value, naming its row and column.
        let raw = try CSV.write(try demo.exportSheet("customers", for: .system), to: "\(dir)/customers-raw.csv")
        do {
            _ = try DataImport.run(kind: "customers", path: raw, mapping: nil, dryRun: true, skipBadRows: false, database: empty, actor: .system, today: today, now: now)
            Issue.record("an escape sequence in a customer's name was imported")
        } catch let e as DocumentError { #expect(e.message.contains("a control character (U+1B)")) }
        try demo.write { db in try db.execute(sql: "UPDATE customers SET name = replace(name, char(27), '') WHERE instr(name, char(27)) > 0") }
        for kind in ["customers", "products", "suppliers", "contacts", "receivables", "payables", "warehouses", "sales-orders", "stock"] {
            if kind == "sales-orders" {
                // Two files each way; history before opening stock, as a firm would load it.
                let (orders, lines) = try demo.exportSalesOrders(for: .system)
                let o1 = try CSV.write(orders, to: "\(dir)/so-1.csv"), l1 = try CSV.write(lines, to: "\(dir)/so-1-lines.csv")
                let result = try DataImport.run(kind: kind, path: o1, mapping: nil, dryRun: false, skipBadRows: false, linesPath: l1, database: empty,
                                                actor: .system, today: today, now: now)
                #expect(result.outcome.problems == [], "\(result.outcome.problems.prefix(3))")
                #expect(result.outcome.imported == orders.rows.count && orders.rows.count > 0)
                let (orders2, lines2) = try empty.exportSalesOrders(for: .system)
                let o2 = try CSV.write(orders2, to: "\(dir)/so-2.csv"), l2 = try CSV.write(lines2, to: "\(dir)/so-2-lines.csv")
                #expect(FileManager.default.contents(atPath: o1) == FileManager.default.contents(atPath: o2), "orders differ after a round trip")
                #expect(FileManager.default.contents(atPath: l1) == FileManager.default.contents(atPath: l2), "order lines differ after a round trip")
                continue
            }
            let first = try CSV.write(try demo.exportSheet(kind, for: .system), to: "\(dir)/\(kind)-1.csv")
            let result = try DataImport.run(kind: kind, path: first, mapping: nil, dryRun: false, skipBadRows: false, database: empty,
                                            actor: .system, today: today, now: now)
            #expect(result.outcome.problems == [], "\(kind): \(result.outcome.problems.prefix(3))")
            let expected = kind == "receivables" || kind == "payables"
                ? try demo.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(kind) WHERE status = 'posted' AND open_amount > 0") ?? 0 }
                : try count(demo, kind == "stock" ? "stock_levels" : kind)
            #expect(result.outcome.imported == expected && expected > 0, "\(kind)")
            let second = try CSV.write(try empty.exportSheet(kind, for: .system), to: "\(dir)/\(kind)-2.csv")
            #expect(FileManager.default.contents(atPath: first) == FileManager.default.contents(atPath: second), "\(kind) differs after a round trip")
        }
        #expect(try empty.check() == [])
        // Shipped history counts as sales: the same monthly figures for every fully shipped month.
        let shippedRevenue = { (db: AppDatabase) in try db.read { db in try Int64.fetchOne(db, sql: "SELECT SUM(total) FROM shipments WHERE status = 'posted' AND ship_date < '2026-01-01'") } }
        #expect(try shippedRevenue(empty) ?? 0 > 0)
        // The customers' balances are their imported open receivables.
        let balances = { (db: AppDatabase) in try db.read { db in try Int64.fetchOne(db, sql: "SELECT SUM(open_balance) FROM customers") } }
        #expect(try balances(empty) == (try balances(demo)))
    }

    @Test func usersImportWithFirstPasswordsThatLogIn() throws {
        let demo = DemoFixture.make(inMemory: true)
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fresh = try AppDatabase.inMemory()
        let first = try CSV.write(try demo.exportSheet("users", for: .system), to: "\(dir)/users-1.csv")
        let result = try DataImport.run(kind: "users", path: first, mapping: nil, dryRun: false, skipBadRows: false, database: fresh, actor: .system, today: today, now: now)
        #expect(result.outcome.problems == [])
        #expect(result.issued.count == (try demo.users().count))
        let second = try CSV.write(try fresh.exportSheet("users", for: .system), to: "\(dir)/users-2.csv")
        #expect(FileManager.default.contents(atPath: first) == FileManager.default.contents(atPath: second))
        let rep = try #require(result.issued.first { $0.login == "rep" })
        guard case .success(let actor) = try fresh.authenticate(login: "rep", password: rep.password, at: now) else {
            Issue.record("the issued password does not log in"); return
        }
        #expect(actor.role == .salesRep)
        #expect(try fresh.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM users WHERE password_hash LIKE '%' || ? || '%'", arguments: [rep.password]) } == 0)
        // A dry run issues nothing; a second import refuses every existing login.
        let again = try DataImport.run(kind: "users", path: first, mapping: nil, dryRun: false, skipBadRows: false, database: fresh, actor: .system, today: today, now: now)
        #expect(again.outcome.imported == 0 && again.issued.isEmpty && again.outcome.problems.allSatisfy { $0.column == "login" })
    }

    @Test func usersAreAddedOnlyWhenTheirFirstPasswordsWereWritten() throws {
        let db = DemoFixture.make(inMemory: true)
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let before = try count(db, "users")
        let path = try write("login,display_name,role\nnewbie1,新员工,rep\n", dir, "u.csv")
        // The passwords cannot be written (a file where a folder should be): no user is added.
        try "x".write(toFile: "\(dir)/blocked", atomically: true, encoding: .utf8)
        #expect(throws: (any Error).self) {
            _ = try DataImport.run(kind: "users", path: path, mapping: nil, dryRun: false, skipBadRows: false, passwordsPath: "\(dir)/blocked/p.csv",
                                   database: db, actor: .system, today: today, now: now)
        }
        #expect(try count(db, "users") == before)
        let ok = try DataImport.run(kind: "users", path: path, mapping: nil, dryRun: false, skipBadRows: false, passwordsPath: "\(dir)/p.csv",
                                    database: db, actor: .system, today: today, now: now)
        #expect(ok.passwordsFile == "\(dir)/p.csv")
        #expect(try count(db, "users") == before + 1)
        #expect(try String(contentsOfFile: "\(dir)/p.csv", encoding: .utf8).contains("newbie1"))
    }

    @Test func openingStockGoesToEmptyPlacesOnly() throws {
        let db = DemoFixture.make(inMemory: true)
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "code,name\nNJ,南京仓 Nanjing\n".write(toFile: "\(dir)/w.csv", atomically: true, encoding: .utf8)
        #expect(try DataImport.run(kind: "warehouses", path: "\(dir)/w.csv", mapping: nil, dryRun: false, skipBadRows: false, database: db, actor: .system,
                                   today: today, now: now).outcome.imported == 1)
        let product = try db.read { db in try String.fetchOne(db, sql: "SELECT code FROM products ORDER BY id LIMIT 1") } ?? ""
        let csv = """
        产品编码,仓库,数量,安全库存
        \(product),NJ,120.5,20
        \(product),SH,10,0
        NOSUCH,NJ,1,0
        \(product),nowhere,1,0
        \(product),南京仓 Nanjing,3,0
        """
        try csv.write(toFile: "\(dir)/s.csv", atomically: true, encoding: .utf8)
        let r = try DataImport.run(kind: "stock", path: "\(dir)/s.csv", mapping: nil, dryRun: false, skipBadRows: true, database: db, actor: .system, today: today, now: now)
        #expect(r.outcome.imported == 1)
        #expect(r.outcome.problems.map { "\($0.line):\($0.column)" } == ["3:warehouse", "4:product", "5:warehouse", "6:warehouse"])
        #expect(r.outcome.problems.first?.message.hasSuffix("has stock already: adjust it instead") == true)
        let onHand = try db.read { db in
            try Int64.fetchOne(db, sql: "SELECT l.on_hand FROM stock_levels l JOIN warehouses w ON w.id = l.warehouse_id JOIN products p ON p.id = l.product_id WHERE w.code = 'NJ' AND p.code = ?", arguments: [product])
        }
        #expect(onHand == 120_500)
        #expect(try db.check() == [])
    }

    @Test func historicalOrdersJoinTheirLinesAndRefuseBadOnes() throws {
        let db = DemoFixture.make(inMemory: true)
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (customer, product) = try db.read { db in
            (try String.fetchOne(db, sql: "SELECT code FROM customers WHERE owner_id IS NOT NULL ORDER BY id LIMIT 1") ?? "",
             try String.fetchOne(db, sql: "SELECT code FROM products ORDER BY id LIMIT 1") ?? "")
        }
        try """
        订单号,客户,订单日期,业务员,发货日期,仓库
        H-1,\(customer),2025-03-01,,2025-03-05,SH
        H-2,\(customer),2025-03-02,nobody,,
        H-3,\(customer),2025-03-03,,2025-03-01,
        H-4,\(customer),2025-03-04,,,
        H-5,\(customer),2025-03-05,,,
        """.write(toFile: "\(dir)/o.csv", atomically: true, encoding: .utf8)
        try """
        订单号,产品编码,数量,单价,折扣
        H-1,\(product),10,99.90,5
        H-1,\(product),2,,
        H-2,\(product),1,1.00,
        H-3,\(product),1,1.00,
        H-5,NOSUCH,1,1.00,
        H-9,\(product),1,1.00,
        """.write(toFile: "\(dir)/l.csv", atomically: true, encoding: .utf8)
        let before = try count(db, "sales_orders")
        let r = try DataImport.run(kind: "sales-orders", path: "\(dir)/o.csv", mapping: nil, dryRun: false, skipBadRows: false, linesPath: "\(dir)/l.csv",
                                   database: db, actor: .system, today: today, now: now)
        // A line of no order in the file has no order row to be reported on (0).
        #expect(r.outcome.problems.map { "\($0.line):\($0.column)" } == ["0:lines file row 7 number", "3:rep", "4:shipped_on", "5:number", "6:product"])
        #expect(try count(db, "sales_orders") == before)
        let ok = try DataImport.run(kind: "sales-orders", path: "\(dir)/o.csv", mapping: nil, dryRun: false, skipBadRows: true, linesPath: "\(dir)/l.csv",
                                    database: db, actor: .system, today: today, now: now)
        #expect(ok.outcome.imported == 1)
        let row: [String] = try db.read { db in
            guard let r = try Row.fetchOne(db, sql: "SELECT o.status, o.total, s.ship_date, s.total FROM sales_orders o JOIN shipments s ON s.order_id = o.id WHERE o.number = 'H-1'") else { return [] }
            return [r[0] as String, String(r[1] as Int64), r[2] as String, String(r[3] as Int64)]
        }
        // 10 × 99.90 × 0.95 = 949.05; 2 at the list price.
        let listPrice = try db.read { db in try Int64.fetchOne(db, sql: "SELECT list_price FROM products WHERE code = ?", arguments: [product]) } ?? 0
        #expect(row == ["shipped", String(94_905 + 2 * listPrice), "2025-03-05", String(94_905 + 2 * listPrice)])
        #expect(try db.check() == [])
    }

    @Test func aBadLineRefusesItsWholeOrderAndFractionDiscountsAreFlagged() throws {
        let db = DemoFixture.make(inMemory: true)
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (customer, product) = try db.read { db in
            (try String.fetchOne(db, sql: "SELECT code FROM customers WHERE owner_id IS NOT NULL ORDER BY id LIMIT 1") ?? "",
             try String.fetchOne(db, sql: "SELECT code FROM products ORDER BY id LIMIT 1") ?? "")
        }
        try "number,customer,order_date\nK-1,\(customer),2025-03-01\nK-2,\(customer),2025-03-02\nK-3,\(customer),2025-03-03\n"
            .write(toFile: "\(dir)/o.csv", atomically: true, encoding: .utf8)
        // K-1's second line is bad; K-2 is fine; the file's discounts are all ≤ 1: K-3's 0.15 is a fraction.
        try "number,product,quantity,unit_price,discount\nK-1,\(product),2,10.00,0\nK-1,\(product),x,10.00,0\nK-2,\(product),1,10.00,1\nK-3,\(product),1,10.00,0.15\n"
            .write(toFile: "\(dir)/l.csv", atomically: true, encoding: .utf8)
        let rejects = "\(dir)/rejects.csv"
        let r = try DataImport.run(kind: "sales-orders", path: "\(dir)/o.csv", mapping: nil, dryRun: false, skipBadRows: true, rejectsPath: rejects,
                                   linesPath: "\(dir)/l.csv", database: db, actor: .system, today: today, now: now)
        #expect(r.outcome.imported == 1)
        #expect(Set(r.outcome.problems.map(\.line)) == [2, 4])
        #expect(r.outcome.problems.contains { $0.line == 4 && $0.message.contains("looks like a fraction") && $0.message.contains("write 15") })
        // The rejects file names the orders whose lines were bad, not other rows.
        let text = try String(contentsOfFile: rejects, encoding: .utf8)
        #expect(text.contains("K-1") && text.contains("K-3") && !text.contains("K-2"))
        #expect(try db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sales_orders WHERE number IN ('K-1','K-3')") } == 0)
    }

    @Test func openingReceivablesRefuseBadRows() throws {
        let db = DemoFixture.make(inMemory: true)
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (code, terms) = try db.read { db in
            let r = try Row.fetchOne(db, sql: "SELECT code, payment_terms_days FROM customers ORDER BY id LIMIT 1")
            return (r?[0] as String? ?? "", r?[1] as Int? ?? 0)
        }
        let csv = """
        单号,客户,日期,到期日,未收金额
        OB-1,\(code),2026-10-01,,1200.50
        OB-2,\(code),2026-10-01,2026-09-01,10
        OB-3,\(code),2026-10-01,,0
        OB-4,NOSUCH,2026-10-01,,5
        OB-1,\(code),2026-10-02,,5
        OB-6,\(code),2027-01-01,,5
        """
        let path = "\(dir)/ar.csv"
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        let before = try count(db, "receivables")
        let r = try DataImport.run(kind: "receivables", path: path, mapping: nil, dryRun: false, skipBadRows: false, database: db, actor: .system, today: today, now: now)
        #expect(r.outcome.problems.map { "\($0.line):\($0.column)" } == ["3:due_date", "4:amount", "5:customer", "6:number", "7:doc_date"])
        #expect(try count(db, "receivables") == before)
        let ok = try DataImport.run(kind: "receivables", path: path, mapping: nil, dryRun: false, skipBadRows: true, database: db, actor: .system, today: today, now: now)
        #expect(ok.outcome.imported == 1)
        let due = try db.read { db in try String.fetchOne(db, sql: "SELECT due_date FROM receivables WHERE number = 'OB-1'") }
        #expect(due == DateOnly(iso: "2026-10-01")?.adding(days: terms).iso)
        #expect(try db.check() == [])
    }

    func write(_ text: String, _ dir: String, _ name: String = "in.csv") throws -> String {
        let path = "\(dir)/\(name)"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func badRowsChangeNothingAndAreNamed() throws {
        let db = DemoFixture.make(inMemory: true)
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let before = try count(db, "customers"), audits = try count(db, "audit_log")
        let existing = try db.read { db in try String.fetchOne(db, sql: "SELECT name FROM customers LIMIT 1") } ?? ""
        let csv = """
        code,name,owner,credit_limit,next_contact_on,status
        N1,新客户一号贸易有限公司,rep,1000,2026-12-01,active
        N2,新客户二号,nobody,0,,
        N3,新客户三号,rep,12x,,
        N4,新客户四号,rep,0,2026-13-45,
        N1,新客户五号,rep,0,,
        N6,\(existing),rep,0,,
        N7,新客户七号,rep,0,,vip
        N8,新客户八号,rep,0,,
        """
        let path = try write(csv, dir)
        let r = try DataImport.run(kind: "customers", path: path, mapping: nil, dryRun: false, skipBadRows: false, database: db, actor: .system, today: today, now: now)
        #expect(r.outcome.imported == 0)
        #expect(try count(db, "customers") == before && count(db, "audit_log") == audits)
        let found = r.outcome.problems.map { "\($0.line):\($0.column):\($0.value)" }
        #expect(found == ["3:owner:nobody", "4:credit_limit:12x", "5:next_contact_on:2026-13-45", "6:code:N1", "7:name:\(existing)", "8:status:vip"])
        // Skipping bad rows imports the two good ones and writes the six others, with reasons.
        let skipped = try DataImport.run(kind: "customers", path: path, mapping: nil, dryRun: false, skipBadRows: true, database: db, actor: .system, today: today, now: now)
        #expect(skipped.outcome.imported == 2)
        #expect(try count(db, "customers") == before + 2)
        let rejects = try CSV.read(path: try #require(skipped.rejectsFile))
        #expect(rejects.header.prefix(3) == ["row", "reason", "code"])
        #expect(rejects.records.map { $0.fields[0] } == ["3", "4", "5", "6", "7", "8"])
        #expect(rejects.records[0].fields[1].contains("no active user"))
        // A missing required column: nothing read at all.
        #expect(throws: ImportErrors.self) {
            _ = try DataImport.run(kind: "customers", path: try write("code,phone\nX1,123456\n", dir, "b.csv"), mapping: nil, dryRun: false, skipBadRows: false,
                                   database: db, actor: .system, today: today, now: now)
        }
        // A row with a field too many.
        let shape = try DataImport.run(kind: "products", path: try write("code,name,list_price\nP1,螺丝,1.00,extra\n", dir, "c.csv"), mapping: nil, dryRun: true,
                                       skipBadRows: false, database: db, actor: .system, today: today, now: now)
        #expect(shape.outcome.problems.first?.message == "has 4 fields, the header has 3")
        // A sales rep may not import.
        let rep = try #require(try db.user(login: "rep")).actor
        #expect(throws: StoreError.self) {
            _ = try DataImport.run(kind: "suppliers", path: try write("code,name\nS1,供应商\n", dir, "d.csv"), mapping: nil, dryRun: false, skipBadRows: false,
                                   database: db, actor: rep, today: today, now: now)
        }
    }

    @Test func everyBadValueOfARowIsReported() throws {
        let db = DemoFixture.make(inMemory: true)
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Row 2: a bad amount, a bad e-mail and a bad phone; row 3: a bad e-mail and terms out of range.
        let csv = "code,name,credit_limit,email,phone,payment_terms_days\nB1,坏数据一号,12x,no-at-sign,12,30\nB2,坏数据二号,0,also bad,,400\n"
        let r = try DataImport.run(kind: "customers", path: try write(csv, dir, "bad.csv"), mapping: nil, dryRun: true, skipBadRows: false,
                                   database: db, actor: .system, today: today, now: now)
        let found = Set(r.outcome.problems.map { "\($0.line):\($0.column)" })
        #expect(found == ["2:credit_limit", "2:email", "2:phone", "3:email", "3:payment_terms_days"], "\(r.outcome.problems)")
    }

    @Test func aDryRunReportsAndWritesNothing() throws {
        let db = DemoFixture.make(inMemory: true)
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let gb = try TextEncoding.encode("产品编码,品名,单位,售价\nZ1,不锈钢螺栓 M8,个,12.50\nZ2,镀锌垫片,片,0.35\n", as: "gb18030")
        let path = "\(dir)/gb.csv"
        _ = FileManager.default.createFile(atPath: path, contents: Data(gb))
        let before = try count(db, "products")
        let dry = try DataImport.run(kind: "products", path: path, mapping: nil, dryRun: true, skipBadRows: false, database: db, actor: .system, today: today, now: now)
        #expect(dry.outcome.imported == 2 && dry.outcome.dryRun && dry.encoding == "gb18030")
        #expect(try count(db, "products") == before)
        let real = try DataImport.run(kind: "products", path: path, mapping: nil, dryRun: false, skipBadRows: false, database: db, actor: .system, today: today, now: now)
        #expect(real.outcome.imported == 2)
        let price = try db.read { db in try Int64.fetchOne(db, sql: "SELECT list_price FROM products WHERE code = 'Z1'") }
        #expect(price == 1_250)
        let options = try db.productOptions()
        #expect(options.contains { $0.code == "Z2" }) // searchable in the quote form at once
    }

    /// Reads the workbook back with Python's standard library alone — zipfile and an XML parser,
    /// following the SpreadsheetML parts as any reader must (workbook, sheet, shared styles) —
    /// and compares every cell, its type and number format, the frozen header and the widths.
    @Test func workbooksReadBackWithAnIndependentReader() throws {
        let demo = DemoFixture.make(inMemory: true)
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var sheet = try demo.exportSheet("customers", for: .system)
        sheet.rows.append([.text("=1+1 <tag> & \"q\""), .text("多行\n文本"), .empty, .text("lead"), .empty, .empty, .empty, .empty, .empty, .empty, .empty, .empty,
                           .empty, .money(Money(minorUnits: -5)), .integer(0), .date(DateOnly(iso: "1999-12-31")!)])
        let path = try XLSXWriter.write(sheet, to: "\(dir)/c.xlsx", width: TextWidth { DisplayWidth.of($0) })
        let json = try WorkbookReader.read(path)
        #expect(json["title"] as? String == "customers")
        #expect(json["freeze"] as? String == "A2")
        #expect(json["bold"] as? Bool == true)
        let rows = try #require(json["rows"] as? [[Any]])
        #expect(rows.count == sheet.rows.count + 1)
        func expected(_ v: Sheet.Value) -> String {
            switch v {
            case .empty: return "nil"
            // XML 1.0 cannot hold control characters (an escape sequence in a name): dropped.
            case .text(let s): return "text|" + String(String.UnicodeScalarView(s.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\n" || $0 == "\t" }))
            case .money(let m): return "number|\(m.formatted(grouping: false))|#,##0.00"
            case .integer(let i): return "number|\(i).00|#,##0"
            case .date(let d): return "date|\(d.iso)|yyyy-mm-dd"
            default: return "?"
            }
        }
        func actual(_ a: Any) -> String {
            guard let parts = a as? [Any] else { return "nil" }
            return parts.map { "\($0)" }.joined(separator: "|")
        }
        for (r, row) in sheet.rows.enumerated() {
            let got = rows[r + 1].map(actual)
            #expect(got == row.map(expected), "row \(r + 2)")
        }
        #expect(rows[0].map(actual) == sheet.columns.map { "text|\($0.title)" })
        // Chinese names get double width: the name column is wider than the codes.
        let widths = try #require(json["widths"] as? [String: Double])
        #expect((widths["B"] ?? 0) > (widths["A"] ?? 0))
    }
}
