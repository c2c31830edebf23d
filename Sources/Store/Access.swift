import Domain
import GRDB

/// Who may read and write what, checked at every Store entry point (hiding keys in the TUI is
/// only a courtesy): the one place these rules live.
extension AppDatabase {
    /// A customer's document (`table` has a `customer_id`): readable by whoever may read the customer.
    static func requireDocumentAccess(_ db: Database, table: String, id: Int64, actor: Actor) throws {
        guard let customer = try Int64.fetchOne(db, sql: "SELECT customer_id FROM \(table) WHERE id = ?", arguments: [id]) else {
            throw StoreError.notFound("\(table) \(id)")
        }
        try requireCustomerAccess(db, customerId: customer, actor: actor)
    }

    /// A sales rep reads only the customers they own (and those customers' documents).
    static func requireCustomerAccess(_ db: Database, customerId: Int64, actor: Actor) throws {
        guard actor.can(.viewAllCustomers) || actor.can(.viewOwnCustomers) else { throw StoreError.forbidden("\(actor.role.rawValue) cannot open customer records") }
        guard let owner = try Row.fetchOne(db, sql: "SELECT owner_id FROM customers WHERE id = ?", arguments: [customerId]) else {
            throw StoreError.notFound("customer \(customerId)")
        }
        if actor.restrictedToOwnCustomers, (owner[0] as Int64?) != actor.userId {
            throw StoreError.forbidden("this customer belongs to another sales rep")
        }
    }

    /// Checks that `actor` may change this customer's records: the capability, and for a sales
    /// rep, ownership. Returns the customer's name for messages and the audit log.
    @discardableResult
    static func requireCustomerWrite(_ db: Database, customerId: Int64, actor: Actor, _ capability: Capability) throws -> String {
        guard actor.can(capability) else { throw StoreError.forbidden("\(actor.role.rawValue) cannot do this") }
        guard let row = try Row.fetchOne(db, sql: "SELECT owner_id, name FROM customers WHERE id = ?", arguments: [customerId]) else {
            throw StoreError.notFound("customer \(customerId)")
        }
        if actor.restrictedToOwnCustomers, (row[0] as Int64?) != actor.userId {
            throw StoreError.forbidden("this customer belongs to another sales rep")
        }
        return row[1]
    }

    static func requireSupplierSide(_ actor: Actor) throws {
        guard actor.can(.viewSuppliers) || actor.can(.viewPayables) else { throw StoreError.forbidden("\(actor.role.rawValue) cannot open supplier records") }
    }

    static func requireStockAccess(_ actor: Actor) throws {
        guard actor.can(.viewStock) || actor.can(.editPurchaseOrders) || actor.can(.editQuotes) else { throw StoreError.forbidden("\(actor.role.rawValue) cannot open stock records") }
    }

    /// A rep may see their own figures; a manager anyone's.
    static func requirePerformanceAccess(_ actor: Actor, rep: Int64) throws {
        guard actor.can(.viewAllKPIs) || (actor.can(.viewOwnPerformance) && actor.userId == rep) else {
            throw StoreError.forbidden("only the rep and the manager see a rep's performance")
        }
    }

    static func requireImport(_ actor: Actor) throws(StoreError) {
        guard actor.can(.editSettings) else { throw .forbidden("only a manager imports data") }
    }
}
