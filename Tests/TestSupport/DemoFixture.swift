import DemoData
import Domain
import Store

/// The small demo company at a fixed today, for tests of every layer.
public enum DemoFixture {
    public static let today = DateOnly(year: 2026, month: 11, day: 22) ?? DateOnly(daysSinceEpoch: 20_779)
    public static let clock = FixedClock(today)

    /// A new demo database: a temporary file (WAL, a second connection can watch it) or in memory.
    public static func make(seed: UInt64 = 42, inMemory: Bool = false) -> AppDatabase {
        do {
            let db = inMemory ? try AppDatabase.inMemory() : try AppDatabase.temporary()
            var generator = DemoGenerator(size: .small, seed: seed, today: today)
            _ = try generator.generate(into: db, clock: clock)
            return db
        } catch {
            fatalError("demo fixture: \(error)")
        }
    }
}
