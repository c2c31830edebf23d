import Domain
import Foundation
import GRDB
import Store

/// Builds a deterministic bilingual trading company around `today`: every table filled, every
/// reminder type and dashboard with something to show. Same seed + size + today → same file.
public struct DemoGenerator {
    public static let password = "demo"

    let size: DemoSize
    let today: DateOnly
    var rng: DemoRandom
    let start: DateOnly
    var isoCache: [String] = []

    public init(size: DemoSize, seed: UInt64, today: DateOnly) {
        self.size = size; self.today = today; rng = DemoRandom(seed: seed)
        start = today.adding(days: -size.years * 365)
        isoCache = (0...(size.years * 365 + 400)).map { start.adding(days: $0).iso }
    }

    func iso(_ d: DateOnly) -> String {
        let i = start.distance(to: d)
        return i >= 0 && i < isoCache.count ? isoCache[i] : d.iso
    }

    // MARK: people

    struct Rep { var id: Int64; var login: String; var name: String }

    public mutating func generate(into database: AppDatabase, clock: any Clock) throws -> DemoSummary {
        let began = Date()
        let manager = Actor.system
        var logins: [(String, Role, String)] = [("manager", .manager, "王经理 Wang (Manager)")]
        let repNames = ["张伟 Zhang Wei", "李娜 Li Na", "Peter Clarke", "陈静 Chen Jing", "刘强 Liu Qiang", "Anna Fischer", "黄磊 Huang Lei", "周敏 Zhou Min", "Kevin Tan", "吴芳 Wu Fang", "徐杰 Xu Jie", "Sophie Meyer"]
        for i in 0..<size.reps { logins.append((i == 0 ? "rep" : "rep\(i + 1)", .salesRep, repNames[i % repNames.count])) }
        logins += [("assistant", .salesAssistant, "赵丽 Zhao Li (Assistant)"), ("finance", .finance, "孙秀兰 Sun Xiulan (Finance)"),
                   ("purchasing", .purchasing, "郭明 Guo Ming (Purchasing)")]
        let now = clock.nowSeconds()
        var reps: [Rep] = []
        for (login, role, name) in logins {
            let id = try database.addUser(login: login, displayName: name, role: role, password: DemoGenerator.password, by: manager, at: now)
            if role == .salesRep { reps.append(Rep(id: id, login: login, name: name)) }
        }
        var settings = CompanySettings()
        settings.companyName = "华贸通商贸有限公司 Huamaotong Trading Co., Ltd."
        settings.companyAddress = "上海市浦东新区张江路 88 号 88 Zhangjiang Rd, Shanghai"
        settings.companyPhone = "021-5080 1234"
        try database.saveSettings(settings, by: manager, today: today, at: now)
        let managerId = try database.user(login: "manager")?.id ?? 1
        let assistantId = try database.user(login: "assistant")?.id ?? 1
        let purchasingId = try database.user(login: "purchasing")?.id ?? 1
        let financeId = try database.user(login: "finance")?.id ?? 1

        var me = self
        try database.writer.barrierWriteWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = OFF")
            try db.execute(sql: "PRAGMA cache_size = -200000")
            try db.inTransaction {
                // Bulk load: drop the secondary indexes, fill the tables, then build each index
                // once by sorting (much faster than millions of random inserts), exactly as the
                // migration defined it.
                let indexes = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
                    .map { (name: $0[0] as String, sql: $0[1] as String) }
                for index in indexes { try db.execute(sql: "DROP INDEX \(index.name)") }
                try me.fill(db, reps: reps, assistantId: assistantId, purchasingId: purchasingId, financeId: financeId)
                for index in indexes { try db.execute(sql: index.sql) }
                try DemoGenerator.reconcile(db, today: me.today)
                try SettlementDates.derive(db)
                try db.execute(sql: "INSERT INTO audit_log (at, user_id, login, action, entity, entity_id, after) VALUES (?, ?, 'system', 'demo.generate', 'database', NULL, ?)",
                               arguments: [now, managerId, "{\"size\":\"\(me.size.rawValue)\",\"today\":\"\(me.today.iso)\"}"])
                return .commit
            }
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Full statistics (a few seconds): sampled ones led the planner to scan a rep's orders.
            try db.execute(sql: "ANALYZE")
        }
        self = me
        let tables = ["users", "customers", "contacts", "contact_log", "opportunities", "products", "warehouses", "stock_levels", "stock_moves",
                      "quotes", "quote_lines", "sales_orders", "sales_order_lines", "shipments", "shipment_lines", "receivables", "receipts",
                      "receipt_allocations", "suppliers", "supplier_contacts", "purchase_orders", "purchase_order_lines", "goods_receipts", "goods_receipt_lines",
                      "payables", "payments", "payment_allocations", "expenses", "feedback", "quotas", "commission_rates", "claims"]
        let rowCounts = try database.read { db in
            try tables.map { ($0, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? 0) }
        }
        return DemoSummary(counts: rowCounts, logins: logins.map { ($0.0, $0.1.rawValue, $0.2) }, seconds: Date().timeIntervalSince(began))
    }

    mutating func personName() -> String {
        rng.chance(65) ? rng.pick(DemoNames.surnames) + rng.pick(DemoNames.given) : "\(rng.pick(DemoNames.firstEn)) \(rng.pick(DemoNames.lastEn))"
    }

    mutating func phone() -> String { "1\(rng.int(in: 30...89))\(String(rng.int(100_000_000) + 100_000_000).dropFirst())" }

    // MARK: the fill

    mutating func fill(_ db: Database, reps: [Rep], assistantId: Int64, purchasingId: Int64, financeId: Int64) throws {
        var seq: [String: Int] = [:]
        func number(_ kind: DocumentKind, _ d: DateOnly) -> String {
            let key = "\(kind.rawValue)-\(d.year)"
            let n = (seq[key] ?? 0) + 1
            seq[key] = n
            return kind.number(year: d.year, sequence: n)
        }
        let T = today
        let days = start.distance(to: T)

        // Warehouses and products.
        let warehouses = [("SH", "上海主仓 Shanghai Main"), ("GZ", "广州仓 Guangzhou"), ("BJ", "北京仓 Beijing")]
        for (i, w) in warehouses.enumerated() {
            try db.execute(sql: "INSERT INTO warehouses (id, code, name) VALUES (?, ?, ?)", arguments: [i + 1, w.0, w.1])
        }
        var listPrice: [Int64] = [0]
        var costPrice: [Int64] = [0]
        var weighed = [false]  // sold by the kilogram: the only unit a half quantity is keyed in
        let product = try db.makeStatement(sql: "INSERT INTO products (id, code, name, search_key, unit, list_price, cost_price, category) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        for p in 1...size.products {
            let item = rng.int(DemoNames.items.count)
            let name = "\(rng.pick(DemoNames.materials))\(DemoNames.items[item]) \(rng.pick(DemoNames.specs)) \(DemoNames.itemsEn[item])"
            let price = Int64(rng.int(in: 2...4000)) * 50
            listPrice.append(price)
            costPrice.append(price * Int64(rng.int(in: 55...80)) / 100)
            let code = "P\(String(100_000 + p).dropFirst())"
            let unit = rng.pick(DemoNames.units)
            weighed.append(unit == "kg")
            try product.execute(arguments: [p, code, name, SearchKey.make(name: name, code: code), unit, price, costPrice[p], "\(DemoNames.items[item]) \(DemoNames.itemsEn[item])"])
        }

        // Suppliers.
        let supplier = try db.makeStatement(sql: "INSERT INTO suppliers (id, code, name, contact_person, phone, email, address, payment_terms_days) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        var supplierTerms = [30]
        for s in 1...size.suppliers {
            let zh = rng.chance(70)
            let name = zh ? "\(rng.pick(DemoNames.cities))\(rng.pick(DemoNames.brands))\(rng.pick(DemoNames.supplierZh))"
                          : "\(rng.pick(DemoNames.brandsEn)) \(rng.pick(DemoNames.industriesEn)) \(rng.pick(DemoNames.suffixesEn))"
            let contact = personName(), tel = phone()
            let address = "\(rng.pick(DemoNames.cities))\(rng.pick(DemoNames.streets))\(rng.int(in: 1...999))号"
            supplierTerms.append(rng.pick([30, 45, 60]))
            try supplier.execute(arguments: [s, "S\(String(10_000 + s).dropFirst())", name, contact, tel, "sales\(s)@supplier\(s).cn", address, supplierTerms[s]])
        }

        // Customers.
        let n = size.customers
        var owner = [Int64](repeating: 0, count: n + 1)
        var terms = [Int](repeating: 30, count: n + 1)
        var firstOrder = [Int32](repeating: -1, count: n + 1)
        var lastOrder = [Int32](repeating: -1, count: n + 1)
        var creditLimit = [Int64](repeating: 0, count: n + 1)
        var names = [String](repeating: "", count: n + 1)
        var created = [Int32](repeating: 0, count: n + 1)
        var openBalance = [Int64](repeating: 0, count: n + 1)
        for c in 1...n {
            let special = DemoGenerator.fixedCustomers.indices.contains(c - 1) ? DemoGenerator.fixedCustomers[c - 1] : nil
            var name: String
            if let special { name = special.name } else if rng.chance(75) {
                // Two-character trade names from auspicious characters keep most firms distinct, as
                // in a real base; the few that coincide are what the duplicate report finds.
                let brand = rng.chance(5) ? rng.pick(DemoNames.brands) : rng.pick(DemoNames.brandChars) + rng.pick(DemoNames.brandChars)
                name = rng.chance(8) ? "\(rng.pick(DemoNames.cities))\(brand)\(rng.pick(DemoNames.storesZh))\(rng.pick(DemoNames.suffixesZh))"
                    : "\(rng.pick(DemoNames.cities))\(brand)\(rng.pick(DemoNames.industriesZh))\(rng.pick(DemoNames.suffixesZh))"
            } else {
                let modifier = rng.chance(50) ? "" : " " + rng.pick(DemoNames.modifiersEn)
                name = "\(rng.pick(DemoNames.brandsEn)) \(rng.pick(DemoNames.placesEn))\(modifier) \(rng.pick(DemoNames.industriesEn)) \(rng.pick(DemoNames.suffixesEn))"
            }
            names[c] = name
            owner[c] = special.map { reps[min($0.rep, reps.count - 1)].id } ?? reps[rng.int(reps.count)].id
            terms[c] = rng.pick([30, 30, 30, 45, 60, 15])
            creditLimit[c] = rng.chance(80) ? Int64(rng.int(in: 5...200)) * 10_000_00 : 0
            created[c] = Int32(rng.int(days - 30))
        }

        // Customer rows now; what the orders decide (status, first and last order) is set after them.
        let customer = try db.makeStatement(sql: """
            INSERT INTO customers (id, code, name, status, owner_id, owner_since, region, industry, source, tags, contact_person, phone, email, address,
                credit_limit, payment_terms_days, next_contact_on, created_on, name_key, phone_key, email_key, email_domain, search_key, sort_key)
            VALUES (?, ?, ?, 'lead', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for c in 1...n {
            let cityIdx = rng.int(DemoNames.cities.count)
            let nextContact: String? = rng.chance(18) ? iso(T.adding(days: rng.int(in: -6...45))) : nil
            let createdOn = start.adding(days: Int(created[c]))
            let person = personName()
            let fullRecord = rng.chance(70)
            let industry = fullRecord || rng.chance(50) ? rng.pick(DemoNames.industries) : nil
            let source = fullRecord ? rng.pick(DemoNames.sources) : nil
            let tags = rng.chance(20) ? "vip" : ""
            let tel = phone()
            // Own domains are unique per company; free-mail addresses say nothing (docs/domain.md).
            let email = fullRecord ? (rng.chance(50) ? "info@c\(c).example.cn" : "c\(c)@\(rng.pick(["163.com", "qq.com"]))") : nil
            let address = fullRecord ? "\(DemoNames.cities[cityIdx])\(rng.pick(DemoNames.streets))\(rng.int(in: 1...999))号" : nil
            let keys = DuplicateMatching.keys(name: names[c], phone: tel, email: email)
            let code = "C\(String(1_000_000 + c).dropFirst())"
            try customer.execute(arguments: [
                c, code, names[c], owner[c], iso(createdOn),
                DemoNames.regions[DemoNames.cityRegion[cityIdx]], industry, source, tags, person, tel, email, address,
                creditLimit[c], terms[c], nextContact, iso(createdOn), keys.name, keys.phone, keys.email, keys.emailDomain,
                SearchKey.make(name: names[c], code: code, phone: tel, email: email), SearchKey.sortKey(name: names[c]),
            ])
        }

        // Sales orders, shipments, receivables, receipts — in date order so numbers rise with dates.
        var stockOut = [Int64](repeating: 0, count: (size.products + 1) * 4)
        let order = try db.makeStatement(sql: "INSERT INTO sales_orders (id, number, customer_id, owner_id, order_date, due_date, status, total, quantity, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        let orderLine = try db.makeStatement(sql: "INSERT INTO sales_order_lines (id, order_id, line_no, product_id, quantity, shipped_quantity, unit_price, discount_bp, amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        let shipment = try db.makeStatement(sql: "INSERT INTO shipments (id, number, order_id, customer_id, warehouse_id, ship_date, status, total, created_by) VALUES (?, ?, ?, ?, ?, ?, 'posted', ?, ?)")
        let shipmentLine = try db.makeStatement(sql: "INSERT INTO shipment_lines (id, shipment_id, order_line_id, product_id, quantity, amount) VALUES (?, ?, ?, ?, ?, ?)")
        let receivable = try db.makeStatement(sql: "INSERT INTO receivables (id, number, shipment_id, customer_id, rep_id, doc_date, due_date, amount, open_amount, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'posted')")
        let receipt = try db.makeStatement(sql: "INSERT INTO receipts (id, number, customer_id, receipt_date, amount, unapplied, method, rep_id, status, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'posted', ?)")
        let allocation = try db.makeStatement(sql: "INSERT INTO receipt_allocations (id, receipt_id, receivable_id, amount, allocated_on) VALUES (?, ?, ?, ?, ?)")
        let methods = ["bank_transfer", "bank_transfer", "bank_transfer", "wechat_pay", "alipay", "cash", "cheque"]

        // Order dates: growth over the years, every day has orders.
        var orderDays: [Int32] = []
        orderDays.reserveCapacity(size.orders)
        for _ in 0..<size.orders {
            let u = rng.int(1_000_000)
            // density rising ~40 % from first to last day
            let d = Int(Double(days) * (sqrt(1.0 + 0.96 * Double(u) / 1_000_000) - 1.0) / (sqrt(1.96) - 1.0))
            orderDays.append(Int32(min(days, max(0, d))))
        }
        orderDays.sort()
        var lineId: Int64 = 0, shipmentId: Int64 = 0, shipLineId: Int64 = 0, receivableId: Int64 = 0, receiptId: Int64 = 0, allocId: Int64 = 0
        var repMonthRevenue: [Int64: [Int: Int64]] = [:]
        // Customers who buy: skip leads/prospects (last 8 %) — they stay without orders.
        let buyers = max(1, n - n / 12)
        // Which customers buy most is random too, not the first ones created.
        var rank = Array(1...buyers)
        for i in stride(from: rank.count - 1, to: 0, by: -1) { rank.swapAt(i, rng.int(i + 1)) }
        for (index, dayOffset) in orderDays.enumerated() {
            let o = Int64(index + 1)
            let orderDate = start.adding(days: Int(dayOffset))
            var c = rank[rng.skewed(buyers)]
            if created[c] > dayOffset { c = rank[rng.int(buyers)] }
            if DemoGenerator.fixedCustomers.indices.contains(c - 1), DemoGenerator.fixedCustomers[c - 1].noOrders { c = DemoGenerator.fixedCustomers.count + 1 }
            let age = orderDate.distance(to: T)
            let due = orderDate.adding(days: rng.int(in: 2...14))
            var status = OrderStatus.shipped
            if age < 16 {
                status = due < T.adding(days: -3) ? (rng.chance(60) ? .partiallyShipped : .shipped) : (rng.chance(25) ? .partiallyShipped : .open)
                if due < T, rng.chance(45) { status = rng.chance(50) ? .open : .partiallyShipped }
            }
            if rng.permille(8) && status == .open { status = .cancelled }
            let lineCount = rng.int(in: 1...5)
            var total = Money.zero, qtyTotal: Int64 = 0
            var lines: [(id: Int64, product: Int, qty: Int64, price: Int64, disc: Int64, amount: Money)] = []
            for _ in 0..<lineCount {
                lineId += 1
                let p = 1 + rng.skewed(size.products)
                let whole = Int64(rng.int(in: 1...40))
                let qty = whole * (rng.chance(10) && weighed[p] ? 500 : 1000)
                let disc: Int64 = rng.chance(20) ? Int64(rng.pick([500, 1000, 250])) : 0
                let amount = try LineAmount.compute(quantity: Quantity(thousandths: qty), unitPrice: Money(minorUnits: listPrice[p]), discountBasisPoints: disc)
                lines.append((lineId, p, qty, listPrice[p], disc, amount))
                total += amount
                qtyTotal += qty
            }
            // Shipping: shipped orders ship every line; partial ones ship the first line(s).
            let shipCount = status == .shipped ? lines.count : status == .partiallyShipped ? max(1, lines.count / 2) : 0
            let effectiveStatus: OrderStatus = status == .partiallyShipped && shipCount == lines.count ? .shipped : status
            try order.execute(arguments: [o, number(.salesOrder, orderDate), c, owner[c], iso(orderDate), iso(due), effectiveStatus.rawValue, total.minorUnits, qtyTotal, assistantId])
            for (i, l) in lines.enumerated() {
                try orderLine.execute(arguments: [l.id, o, i + 1, l.product, l.qty, i < shipCount ? l.qty : 0, l.price, l.disc, l.amount.minorUnits])
            }
            if effectiveStatus != .cancelled {
                if firstOrder[c] < 0 { firstOrder[c] = dayOffset }
                lastOrder[c] = dayOffset
            }
            guard shipCount > 0 else { continue }
            var shipDate = orderDate.adding(days: rng.int(in: 0...max(0, orderDate.distance(to: due))))
            if shipDate > T { shipDate = T }
            shipmentId += 1
            let warehouse = 1 + rng.int(3)
            var shipTotal = Money.zero
            let shipNumber = number(.shipment, shipDate)
            for l in lines.prefix(shipCount) { shipTotal += l.amount }
            try shipment.execute(arguments: [shipmentId, shipNumber, o, c, warehouse, iso(shipDate), shipTotal.minorUnits, assistantId])
            for l in lines.prefix(shipCount) {
                shipLineId += 1
                try shipmentLine.execute(arguments: [shipLineId, shipmentId, l.id, l.product, l.qty, l.amount.minorUnits])
                stockOut[l.product * 4 + warehouse] += l.qty
            }
            let month = shipDate.year * 12 + shipDate.month
            repMonthRevenue[owner[c], default: [:]][month, default: 0] += shipTotal.minorUnits
            guard shipTotal.minorUnits > 0 else { continue }
            receivableId += 1
            let dueDate = shipDate.adding(days: terms[c])
            // Payment behaviour: most pay around the due date, some late, a few never; a few pay
            // in two instalments.
            var payDate = dueDate.adding(days: rng.int(in: -12...35))
            if rng.permille(3) { payDate = T.adding(days: 1000) }
            if payDate < shipDate { payDate = shipDate }
            let split = rng.chance(4)
            let firstPart = split ? shipTotal.minorUnits / 2 : shipTotal.minorUnits
            let secondDate = payDate.adding(days: rng.int(in: 20...60))
            var open = shipTotal.minorUnits
            if payDate <= T { open -= firstPart }
            if split && secondDate <= T { open -= shipTotal.minorUnits - firstPart }
            try receivable.execute(arguments: [receivableId, shipNumber, shipmentId, c, owner[c], iso(shipDate), iso(dueDate), shipTotal.minorUnits, open])
            openBalance[c] += open
            for (date, amount) in [(payDate, firstPart), (secondDate, shipTotal.minorUnits - firstPart)] where date <= T && amount > 0 {
                receiptId += 1
                let extra: Int64 = rng.permille(12) ? Int64(rng.int(in: 1...50)) * 100_00 : 0
                try receipt.execute(arguments: [receiptId, number(.receipt, date), c, iso(date), amount + extra, extra, rng.pick(methods), owner[c], financeId])
                allocId += 1
                try allocation.execute(arguments: [allocId, receiptId, receivableId, amount, iso(date)])
            }
        }
        // A few prepayments not yet allocated.
        for _ in 0..<max(3, n / 400) {
            let c = 1 + rng.int(buyers)
            let d = T.adding(days: -rng.int(60))
            receiptId += 1
            let amt = Int64(rng.int(in: 1...30)) * 1000_00
            try receipt.execute(arguments: [receiptId, number(.receipt, d), c, iso(d), amt, amt, rng.pick(methods), owner[c], financeId])
        }

        // Every rep has a customer over its credit limit: the one with the largest open balance
        // gets a limit of half that balance.
        for r in reps {
            var best = 0
            for c in 1...n where owner[c] == r.id && openBalance[c] > openBalance[best] { best = c }
            if best > 0 { creditLimit[best] = max(1000_00, openBalance[best] / 2 / 1000_00 * 1000_00) }
        }

        // What the orders decided: status, first and last order, last contact, limit.
        let customerUpdate = try db.makeStatement(sql: """
            UPDATE customers SET status = ?, lost_on = ?, last_contact_on = ?, first_order_on = ?, last_order_on = ?, credit_limit = ? WHERE id = ?
            """)
        for c in 1...n {
            let last = lastOrder[c] >= 0 ? start.adding(days: Int(lastOrder[c])) : nil
            var status: CustomerStatus = .active
            var lostOn: String? = nil
            if let last {
                let idle = last.distance(to: T)
                if idle > 400 { status = rng.chance(30) ? .lost : .dormant; if status == .lost { lostOn = iso(last.adding(days: 365)) } }
                else if idle > 200, rng.chance(50) { status = .dormant }
            } else {
                status = rng.chance(50) ? .lead : .prospect
            }
            try customerUpdate.execute(arguments: [
                status.rawValue, lostOn, last.map { iso($0.adding(days: -rng.int(10))) },
                firstOrder[c] >= 0 ? iso(start.adding(days: Int(firstOrder[c]))) : nil, last.map(iso), creditLimit[c], c,
            ])
        }
        // Make sure the first rep has reminders of every kind today.
        try db.execute(sql: "UPDATE customers SET next_contact_on = ? WHERE id IN (1, 2)", arguments: [iso(T)])
        try db.execute(sql: "UPDATE customers SET next_contact_on = ? WHERE id = 3", arguments: [iso(T.adding(days: 1))])
        try db.execute(sql: "UPDATE customers SET next_contact_on = ? WHERE id = 4", arguments: [iso(T.adding(days: -5))])

        // Contacts (business cards), birthdays spread over the year.
        let contact = try db.makeStatement(sql: "INSERT INTO contacts (id, customer_id, name, title, mobile, phone, email, wechat, qq, birthday, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        var contactId: Int64 = 0
        for c in 1...n {
            for _ in 0..<(rng.chance(50) ? 2 : 1) {
                contactId += 1
                let by = rng.int(in: 1960...1998)
                let birthday: String? = rng.chance(60) ? (DateOnly(year: by, month: rng.int(in: 1...12), day: rng.int(in: 1...28))?.iso) : nil
                try contact.execute(arguments: [contactId, c, personName(), rng.pick(DemoNames.titles), phone(), rng.chance(30) ? "021-\(rng.int(in: 5_000_000...8_999_999))" : nil,
                                                rng.chance(60) ? "contact\(contactId)@example.cn" : nil, rng.chance(70) ? "wx_\(contactId)" : nil,
                                                rng.chance(30) ? String(rng.int(in: 100_000_000...999_999_999)) : nil, birthday, nil])
            }
        }
        if let md = DateOnly(year: 1985, month: T.adding(days: 2).month, day: T.adding(days: 2).components.day) {
            try db.execute(sql: "UPDATE contacts SET birthday = ? WHERE customer_id = 1", arguments: [md.iso])
        }

        // Contact log, weighted to recent months.
        let log = try db.makeStatement(sql: "INSERT INTO contact_log (id, customer_id, user_id, kind, happened_on, summary, outcome, next_contact_on, done) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        let kinds = ["call", "call", "call", "email", "im", "im", "visit", "meeting"]
        let summaries = ["电话回访，确认下月订单", "Sent new price list", "微信沟通交期", "Visited warehouse, discussed Q1 volumes", "报价跟进", "Meeting about payment terms", "客户投诉处理", "New product samples delivered"]
        let logCount = n * size.contactLogPerCustomer
        for i in 1...logCount {
            let c = 1 + rng.skewed(n)
            // Weighted to recent days, but today holds about what a working day does: the entries
            // the skew puts on day 0 spread over the last three weeks (no extra draws, so the rest
            // of the company stays the same).
            var back = min(days, rng.skewed(days))
            if back == 0 && i % 8 != 0 { back = 1 + i % 21 }
            let d = T.adding(days: -back)
            try log.execute(arguments: [i, c, owner[c], rng.pick(kinds), iso(d), rng.pick(summaries), rng.chance(50) ? "positive" : nil,
                                        back < 30 ? iso(d.adding(days: 14)) : nil, back >= 14 ? 1 : 0])
        }

        // Opportunities.
        let opp = try db.makeStatement(sql: "INSERT INTO opportunities (id, customer_id, owner_id, title, stage, amount, probability_bp, expected_close, closed_on, lost_reason, created_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        let stages: [(OpportunityStage, Int64)] = [(.qualification, 2000), (.proposal, 4000), (.negotiation, 7000), (.won, 10000), (.lost, 0)]
        for i in 1...max(20, n / 4) {
            let c = 1 + rng.int(n)
            let (stage, prob) = rng.pick(stages)
            let createdBack = rng.int(in: 5...min(days, 700))
            let createdOn = T.adding(days: -createdBack)
            let closed: String? = stage.isClosed ? iso(createdOn.adding(days: rng.int(in: 1...max(1, createdBack)))) : nil
            try opp.execute(arguments: [i, c, owner[c], rng.pick(["年度框架合同", "New product line", "仓库补货", "Annual supply deal", "替换供应商"]), stage.rawValue,
                                        Int64(rng.int(in: 5...500)) * 1000_00, prob, iso(createdOn.adding(days: 60)), closed,
                                        stage == .lost ? rng.pick(["price", "competitor", "timing"]) : nil, iso(createdOn)])
        }

        // Quotes.
        let quote = try db.makeStatement(sql: "INSERT INTO quotes (id, number, customer_id, owner_id, quote_date, valid_until, status, total) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        let quoteLine = try db.makeStatement(sql: "INSERT INTO quote_lines (id, quote_id, line_no, product_id, quantity, unit_price, discount_bp, amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        var quoteLineId: Int64 = 0
        var quoteDays = (0..<max(20, size.orders / 10)).map { _ in rng.int(days) }
        quoteDays.sort()
        for (i, dayOffset) in quoteDays.enumerated() {
            let c = 1 + rng.skewed(n)
            let d = start.adding(days: dayOffset)
            let valid = d.adding(days: 30)
            var status: QuoteStatus = rng.pick([.accepted, .accepted, .rejected, .sent, .draft])
            status = status.effective(validUntil: valid, today: T)
            var total = Money.zero
            var lines: [(Int64, Int, Int64, Int64, Money)] = []
            for _ in 0..<rng.int(in: 1...3) {
                quoteLineId += 1
                let p = 1 + rng.skewed(size.products)
                let q = Int64(rng.int(in: 1...50)) * 1000
                let a = try LineAmount.compute(quantity: Quantity(thousandths: q), unitPrice: Money(minorUnits: listPrice[p]))
                lines.append((quoteLineId, p, q, listPrice[p], a))
                total += a
            }
            try quote.execute(arguments: [i + 1, number(.quote, d), c, owner[c], iso(d), iso(valid), status.rawValue, total.minorUnits])
            for (k, l) in lines.enumerated() { try quoteLine.execute(arguments: [l.0, i + 1, k + 1, l.1, l.2, l.3, 0, l.4.minorUnits]) }
        }

        // Purchasing: POs, goods receipts, payables, payments.
        var stockIn = [Int64](repeating: 0, count: (size.products + 1) * 4)
        let po = try db.makeStatement(sql: "INSERT INTO purchase_orders (id, number, supplier_id, buyer_id, order_date, expected_date, status, total, warehouse_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        let poWarehouse = try db.makeStatement(sql: "UPDATE purchase_orders SET warehouse_id = ? WHERE id = ?")
        let poLine = try db.makeStatement(sql: "INSERT INTO purchase_order_lines (id, po_id, line_no, product_id, quantity, received_quantity, unit_price, amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        let gr = try db.makeStatement(sql: "INSERT INTO goods_receipts (id, number, po_id, supplier_id, warehouse_id, receipt_date, status, total, created_by) VALUES (?, ?, ?, ?, ?, ?, 'posted', ?, ?)")
        let grLine = try db.makeStatement(sql: "INSERT INTO goods_receipt_lines (id, goods_receipt_id, po_line_id, product_id, quantity, amount) VALUES (?, ?, ?, ?, ?, ?)")
        let payable = try db.makeStatement(sql: "INSERT INTO payables (id, number, goods_receipt_id, supplier_id, doc_date, due_date, amount, open_amount, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'posted')")
        let payment = try db.makeStatement(sql: "INSERT INTO payments (id, number, supplier_id, payment_date, amount, unapplied, method, status, created_by) VALUES (?, ?, ?, ?, ?, 0, ?, 'posted', ?)")
        let payAlloc = try db.makeStatement(sql: "INSERT INTO payment_allocations (id, payment_id, payable_id, amount, allocated_on) VALUES (?, ?, ?, ?, ?)")
        var poDays = (0..<max(30, size.orders / 25)).map { _ in rng.int(days) }
        poDays.sort()
        var poLineId: Int64 = 0, grId: Int64 = 0, grLineId: Int64 = 0, payableId: Int64 = 0, paymentId: Int64 = 0
        var leftOverdue = false, leftDue = false
        for (i, dayOffset) in poDays.enumerated() {
            let id = Int64(i + 1)
            let s = 1 + rng.skewed(size.suppliers)
            let d = start.adding(days: dayOffset)
            var expected = d.adding(days: rng.int(in: 5...25))
            var status: PurchaseOrderStatus = expected < T.adding(days: -4) ? .received : (rng.chance(30) ? .partiallyReceived : .open)
            if rng.permille(5), status == .open { status = .cancelled }
            // The latest order is certainly still expected tomorrow, so purchasing has goods to chase.
            if i == poDays.count - 1 { expected = T.adding(days: 1); status = .open }
            var lines: [(Int64, Int, Int64, Int64, Money)] = []
            var total = Money.zero
            for _ in 0..<rng.int(in: 1...4) {
                poLineId += 1
                let p = 1 + rng.skewed(size.products)
                let q = Int64(rng.int(in: 10...300)) * 1000
                let a = try LineAmount.compute(quantity: Quantity(thousandths: q), unitPrice: Money(minorUnits: costPrice[p]))
                lines.append((poLineId, p, q, costPrice[p], a))
                total += a
            }
            let recvCount = status == .received ? lines.count : status == .partiallyReceived ? max(1, lines.count / 2) : 0
            let eff: PurchaseOrderStatus = status == .partiallyReceived && recvCount == lines.count ? .received : status
            // Each PO names its warehouse (the one its goods were received into, when they were).
            try po.execute(arguments: [id, number(.purchaseOrder, d), s, purchasingId, iso(d), iso(expected), eff.rawValue, total.minorUnits, 1 + i % 3])
            for (k, l) in lines.enumerated() { try poLine.execute(arguments: [l.0, id, k + 1, l.1, l.2, k < recvCount ? l.2 : 0, l.3, l.4.minorUnits]) }
            guard recvCount > 0 else { continue }
            grId += 1
            var rd = d.adding(days: rng.int(in: 3...max(3, d.distance(to: expected) + 3)))
            if rd > T { rd = T }
            let w = 1 + rng.int(3)
            try poWarehouse.execute(arguments: [w, id])
            var grTotal = Money.zero
            for l in lines.prefix(recvCount) { grTotal += l.4 }
            let grNumber = number(.goodsReceipt, rd)
            try gr.execute(arguments: [grId, grNumber, id, s, w, iso(rd), grTotal.minorUnits, purchasingId])
            for l in lines.prefix(recvCount) {
                grLineId += 1
                try grLine.execute(arguments: [grLineId, grId, l.0, l.1, l.2, l.4.minorUnits])
                stockIn[l.1 * 4 + w] += l.2
            }
            guard grTotal.minorUnits > 0 else { continue }
            payableId += 1
            var due = rd.adding(days: supplierTerms[s])
            // The first recent receipt is invoiced on short terms, so a payable is due this week.
            let dueSoon = !leftDue && rd >= T.adding(days: -37)
            if dueSoon { due = T.adding(days: 3) }
            let payDate = due.adding(days: rng.int(in: -5...20))
            // A few invoices are left unpaid; the first ones due around today certainly are, so
            // finance and purchasing always see payables due and overdue.
            var paid = payDate <= T && !rng.permille(10)
            if due >= T.adding(days: -30), due < T, !leftOverdue { paid = false; leftOverdue = true }
            if dueSoon { paid = false; leftDue = true }
            try payable.execute(arguments: [payableId, grNumber, grId, s, iso(rd), iso(due), grTotal.minorUnits, paid ? 0 : grTotal.minorUnits])
            if paid {
                paymentId += 1
                try payment.execute(arguments: [paymentId, number(.payment, payDate), s, iso(payDate), grTotal.minorUnits, "bank_transfer", financeId])
                try payAlloc.execute(arguments: [paymentId, paymentId, payableId, grTotal.minorUnits, iso(payDate)])
            }
        }

        // Every shipment and goods receipt moved stock (the ledger the stock card reads).
        try StockLedger.recordDocumentMoves(db)
        // Stock: an opening move makes today's on-hand a realistic level; some below reorder level.
        let level = try db.makeStatement(sql: "INSERT INTO stock_levels (product_id, warehouse_id, on_hand, reorder_level) VALUES (?, ?, ?, ?)")
        let move = try db.makeStatement(sql: "INSERT INTO stock_moves (product_id, warehouse_id, moved_on, quantity, reason, note, user_id) VALUES (?, ?, ?, ?, 'opening', ?, ?)")
        for p in 1...size.products {
            for w in 1...3 {
                let reorder = Int64(rng.int(in: 2...40)) * 10_000
                let target = rng.chance(4) ? Int64(rng.int(in: 0...Int(reorder / 1000))) * 1000 : reorder + Int64(rng.int(in: 1...200)) * 1000
                let opening = target - (stockIn[p * 4 + w] - stockOut[p * 4 + w])
                if opening != 0 { try move.execute(arguments: [p, w, iso(start), opening, "opening balance", purchasingId]) }
                try level.execute(arguments: [p, w, target, reorder])
            }
        }

        // Expenses: rent, utilities, salaries, commissions, marketing, office, travel.
        let expense = try db.makeStatement(sql: "INSERT INTO expenses (number, expense_date, category, item, amount, method, rep_id, note, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        var month = start.startOfMonth
        while month <= T {
            let d = month.adding(days: 4) > T ? T : month.adding(days: 4)
            try expense.execute(arguments: [number(.expense, d), iso(d), "rent", "办公室租金 Office rent", 45_000_00, "bank_transfer", nil, nil, financeId])
            try expense.execute(arguments: [number(.expense, d), iso(d), "utilities", "水电费 Utilities", Int64(rng.int(in: 30...60)) * 100_00, "bank_transfer", nil, nil, financeId])
            for r in reps {
                try expense.execute(arguments: [number(.expense, d), iso(d), "salaries", "工资 Salary", Int64(rng.int(in: 80...140)) * 100_00, "bank_transfer", r.id, nil, financeId])
                let revenue = repMonthRevenue[r.id]?[month.year * 12 + month.month - 1] ?? 0
                if revenue > 0 {
                    try expense.execute(arguments: [number(.expense, d), iso(d), "commissions", "提成 Commission", max(1, revenue * 3 / 100), "bank_transfer", r.id, nil, financeId])
                }
                if rng.chance(60) {
                    try expense.execute(arguments: [number(.expense, d), iso(d), "travel", "差旅 Travel", Int64(rng.int(in: 5...40)) * 100_00, "cash", r.id, "客户拜访", financeId])
                }
            }
            try expense.execute(arguments: [number(.expense, d), iso(d), "marketing", rng.pick(["展会 Trade show", "网络推广 Online ads", "样品 Samples"]), Int64(rng.int(in: 20...200)) * 100_00, "bank_transfer", nil, nil, financeId])
            try expense.execute(arguments: [number(.expense, d), iso(d), "office", "办公用品 Office supplies", Int64(rng.int(in: 3...30)) * 100_00, "alipay", nil, nil, financeId])
            month = month.adding(months: 1)
        }
        try db.execute(sql: "INSERT OR IGNORE INTO expense_items (category, item) SELECT DISTINCT category, item FROM expenses")

        // Feedback: CSAT, NPS and complaints.
        let fb = try db.makeStatement(sql: "INSERT INTO feedback (customer_id, kind, score, received_on, note, resolved) VALUES (?, ?, ?, ?, ?, ?)")
        for _ in 0..<max(40, n / 8) {
            let c = 1 + rng.skewed(n)
            let d = T.adding(days: -rng.skewed(days))
            switch rng.int(10) {
            case 0: try fb.execute(arguments: [c, "complaint", nil, iso(d), rng.pick(["发货延迟 Late delivery", "数量短缺 Short shipment", "包装破损 Damaged packaging"]), rng.chance(70) ? 1 : 0])
            case 1...5: try fb.execute(arguments: [c, "csat", rng.pick([5, 5, 4, 4, 4, 3, 2, 1]), iso(d), nil, 0])
            default: try fb.execute(arguments: [c, "nps", rng.pick([10, 9, 9, 8, 8, 7, 6, 5, 3, 10]), iso(d), nil, 0])
            }
        }
        // Each complaint handled by the customer's owner; a resolved one three days after it came.
        try db.execute(sql: """
            UPDATE feedback SET handler_id = (SELECT owner_id FROM customers WHERE id = feedback.customer_id),
            resolved_on = CASE WHEN resolved = 1 THEN min(date(received_on, '+3 days'), ?) END WHERE kind = 'complaint'
            """, arguments: [iso(T)])

        // Quotas: each rep, each month, about last year's revenue plus 10 %.
        let quota = try db.makeStatement(sql: "INSERT INTO quotas (rep_id, period_start, period_end, amount) VALUES (?, ?, ?, ?)")
        for r in reps {
            var m = start.startOfMonth
            let average = (repMonthRevenue[r.id]?.values.reduce(0, +) ?? 0) / Int64(max(1, size.years * 12))
            while m <= T.endOfMonth {
                try quota.execute(arguments: [r.id, iso(m), iso(m.endOfMonth), max(100_000_00, average * 11 / 10 / 1000_00 * 1000_00)])
                m = m.adding(months: 1)
            }
        }
        try db.execute(sql: "INSERT INTO commission_rates (rep_id, rate_bp, effective_from) VALUES (NULL, 300, ?)", arguments: [iso(start)])
        if let top = reps.first { try db.execute(sql: "INSERT INTO commission_rates (rep_id, rate_bp, effective_from) VALUES (?, 350, ?)", arguments: [top.id, iso(start)]) }
        if reps.count > 1 {
            try db.execute(sql: "INSERT INTO claims (customer_id, claimant_id, status, reason, filed_on) VALUES (?, ?, 'pending', ?, ?)",
                           arguments: [5, reps[1].id, "客户说之前一直由我跟进 Customer says I have always served them", iso(T.adding(days: -2))])
        }
        for (key, last) in seq {
            let parts = key.split(separator: "-")
            try db.execute(sql: "INSERT INTO document_sequences (kind, year, last) VALUES (?, ?, ?)", arguments: [String(parts[0]), Int(parts[1]) ?? 0, last])
        }
        try fillSupplierContacts(db)
    }

    /// Customers every demo has, whatever the seed: well-known names for searches and tests, and
    /// one whose name carries a terminal escape sequence (it must show as text, never act).
    struct FixedCustomer { var name: String; var rep: Int; var noOrders: Bool }
    static let fixedCustomers: [FixedCustomer] = [
        FixedCustomer(name: "北京华联商厦有限公司", rep: 0, noOrders: false),
        FixedCustomer(name: "上海宏达贸易有限公司", rep: 0, noOrders: false),
        FixedCustomer(name: "Northwind Trading Ltd.", rep: 0, noOrders: false),
        FixedCustomer(name: "深圳鑫源电子有限公司", rep: 0, noOrders: false),
        FixedCustomer(name: "广州恒通五金有限公司", rep: 0, noOrders: false),
        FixedCustomer(name: "Evil \u{1B}[31mRed\u{1B}[0m Imports LLC", rep: 1, noOrders: true),
        // Two customers the duplicate guard must catch: the same firms keyed in by other reps.
        FixedCustomer(name: "北京华联商厦（集团）股份有限公司", rep: 1, noOrders: false),
        FixedCustomer(name: "ＮＯＲＴＨＷＩＮＤ Trading Co., Ltd.", rep: 2, noOrders: false),
    ]
}
