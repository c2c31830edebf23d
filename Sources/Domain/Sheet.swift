/// A table to export: typed columns, so a workbook gets numbers as numbers and dates as dates,
/// and a CSV gets them in the form its import reads back.
public struct Sheet: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case text, integer, money, quantity, date, percent }

    public struct Column: Sendable, Equatable {
        public var title: String
        public var kind: Kind
        public init(_ title: String, _ kind: Kind = .text) { self.title = title; self.kind = kind }
    }

    public enum Value: Sendable, Equatable {
        case empty
        case text(String)
        case integer(Int64)
        case money(Money)
        case quantity(Quantity)
        case date(DateOnly)
        case percent(BasisPoints)

        /// The value as CSV (and import) writes it: plain digits, a dot for decimals, ISO dates.
        public var plain: String {
            switch self {
            case .empty: ""
            case .text(let s): s
            case .integer(let i): String(i)
            case .money(let m): m.formatted(grouping: false)
            case .quantity(let q): q.description
            case .date(let d): d.iso
            case .percent(let p): Sheet.Value.decimal(p.value, places: 2)
            }
        }

        /// `12345` with 2 places → "123.45"; exact, from integers.
        public static func decimal(_ v: Int64, places: Int) -> String {
            var scale: Int64 = 1
            for _ in 0..<places { scale *= 10 }
            let m = v.magnitude
            let frac = String(m % UInt64(scale))
            return (v < 0 ? "-" : "") + "\(m / UInt64(scale))." + String(repeating: "0", count: places - frac.count) + frac
        }
    }

    public var name: String
    public var columns: [Column]
    public var rows: [[Value]]

    public init(name: String, columns: [Column], rows: [[Value]]) { self.name = name; self.columns = columns; self.rows = rows }

    /// Column titles and text values that are catalog keys (`col.code`, `status.active`)
    /// replaced by the user's language; data stays as it is. In place: an export of 200,000
    /// rows is not copied for it.
    public mutating func localize(_ labels: [String: String]) {
        guard !labels.isEmpty else { return }
        for i in columns.indices { columns[i].title = labels[columns[i].title] ?? columns[i].title }
        for r in rows.indices {
            for c in rows[r].indices {
                if case .text(let t) = rows[r][c], let l = labels[t] { rows[r][c] = .text(l) }
            }
        }
    }

    public func localized(_ labels: [String: String]) -> Sheet {
        var s = self
        s.localize(labels)
        return s
    }
}
