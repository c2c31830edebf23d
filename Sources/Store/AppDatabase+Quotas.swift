import Domain
import GRDB

/// Monthly quotas per rep (`:quotas`, `rapport quota set`): read for a year, saved a rep's year
/// at a time in one transaction, audited. The manager's.
extension AppDatabase {
    static func requireQuotas(_ actor: Actor) throws {
        guard actor.can(.viewAllKPIs) else { throw StoreError.forbidden("only the manager sets quotas") }
    }

    /// A rep's quotas for the year (twelve months, nil where none is set).
    public func quotaYear(rep: Int64, year: Int, by actor: Actor) throws(StoreError) -> QuotaYear {
        try read { db in
            try AppDatabase.requireQuotas(actor)
            return try AppDatabase.quotaYear(db, rep: rep, year: year)
        }
    }

    static func quotaYear(_ db: Database, rep: Int64, year: Int) throws -> QuotaYear {
        var months = [Money?](repeating: nil, count: 12)
        for r in try Row.fetchAll(db, sql: "SELECT CAST(substr(period_start, 6, 2) AS INTEGER), amount FROM quotas WHERE rep_id = ? AND period_start BETWEEN ? AND ?",
                                  arguments: [rep, "\(year)-01-01", "\(year)-12-31"]) {
            let m: Int = r[0]
            if (1...12).contains(m) { months[m - 1] = Money(minorUnits: r[1]) }
        }
        return QuotaYear(repId: rep, year: year, months: months)
    }

    /// Saves a rep's year: each month's quota set, changed or removed (an empty month has none).
    public func saveQuotaYear(_ quotas: QuotaYear, by actor: Actor, at now: Int64) throws(StoreError) {
        let q: QuotaYear
        do { q = try quotas.validated() } catch { throw .invalid(error) }
        try write { db in
            try AppDatabase.requireQuotas(actor)
            guard let role = try String.fetchOne(db, sql: "SELECT role FROM users WHERE id = ?", arguments: [q.repId]) else { throw StoreError.notFound("user \(q.repId)") }
            guard role == Role.salesRep.rawValue else {
                throw StoreError.invalid(DomainError("only a sales rep has a quota", field: "rep", code: "error.quota-not-rep"))
            }
            let before = try AppDatabase.quotaYear(db, rep: q.repId, year: q.year)
            guard before != q else { return }
            // A disabled rep sells nothing more: their quotas may be cleared, not set.
            if try Bool.fetchOne(db, sql: "SELECT active FROM users WHERE id = ?", arguments: [q.repId]) == false,
               zip(q.months, before.months).contains(where: { now, then in now != nil && now != then }) {
                throw StoreError.invalid(DomainError("the rep is disabled: their quotas may be cleared, not set", field: "rep", code: "error.quota-disabled"))
            }
            for m in 1...12 {
                guard let start = q.start(m) else { continue }
                if let amount = q.months[m - 1] {
                    try db.execute(sql: """
                        INSERT INTO quotas (rep_id, period_start, period_end, amount) VALUES (?, ?, ?, ?)
                        ON CONFLICT (rep_id, period_start) DO UPDATE SET amount = excluded.amount, period_end = excluded.period_end, version = version + 1
                        """, arguments: [q.repId, start.iso, start.endOfMonth.iso, amount.minorUnits])
                } else {
                    try db.execute(sql: "DELETE FROM quotas WHERE rep_id = ? AND period_start = ?", arguments: [q.repId, start.iso])
                }
            }
            func pairs(_ y: QuotaYear) -> [(String, String?)] { (1...12).map { ("\(y.year)-\(QuotaYear.monthKey($0))", y.months[$0 - 1]?.formatted(grouping: false)) } }
            try AuditLog.record(db, actor: actor, at: now, action: "quota.set", entity: "users", entityId: q.repId,
                                before: AuditLog.json(pairs(before)), after: AuditLog.json(pairs(q)))
        }
    }
}
