/// What marking a follow-up done changed, so it can be put back for a few seconds: the
/// customer's next contact before, the log entries it closed, and the customer's version after.
public struct FollowUpUndo: Sendable, Equatable {
    public var customerId: Int64
    public var name: String
    public var nextContactOn: DateOnly?
    public var closedEntries: [Int64]
    public var version: Int64
    public init(customerId: Int64, name: String, nextContactOn: DateOnly?, closedEntries: [Int64], version: Int64) {
        self.customerId = customerId; self.name = name; self.nextContactOn = nextContactOn; self.closedEntries = closedEntries; self.version = version
    }
}
