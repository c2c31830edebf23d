import Domain
import Foundation
import Store
import TestSupport

enum Fixtures {
    static let today = DemoFixture.today
    static let clock = DemoFixture.clock

    /// The small demo company, made once per test run; tests that write make their own.
    static let demo: AppDatabase = DemoFixture.make()

    static func actor(_ login: String, in db: AppDatabase = demo) throws -> Actor {
        guard let u = try db.user(login: login) else { throw StoreError.notFound(login) }
        return u.actor
    }
}
