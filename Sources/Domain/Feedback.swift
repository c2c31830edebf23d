/// What a customer said: a satisfaction score (CSAT 1–5), a recommendation score (NPS 0–10), or
/// a complaint in words. The manager's CSAT, NPS and complaint rate are made of these.
public struct Feedback: Sendable, Equatable {
    public var customerId: Int64
    public var kind: FeedbackKind
    public var score: Int?
    public var receivedOn: DateOnly
    public var note: String?

    public init(customerId: Int64, kind: FeedbackKind, score: Int?, receivedOn: DateOnly, note: String?) {
        self.customerId = customerId; self.kind = kind; self.score = score; self.receivedOn = receivedOn; self.note = note
    }

    public func validated(today: DateOnly) throws(DomainError) -> Feedback {
        var f = self
        f.note = note?.trimmingSpaces()
        if f.note?.isEmpty == true { f.note = nil }
        guard receivedOn <= today else { throw DomainError("\(receivedOn) is in the future", field: "received_on", code: "error.date-future", receivedOn.iso) }
        switch kind {
        case .csat where !(score.map { (1...5).contains($0) } ?? false):
            throw DomainError("a CSAT score is 1–5", field: "score", code: "error.csat-score")
        case .nps where !(score.map { (0...10).contains($0) } ?? false):
            throw DomainError("an NPS score is 0–10", field: "score", code: "error.nps-score")
        case .complaint:
            guard f.note != nil else { throw DomainError("say what the complaint is", field: "note", code: "error.complaint-text") }
            f.score = nil
        default:
            break
        }
        guard (f.note?.count ?? 0) <= 1000 else { throw DomainError("the note is longer than 1000 characters", field: "note", code: "error.note-too-long") }
        return f
    }
}
