import DemoData

enum DemoGeneratorShim {
    static func small(seed: UInt64 = 7) -> DemoGenerator { DemoGenerator(size: .small, seed: seed, today: Fixtures.today) }
}
