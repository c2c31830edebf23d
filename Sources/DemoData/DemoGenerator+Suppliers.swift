import GRDB

extension DemoGenerator {
    /// One to three people at each supplier (sales, accounts, the warehouse). Drawn last, so the
    /// rest of a seed's demo is what it always was.
    mutating func fillSupplierContacts(_ db: Database) throws {
        let contact = try db.makeStatement(sql: "INSERT INTO supplier_contacts (supplier_id, name, title, mobile, phone, email, wechat) VALUES (?, ?, ?, ?, ?, ?, ?)")
        let titles = ["销售经理 Sales manager", "财务 Accounts", "仓库主管 Warehouse lead", "业务员 Sales"]
        for s in 1...size.suppliers {
            for i in 0..<rng.int(in: 1...3) {
                try contact.execute(arguments: [s, personName(), titles[i], phone(), rng.chance(40) ? "0\(rng.int(in: 10...99))-\(rng.int(in: 5_000_000...8_999_999))" : nil,
                                                "p\(i + 1)@supplier\(s).cn", rng.chance(60) ? "wx_s\(s)_\(i + 1)" : nil])
            }
        }
    }
}
