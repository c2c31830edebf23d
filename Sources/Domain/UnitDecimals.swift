/// How many decimals a quantity may have, per unit: pieces, boxes and sets are counted whole,
/// a kilogram is weighed to the gram. A unit not named takes the most a quantity holds (3).
public struct UnitDecimals: Sendable, Equatable, Codable {
    public var byUnit: [String: Int]
    public init(_ byUnit: [String: Int]) { self.byUnit = byUnit }

    public static let standard = UnitDecimals(["pcs": 0, "box": 0, "set": 0])

    public func decimals(for unit: String) -> Int { byUnit[unit.trimmingSpaces().lowercased()] ?? 3 }

    /// Refuses a quantity finer than its unit allows, naming the quantity, the unit and the limit.
    public func check(_ quantity: Quantity, unit: String) throws(DomainError) {
        try quantity.check(decimals: decimals(for: unit), unit: unit)
    }

    /// As it is typed back: `box=0 pcs=0 set=0`.
    public var text: String { byUnit.keys.sorted().map { "\($0)=\(byUnit[$0] ?? 3)" }.joined(separator: " ") }

    /// `pcs=0 kg=3` (spaces or commas between); each unit once, decimals 0–3.
    public static func parse(_ raw: String) throws(DomainError) -> UnitDecimals {
        var map: [String: Int] = [:]
        for part in raw.split(whereSeparator: { $0 == " " || $0 == "," }) {
            let pair = part.split(separator: "=", omittingEmptySubsequences: false)
            let unit = pair.first.map { String($0).trimmingSpaces().lowercased() } ?? ""
            guard pair.count == 2, !unit.isEmpty, unit.count <= 16, let n = Int(pair[1]), (0...3).contains(n), map[unit] == nil else {
                throw DomainError("unit_decimals must be unit=decimals pairs with 0 to 3 decimals, e.g. pcs=0 kg=3, not '\(raw)'", field: "unit_decimals")
            }
            map[unit] = n
        }
        return UnitDecimals(map)
    }
}

extension Quantity {
    /// The decimals it is written with (0–3): `2` → 0, `2.5` → 1, `0.125` → 3.
    public var decimals: Int {
        let f = thousandths.magnitude % 1000
        return f == 0 ? 0 : f % 100 == 0 ? 1 : f % 10 == 0 ? 2 : 3
    }

    /// Refuses it when finer than `allowed` decimals of `unit`, naming it, the unit and the limit.
    public func check(decimals allowed: Int, unit: String) throws(DomainError) {
        guard decimals > allowed else { return }
        throw DomainError("'\(self)' has more decimals than \(unit) allows (\(allowed))", field: "quantity",
                          code: "error.quantity-decimals", description, unit, String(allowed))
    }
}
