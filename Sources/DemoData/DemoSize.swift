public enum DemoSize: String, CaseIterable, Sendable {
    case small, medium, large

    var customers: Int { switch self { case .small: 400; case .medium: 20_000; case .large: 200_000 } }
    var years: Int { switch self { case .small: 2; case .medium: 3; case .large: 5 } }
    var orders: Int { switch self { case .small: 3_000; case .medium: 150_000; case .large: 1_000_000 } }
    var products: Int { switch self { case .small: 120; case .medium: 800; case .large: 3_000 } }
    var suppliers: Int { switch self { case .small: 25; case .medium: 150; case .large: 400 } }
    var reps: Int { switch self { case .small: 4; case .medium: 8; case .large: 12 } }
    var contactLogPerCustomer: Int { switch self { case .small: 6; case .medium: 4; case .large: 3 } }
}

public struct DemoSummary: Sendable {
    public var counts: [(table: String, rows: Int)]
    public var logins: [(login: String, role: String, name: String)]
    public var seconds: Double
}
