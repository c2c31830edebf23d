import Domain
import Foundation

/// The rows of an import, handed over a batch at a time inside the import's transaction, so a
/// file of any size never sits in memory whole: the Store checks and writes each batch, then
/// asks for the next, until `produce` says there are no more (nil).
public final class ImportBatches<Record: Sendable & Equatable>: @unchecked Sendable {
    private let lock = NSLock()
    private var produce: () throws -> [ImportRecord<Record>]?
    private let refusedBefore: () -> Bool

    /// `refusedBefore`: whether rows were refused before they reached the Store (unreadable
    /// values): then, unless bad rows are skipped, nothing is imported either.
    public init(_ produce: @escaping () throws -> [ImportRecord<Record>]?, refusedBefore: @escaping () -> Bool = { false }) {
        self.produce = produce
        self.refusedBefore = refusedBefore
    }

    /// All rows in one batch.
    public convenience init(_ rows: [ImportRecord<Record>]) {
        var given: [ImportRecord<Record>]? = rows
        self.init({ defer { given = nil }; return given })
    }

    var anyRefusedBefore: Bool { lock.lock(); defer { lock.unlock() }; return refusedBefore() }

    func next() throws -> [ImportRecord<Record>]? {
        lock.lock(); defer { lock.unlock() }
        return try produce()
    }
}
