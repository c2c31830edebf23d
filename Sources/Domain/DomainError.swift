/// A rule a write or a value broke, worded for the user; `field` names what to fix.
public struct DomainError: Error, Equatable, Sendable, CustomStringConvertible {
    public var field: String?
    public var message: String

    public init(_ message: String, field: String? = nil) {
        self.message = message; self.field = field
    }

    public var description: String { field.map { "\($0): \(message)" } ?? message }

    public static func invalidTransition(_ document: String, from: String, to: String) -> DomainError {
        DomainError("\(document) cannot go from \(from) to \(to)", field: "status")
    }
}
