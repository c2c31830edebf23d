import Domain

/// Who is logged in, with their role's capabilities, and the day it is for them.
public struct Session: Sendable, Equatable {
    public var actor: Actor
    public var today: DateOnly
    /// Logged in with a one-time password: nothing else until the user sets their own.
    public var mustChangePassword = false
    public init(actor: Actor, today: DateOnly) { self.actor = actor; self.today = today }
    public var role: Role { actor.role }
}
