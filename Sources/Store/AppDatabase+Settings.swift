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

    public func saveSettings(_ settings: CompanySettings, by actor: Actor, at now: Int64) throws(StoreError) {
        guard actor.can(.editSettings) else { throw .forbidden("only a manager edits company settings") }
        let s: CompanySettings
        do { s = try settings.validated() } catch { throw .invalid(error) }
        try write { db in
            if !s.defaultWarehouse.isEmpty, try Int64.fetchOne(db, sql: "SELECT id FROM warehouses WHERE code = ?", arguments: [s.defaultWarehouse]) == nil {
                throw StoreError.invalid(DomainError("default_warehouse '\(s.defaultWarehouse)' is not a warehouse code (see the warehouses' codes)", field: "default_warehouse",
                                                     code: "error.setting-warehouse", s.defaultWarehouse))
            }
            let before = try AppDatabase.settings(db)
            // Saved unchanged: nothing written, nothing audited.
            guard before != s else { return }
            for (k, v) in AppDatabase.settingPairs(s) {
                try db.execute(sql: """
                    INSERT INTO company_settings (key, value) VALUES (?, ?)
                    ON CONFLICT (key) DO UPDATE SET value = excluded.value, version = version + 1
                    """, arguments: [k, v])
            }
            try AuditLog.record(db, actor: actor, at: now, action: "settings.save", entity: "company_settings", entityId: nil,
                                before: AuditLog.json(AppDatabase.settingPairs(before).map { ($0.0, $0.1) }),
                                after: AuditLog.json(AppDatabase.settingPairs(s).map { ($0.0, $0.1) }))
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
