import Domain

/// What can go wrong below the screens, worded for the person at the terminal.
public enum StoreError: Error, Equatable, CustomStringConvertible, Sendable {
    case cannotOpen(path: String, reason: String)
    case notADatabase(path: String)
    case readOnly(path: String)
    case newerSchema(path: String, unknown: [String])
    case forbidden(String)
    case notFound(String)
    case invalid(DomainError)
    case conflict(String)
    /// Someone saved the record after it was read: what changed, and the version now stored.
    case stale(String, currentVersion: Int64)
    case failed(String)

    public var description: String {
        switch self {
        case .cannotOpen(let p, let r): return "Cannot open the database \(p): \(r)"
        case .notADatabase(let p): return "\(p) is not a Rapport database (the file is damaged or of another kind). Nothing was changed; restore a backup or pass --db with another file."
        case .readOnly(let p): return "The database \(p) is read-only for this user. Nothing was changed; fix its permissions or pass --db with a writable file."
        case .newerSchema(let p, let u): return "\(p) was written by a newer Rapport (schema \(u.joined(separator: ", "))). Nothing was changed; upgrade Rapport to open it."
        case .forbidden(let w): return "Not allowed: \(w)"
        case .notFound(let w): return "Not found: \(w)"
        case .invalid(let e): return e.description
        case .conflict(let w): return w
        case .stale(let w, _): return w
        case .failed(let w): return w
        }
    }

    /// The error as the screens word it, in the user's language.
    public var userMessage: UserMessage {
        switch self {
        case .invalid(let e): e.userMessage
        case .forbidden: UserMessage("error.forbidden")
        case .notFound: UserMessage("error.not-found")
        case .stale: UserMessage("error.stale")
        case .conflict(let w), .failed(let w): UserMessage("error.refused", w)
        case .cannotOpen, .notADatabase, .readOnly, .newerSchema: UserMessage("error.database", description)
        }
    }
}
