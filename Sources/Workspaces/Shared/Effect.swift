import Domain
import Store

/// Work a view model asks the app to do outside the frame: reads and writes run on a reader of
/// the pool, and their results come back as actions through the inbox.
public enum Effect: Sendable, Equatable {
    case authenticate(login: String, password: String)
    case loadHome
    case loadCard(RecordRef)
    case loadCustomers(after: CustomerKey?, backwards: Bool, reset: Bool, request: Int)
    case searchCustomers(query: String, request: Int)
    case quit
}

public struct CustomerKey: Sendable, Equatable {
    public var name: String
    public var id: Int64
    public init(name: String, id: Int64) { self.name = name; self.id = id }
}
