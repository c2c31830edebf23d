/// One entry of the contact log: a call, e-mail, IM, visit or meeting with a customer, what came
/// of it, and when to contact them next.
public struct ContactLogEntry: Sendable, Equatable, Codable {
    public var customerId: Int64
    public var contactId: Int64?
    public var kind: ContactKind
    public var happenedOn: DateOnly
    public var summary: String
    public var outcome: String?
    public var nextContactOn: DateOnly?

    public init(customerId: Int64, contactId: Int64? = nil, kind: ContactKind, happenedOn: DateOnly, summary: String,
                outcome: String? = nil, nextContactOn: DateOnly? = nil) {
        self.customerId = customerId; self.contactId = contactId; self.kind = kind; self.happenedOn = happenedOn
        self.summary = summary; self.outcome = outcome; self.nextContactOn = nextContactOn
    }

    public func validated(today: DateOnly) throws(DomainError) -> ContactLogEntry {
        var e = self
        e.summary = summary.trimmingSpaces()
        e.outcome = outcome?.trimmingSpaces()
        if e.outcome?.isEmpty == true { e.outcome = nil }
        guard !e.summary.isEmpty else { throw DomainError("say in a few words what was discussed", field: "summary", code: "error.summary-required") }
        guard e.summary.count <= 2000 else { throw DomainError("the summary is longer than 2000 characters", field: "summary", code: "error.summary-too-long") }
        guard happenedOn <= today else { throw DomainError("\(happenedOn) is in the future", field: "happened_on", code: "error.date-future", happenedOn.iso) }
        if let next = nextContactOn, next < happenedOn {
            throw DomainError("the next contact \(next) is before this one (\(happenedOn))", field: "next_contact_on", code: "error.next-before-this", next.iso, happenedOn.iso)
        }
        return e
    }

    /// The next contact a new entry proposes: the company's default interval after today.
    public static func defaultNextContact(today: DateOnly, settings: CompanySettings) -> DateOnly {
        today.adding(days: settings.nextContactDefaultDays)
    }
}
