import Domain
import Store

/// What a saved form asks of the Store: one typed call and what to say after it. A form builds
/// its command (`EditorModel.command`); the effect runner only runs it.
public struct WriteCommand: Sendable {
    public struct Context: Sendable {
        public var actor: Actor
        public var today: DateOnly
        public var now: Int64
        /// The user saw the similar customers and saves anyway.
        public var acceptSimilar: Bool
        public init(actor: Actor, today: DateOnly, now: Int64, acceptSimilar: Bool) {
            self.actor = actor; self.today = today; self.now = now; self.acceptSimilar = acceptSimilar
        }
    }

    let body: @Sendable (any RapportStore, Context) throws(StoreError) -> [AppModel.Action]

    public init(_ body: @escaping @Sendable (any RapportStore, Context) throws(StoreError) -> [AppModel.Action]) { self.body = body }

    public func run(on store: any RapportStore, _ context: Context) throws(StoreError) -> [AppModel.Action] { try body(store, context) }

    /// A write that ends with a toast saying what was saved.
    static func saying(_ key: String, _ argument: String, _ write: @escaping @Sendable (any RapportStore, Context) throws(StoreError) -> Void) -> WriteCommand {
        WriteCommand { (store, c) throws(StoreError) in
            try write(store, c)
            return [.saved(toastKey: key, argument: argument)]
        }
    }
}
