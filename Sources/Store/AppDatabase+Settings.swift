import Domain
import GRDB

extension AppDatabase {
    public func settings() throws(StoreError) -> CompanySettings {
        try read { db in try AppDatabase.settings(db) }
    }

    static func settings(_ db: Database) throws -> CompanySettings {
        var s = CompanySettings()
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM company_settings") {
            let key: String = row[0], value: String = row[1]
            switch key {
            case "company_name": s.companyName = value
            case "currency": s.currency = value
            case "payment_terms_days": s.paymentTermsDays = Int(value) ?? s.paymentTermsDays
            case "aging_bounds": s.agingBounds = value.split(separator: ",").compactMap { Int($0) }
            case "dormant_days": s.dormantDays = Int(value) ?? s.dormantDays
            case "commission_bp": s.defaultCommissionBasisPoints = Int64(value) ?? s.defaultCommissionBasisPoints
            case "commission_on_revenue": s.commissionOnRevenue = value == "1"
            case "next_contact_days": s.nextContactDefaultDays = Int(value) ?? s.nextContactDefaultDays
            case "company_address": s.companyAddress = value
            case "company_phone": s.companyPhone = value
            case "negative_stock": s.allowNegativeStock = value == "1"
            case "default_warehouse": s.defaultWarehouse = value
            case "unit_decimals": s.unitDecimals = (try? UnitDecimals.parse(value)) ?? s.unitDecimals
            case "money_future_days": s.moneyFutureDays = Int(value) ?? s.moneyFutureDays
            case "receiving_tolerance_bp": s.receivingTolerance = Int64(value).map(BasisPoints.init) ?? s.receivingTolerance
            default: break
            }
        }
        return s
    }

    static func settingPairs(_ s: CompanySettings) -> [(String, String)] {
        [("company_name", s.companyName), ("currency", s.currency), ("payment_terms_days", String(s.paymentTermsDays)),
         ("aging_bounds", s.agingBounds.map(String.init).joined(separator: ",")), ("dormant_days", String(s.dormantDays)),
         ("commission_bp", String(s.defaultCommissionBasisPoints)), ("commission_on_revenue", s.commissionOnRevenue ? "1" : "0"),
         ("next_contact_days", String(s.nextContactDefaultDays)), ("company_address", s.companyAddress), ("company_phone", s.companyPhone),
         ("negative_stock", s.allowNegativeStock ? "1" : "0"), ("default_warehouse", s.defaultWarehouse),
         ("unit_decimals", s.unitDecimals.text), ("money_future_days", String(s.moneyFutureDays)),
         ("receiving_tolerance_bp", String(s.receivingTolerance.value))]
    }

    public func saveSettings(_ settings: CompanySettings, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) {
        try saveSettings(settings, rates: [:], newCategory: "", by: actor, today: today, at: now)
    }

    /// The settings form's save, in one transaction: the settings; each rep's commission rate
    /// that changed, from today; a new expense category (empty: none). A change of the
    /// company's rate applies from today too (kept beside the rates before it, so a past
    /// period's commission keeps the rate of its day).
    public func saveSettings(_ settings: CompanySettings, rates: [Int64: BasisPoints], newCategory: String, by actor: Actor, today: DateOnly, at now: Int64) throws(StoreError) {
        guard actor.can(.editSettings) else { throw .forbidden("only a manager edits company settings") }
        let s: CompanySettings, category: String?
        do {
            s = try settings.validated()
            category = newCategory.trimmingSpaces().isEmpty ? nil : try ExpenseEntry.validCategory(newCategory)
        } catch { throw .invalid(error) }
        try write { db in
            if !s.defaultWarehouse.isEmpty, try Int64.fetchOne(db, sql: "SELECT id FROM warehouses WHERE code = ?", arguments: [s.defaultWarehouse]) == nil {
                throw StoreError.invalid(DomainError("default_warehouse '\(s.defaultWarehouse)' is not a warehouse code (see the warehouses' codes)", field: "default_warehouse",
                                                     code: "error.setting-warehouse", s.defaultWarehouse))
            }
            // Saved unchanged: nothing written, nothing audited.
            let before = try AppDatabase.settings(db)
            if before != s {
                for (k, v) in AppDatabase.settingPairs(s) {
                    try db.execute(sql: """
                        INSERT INTO company_settings (key, value) VALUES (?, ?)
                        ON CONFLICT (key) DO UPDATE SET value = excluded.value, version = version + 1
                        """, arguments: [k, v])
                }
                if before.defaultCommissionBasisPoints != s.defaultCommissionBasisPoints {
                    try AppDatabase.writeCommissionRate(db, rep: nil, rateBasisPoints: s.defaultCommissionBasisPoints, from: today)
                }
                try AuditLog.record(db, actor: actor, at: now, action: "settings.save", entity: "company_settings", entityId: nil,
                                    before: AuditLog.json(AppDatabase.settingPairs(before).map { ($0.0, $0.1) }),
                                    after: AuditLog.json(AppDatabase.settingPairs(s).map { ($0.0, $0.1) }))
            }
            for (rep, rate) in rates.sorted(by: { $0.key < $1.key }) {
                guard try String.fetchOne(db, sql: "SELECT role FROM users WHERE id = ?", arguments: [rep]) == Role.salesRep.rawValue else {
                    throw StoreError.notFound("rep \(rep)")
                }
                try AppDatabase.setCommissionRate(db, rep: rep, to: rate, field: "rate.\(rep)", by: actor, today: today, at: now)
            }
            if let category { try AppDatabase.addExpenseCategory(db, category, field: "new_category", by: actor, at: now) }
        }
    }

    /// What the settings form shows beside the settings: each active rep's commission rate in
    /// force today (their own, or the company's).
    public func settingsExtras(by actor: Actor, today: DateOnly) throws(StoreError) -> SettingsExtras {
        guard actor.can(.editSettings) else { throw .forbidden("only a manager edits company settings") }
        return try read { db in
            let settings = try AppDatabase.settings(db)
            let reps = try Row.fetchAll(db, sql: "SELECT id, display_name FROM users WHERE role = 'sales_rep' AND active = 1 ORDER BY display_name, id").map { r in
                SettingsExtras.RepRate(id: r[0], name: r[1], rate: BasisPoints(try AppDatabase.commissionRate(db, rep: r[0], on: today, settings: settings)))
            }
            return SettingsExtras(reps: reps)
        }
    }

    /// A file `rapport demo` made: only such a file may be replaced by `rapport demo --force`.
    public func markAsDemo() throws(StoreError) {
        try write { db in try db.execute(sql: "INSERT INTO company_settings (key, value) VALUES ('demo', '1') ON CONFLICT (key) DO UPDATE SET value = '1'") }
    }

    /// Whether the file at `path` is a demo, read without changing it (no migration, no journal):
    /// false for anything else, a company's database or not a database at all.
    public static func isDemoFile(path: String) -> Bool {
        var config = Configuration()
        config.readonly = true
        guard let queue = try? DatabaseQueue(path: path, configuration: config) else { return false }
        return (try? queue.read { db in try String.fetchOne(db, sql: "SELECT value FROM company_settings WHERE key = 'demo'") }) == "1"
    }
}

/// The settings form's rows beside the settings themselves.
public struct SettingsExtras: Sendable, Equatable {
    public struct RepRate: Sendable, Equatable {
        public var id: Int64, name: String, rate: BasisPoints
    }
    public var reps: [RepRate]
}
