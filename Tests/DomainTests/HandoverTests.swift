import Testing
@testable import Domain

@Suite struct HandoverTests {
    let customers = [Handover.Customer(id: 1, openValue: 900), .init(id: 2, openValue: 100), .init(id: 3, openValue: 500),
                     .init(id: 4, openValue: 400), .init(id: 5, openValue: 0)]

    @Test func byCountEachTakesAsManyAsTheOthersGiveOrTakeOne() throws {
        let a = try Handover.assign(customers, to: [10, 20], by: .count)
        #expect(a == [1: 10, 2: 20, 3: 10, 4: 20, 5: 10])
    }

    @Test func byValueTheLargestGoFirstToWhoeverHasLeast() throws {
        // 900 → 10; 500 → 20; 400 → 20 (500 < 900); 100 → 10 (900 = 900, fewer customers); 0 → 20.
        let a = try Handover.assign(customers, to: [10, 20], by: .value)
        #expect(a[1] == 10 && a[3] == 20 && a[4] == 20 && a[2] == 10)
        let load = Dictionary(grouping: customers, by: { a[$0.id] ?? 0 }).mapValues { $0.reduce(0) { $0 + $1.openValue } }
        #expect(load[10] == 1_000 && load[20] == 900)
    }

    @Test func toNobodyIsRefused() {
        #expect(throws: DomainError.self) { try Handover.assign(customers, to: [], by: .count) }
    }
}
