/// A rule a write or a value broke: `message` in English (the command line, logs), `field` names
/// what to fix, and `code` with its `arguments` is how the screens say it in the user's language
/// (a catalog key; `%@` is the first argument, `%2`, `%3` … the next).
public struct DomainError: Error, Equatable, Sendable, CustomStringConvertible {
    public var field: String?
    public var message: String
    public var code: String?
    public var arguments: [String]

    public init(_ message: String, field: String? = nil, code: String? = nil, _ arguments: String...) {
        self.message = message; self.field = field; self.code = code; self.arguments = arguments
    }

    /// Equal when they say the same thing about the same field (however they are worded on screen).
    public static func == (a: DomainError, b: DomainError) -> Bool { a.field == b.field && a.message == b.message }

    public var description: String { field.map { "\($0): \(message)" } ?? message }

    /// What the screens show: the code, or — for a rule not yet given one — the English text.
    public var userMessage: UserMessage { code.map { UserMessage(key: $0, arguments: arguments) } ?? UserMessage(key: "error.refused", arguments: [message]) }

    public static func invalidTransition(_ document: String, from: String, to: String) -> DomainError {
        DomainError("\(document) cannot go from \(from) to \(to)", field: "status", code: "error.transition", "status.\(from)", "status.\(to)")
    }
}

/// Text for the user as a catalog key with its arguments: the layers below the screens say what
/// happened, the screens say it in the user's language.
public struct UserMessage: Hashable, Sendable {
    public var key: String
    public var arguments: [String]
    public init(key: String, arguments: [String] = []) { self.key = key; self.arguments = arguments }
    public init(_ key: String, _ arguments: String...) { self.init(key: key, arguments: arguments) }
}
