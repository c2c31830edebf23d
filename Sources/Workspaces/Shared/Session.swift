import Domain

/// Who is logged in, with their role's capabilities, and the day it is for them.
public struct Session: Sendable, Equatable {
    public var actor: Actor
    public var today: DateOnly
    public init(actor: Actor, today: DateOnly) { self.actor = actor; self.today = today }
    public var role: Role { actor.role }
}
