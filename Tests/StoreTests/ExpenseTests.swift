import Domain
import GRDB
@testable import Store
import Testing
import TestSupport

/// Expenses: posted `EX-` with an audit record, a new item joins its category's list, an unknown
/// category or a bad amount writes nothing, a void takes it out of the statistics; the statistics
/// add up to the posted expenses, this year and last.
@Suite struct ExpenseTests {
    let today = Fixtures.today

    func value(_ db: AppDatabase, _ sql: String, _ args: StatementArguments = []) throws -> Int64 {
        try db.read { db in try Int64.fetchOne(db, sql: sql, arguments: args) ?? 0 }
    }

    @Test func anExpenseIsPostedListedAndVoided() throws {
        let db = DemoFixture.make(inMemory: true)
        let finance = try Fixtures.actor("finance", in: db), rep = try Fixtures.actor("rep", in: db)
        let month = DateRange(from: today.startOfMonth, to: today)
        func stats() throws -> Int64 {
            try db.report(ReportRequest(name: "expenses", period: month), for: finance).rows.last?[2].moneyValue?.minorUnits ?? -1
        }
        let before = try stats()
        let saved = try db.postExpense(ExpenseEntry(date: today, category: "travel", item: " 高铁 Train tickets ", amount: Money(minorUnits: 56_050), method: .alipay,
                                                    repId: rep.userId, note: "Suzhou visit"), by: finance, today: today, at: 1)
        #expect(saved.number.hasPrefix("EX-2026-"))
        #expect(try value(db, "SELECT COUNT(*) FROM expense_items WHERE category = 'travel' AND item = '高铁 Train tickets'") == 1)
        #expect(try value(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'expense.post' AND entity_id = ?", [saved.id]) == 1)
        #expect(try stats() == before + 56_050)
        #expect(try db.expenseSource(by: finance).items["travel"]?.contains("高铁 Train tickets") == true)
        // Refused, naming the field, writing nothing.
        func refused(_ e: ExpenseEntry, by actor: Actor? = nil) -> String? {
            do { try db.postExpense(e, by: actor ?? finance, today: today, at: 1); return nil } catch {
                if case .invalid(let d) = error { return d.field }
                if case .forbidden = error { return "forbidden" }
                return "\(error)"
            }
        }
        let count = try value(db, "SELECT COUNT(*) FROM expenses")
        #expect(refused(ExpenseEntry(date: today, category: "yachts", item: "x", amount: Money(minorUnits: 1), method: .cash)) == "category")
        #expect(refused(ExpenseEntry(date: today, category: "office", item: "x", amount: Money(minorUnits: 0), method: .cash)) == "amount")
        #expect(refused(ExpenseEntry(date: today.adding(days: 1), category: "office", item: "x", amount: Money(minorUnits: 1), method: .cash)) == "date")
        #expect(refused(ExpenseEntry(date: today, category: "office", item: " ", amount: Money(minorUnits: 1), method: .cash)) == "item")
        #expect(refused(ExpenseEntry(date: today, category: "office", item: "x", amount: Money(minorUnits: 1), method: .cash), by: rep) == "forbidden")
        #expect(try value(db, "SELECT COUNT(*) FROM expenses") == count)
        // Finance adds a category; then it takes expenses.
        try db.addExpenseCategory("保险 Insurance", by: finance, at: 1)
        #expect(throws: StoreError.self) { try db.addExpenseCategory("保险 Insurance", by: finance, at: 1) }
        #expect(refused(ExpenseEntry(date: today, category: "保险 Insurance", item: "Cargo", amount: Money(minorUnits: 9_900), method: .bankTransfer)) == nil)
        #expect(try stats() == before + 56_050 + 9_900)
        try db.voidExpense(id: saved.id, reason: "keyed twice", by: finance, at: 1)
        #expect(try stats() == before + 9_900)
        #expect(try db.check().isEmpty)
    }

    @Test func statisticsAddUpThisYearAndLast() throws {
        let db = Fixtures.demo
        let finance = try Fixtures.actor("finance", in: db)
        let period = DateRange(from: today.startOfYear, to: today)
        let report = try db.report(ReportRequest(name: "expenses", period: period), for: finance)
        let now = try value(db, "SELECT SUM(amount) FROM expenses WHERE status = 'posted' AND expense_date BETWEEN ? AND ?", [period.from.iso, period.to.iso])
        let then = try value(db, "SELECT SUM(amount) FROM expenses WHERE status = 'posted' AND expense_date BETWEEN ? AND ?",
                             [period.from.adding(months: -12).iso, period.to.adding(months: -12).iso])
        #expect(now > 0 && then > 0)
        for table in [report] + report.parts.dropLast() {
            let rows = table.rows.dropLast()
            #expect(table.rows.last?[2] == .money(minorUnits: now) && table.rows.last?[3] == .money(minorUnits: then), "\(table.name)")
            #expect(rows.reduce(Int64(0)) { $0 + ($1[2].moneyValue?.minorUnits ?? 0) } == now, "\(table.name)")
        }
        #expect(report.parts.map(\.name) == ["expenses-by-item", "expenses-by-month", "expenses-by-rep", "expenses-list"])
        #expect(report.parts[3].rows.count == (try value(db, "SELECT COUNT(*) FROM expenses WHERE expense_date BETWEEN ? AND ?", [period.from.iso, period.to.iso])))
        #expect(throws: StoreError.self) { try db.report(ReportRequest(name: "expenses", period: period), for: try Fixtures.actor("assistant", in: db)) }
    }
}

/// Commission due (the department's figure) beside what expenses say was paid, rep by rep.
@Suite struct CommissionReportTests {
    @Test func dueIsTheDepartmentsFigureAndPaidIsTheRepsExpenses() throws {
        let db = Fixtures.demo
        let finance = try Fixtures.actor("finance", in: db)
        let october = DateRange(from: DateOnly(iso: "2026-10-01") ?? Fixtures.today, to: DateOnly(iso: "2026-10-31") ?? Fixtures.today)
        let report = try db.report(ReportRequest(name: "commissions", period: october), for: finance)
        let team = try db.report(ReportRequest(name: "team-performance", period: october), for: try Fixtures.actor("manager", in: db))
        let commissionColumn = try #require(team.columns.firstIndex { $0.key == "kpi.commission" })
        #expect(report.rows.map(\.[3]) == team.rows.map { $0[commissionColumn] })
        let paid = try db.read { db in
            try Int64.fetchOne(db, sql: "SELECT SUM(amount) FROM expenses WHERE status = 'posted' AND category = 'commissions' AND expense_date BETWEEN '2026-10-01' AND '2026-10-31'") ?? 0
        }
        #expect(report.rows.last?[4] == .money(minorUnits: paid) && paid > 0)
        #expect(report.refs.allSatisfy { $0 == nil }, "finance does not open a rep's performance")
        #expect(throws: StoreError.self) { try db.report(ReportRequest(name: "commissions", period: october), for: try Fixtures.actor("rep", in: db)) }
    }
}
