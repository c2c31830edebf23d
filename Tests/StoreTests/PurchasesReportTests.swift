import Domain
import GRDB
@testable import Store
import Testing
import TestSupport

/// Purchasing statistics: by supplier, product and month the same totals, which are the posted
/// goods receipts' own sums for the period; a supplier's on-time rate from hand-made POs, one
/// received by its expected date and one after it.
@Suite struct PurchasesReportTests {
    let today = Fixtures.today
    let now: Int64 = 1_795_000_000

    func value(_ db: AppDatabase, _ sql: String, _ args: StatementArguments = []) throws -> Int64 {
        try db.read { db in try Int64.fetchOne(db, sql: sql, arguments: args) ?? 0 }
    }

    @Test func everyGroupingAddsUpAndOnTimeIsCounted() throws {
        let db = DemoFixture.make(inMemory: true)
        let buyer = try Fixtures.actor("purchasing", in: db)
        // A supplier of its own, two POs: one expected in three days, one expected three days ago;
        // both received today.
        let supplier = try db.saveSupplier(Supplier(code: "S-OT", name: "准时测试 On Time Test"), by: buyer, at: now)
        let warehouse = try value(db, "SELECT id FROM warehouses ORDER BY id LIMIT 1"), product = try value(db, "SELECT id FROM products ORDER BY id LIMIT 1")
        for expected in [today.adding(days: 3), today.adding(days: -3)] {
            let po = try db.savePurchaseOrder(PurchaseOrderEntry(supplierId: supplier, orderDate: today.adding(days: -10), expectedDate: expected, warehouseId: warehouse,
                                                                 lines: [QuoteLine(productId: product, quantity: Quantity(thousandths: 2_000), unitPrice: Money(minorUnits: 500))]),
                                              by: buyer, today: today, at: now)
            let line = try value(db, "SELECT id FROM purchase_order_lines WHERE po_id = ?", [po.id])
            try db.postGoodsReceipt(GoodsReceiptDraft(poId: po.id, warehouseId: warehouse, date: today, lines: [.init(poLineId: line, quantity: Quantity(thousandths: 2_000))]),
                                    by: buyer, today: today, at: now)
        }
        let period = DateRange(from: today.adding(days: -400), to: today.adding(days: 5))
        let report = try db.report(ReportRequest(name: "purchases", period: period), for: buyer)
        let amount = try value(db, "SELECT SUM(total) FROM goods_receipts WHERE status = 'posted' AND receipt_date BETWEEN ? AND ?", [period.from.iso, period.to.iso])
        let receipts = try value(db, "SELECT COUNT(*) FROM goods_receipts WHERE status = 'posted' AND receipt_date BETWEEN ? AND ?", [period.from.iso, period.to.iso])
        #expect(report.parts.map(\.name) == ["purchases-by-product", "purchases-by-month"])
        for table in [report] + report.parts {
            let total = try #require(table.rows.last)
            #expect(total[1] == .integer(receipts) && total[3] == .money(minorUnits: amount), "\(table.name)")
            #expect(table.rows.dropLast().reduce(Int64(0)) { $0 + ($1[3].moneyValue?.minorUnits ?? 0) } == amount, "\(table.name)")
        }
        let i = try #require(report.refs.firstIndex(of: RecordRef(.supplier, supplier)))
        #expect(report.rows[i][3] == .money(minorUnits: 2_000) && report.rows[i][4] == .percent(BasisPoints(5_000)))
        let bySupplier = try db.report(ReportRequest(name: "purchases", period: period, sort: "supplier"), for: buyer)
        #expect(bySupplier.parts.isEmpty && bySupplier.rows == report.rows)
        #expect(throws: StoreError.self) { try db.report(ReportRequest(name: "purchases", period: period), for: try Fixtures.actor("assistant", in: db)) }
    }
}
