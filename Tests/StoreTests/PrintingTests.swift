import Foundation
import GRDB
import Testing
import TestSupport
import Domain
@testable import Store

/// Documents as print templates see them: the same lines and totals as the database, the same
/// access rule as the document's card.
@Suite struct PrintingTests {
    let db = Fixtures.demo

    func first(_ sql: String) throws -> String {
        try db.read { db in try String.fetchOne(db, sql: sql) } ?? ""
    }

    @Test func everyKindReadsItsLinesAndTotal() throws {
        let manager = try Fixtures.actor("manager")
        for (kind, table, lineSum) in [(PrintableDocument.Kind.quote, "quotes", "SELECT SUM(amount) FROM quote_lines WHERE quote_id = d.id"),
                                       (.order, "sales_orders", "SELECT SUM(amount) FROM sales_order_lines WHERE order_id = d.id"),
                                       (.shipment, "shipments", "SELECT SUM(amount) FROM shipment_lines WHERE shipment_id = d.id"),
                                       (.purchaseOrder, "purchase_orders", "SELECT SUM(amount) FROM purchase_order_lines WHERE po_id = d.id")] {
            let number = try first("SELECT number FROM \(table) d WHERE (\(lineSum)) = d.total ORDER BY id DESC LIMIT 1")
            let doc = try db.printableDocument(kind, number: number, for: manager)
            #expect(doc.number == number)
            #expect(!doc.lines.isEmpty)
            #expect(doc.lines.reduce(Money.zero) { $0 + $1.amount } == doc.total, "\(number)")
            #expect(doc.company.name.contains("华贸通"))
            #expect(!doc.party.name.isEmpty)
            if kind == .shipment { #expect(doc.lines.allSatisfy { ($0.ordered ?? .zero) >= $0.quantity } && !doc.warehouse.isEmpty) }
        }
        #expect(throws: StoreError.self) { _ = try db.printableDocument(.quote, number: "Q-1999-00001", for: manager) }
    }

    @Test func aRepPrintsOnlyTheirOwnCustomersDocuments() throws {
        let rep = try Fixtures.actor("rep")
        let own = try first("SELECT q.number FROM quotes q JOIN customers c ON c.id = q.customer_id JOIN users u ON u.id = c.owner_id WHERE u.login = 'rep' LIMIT 1")
        let other = try first("SELECT q.number FROM quotes q JOIN customers c ON c.id = q.customer_id JOIN users u ON u.id = c.owner_id WHERE u.login <> 'rep' LIMIT 1")
        #expect(try db.printableDocument(.quote, number: own, for: rep).number == own)
        #expect(throws: StoreError.self) { _ = try db.printableDocument(.quote, number: other, for: rep) }
        #expect(throws: StoreError.self) { _ = try db.printableDocument(.purchaseOrder, number: try first("SELECT number FROM purchase_orders LIMIT 1"), for: rep) }
    }
}
