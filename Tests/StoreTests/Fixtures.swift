import DemoData
import Domain
import Foundation
import Store

enum Fixtures {
    static let today = DateOnly(year: 2026, month: 11, day: 22)!
    static let clock = FixedClock(today)

    /// The small demo company, made once per test run; tests that write make their own.
    static let demo: AppDatabase = makeDemo()

    static func makeDemo() -> AppDatabase {
        do {
            let db = try AppDatabase.temporary()
            var g = DemoGenerator(size: .small, seed: 42, today: today)
            _ = try g.generate(into: db, clock: clock)
            return db
        } catch {
            fatalError("demo fixture: \(error)")
        }
    }

    static func actor(_ login: String, in db: AppDatabase = demo) throws -> Actor {
        guard let u = try db.user(login: login) else { throw StoreError.notFound(login) }
        return u.actor
    }
}
