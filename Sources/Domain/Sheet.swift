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

    /// A table the screens show as text: cells that read as the column's kind become typed
    /// values (money `1,234.56`, dates `2026-11-22`, whole numbers), anything else stays text.
    public static func typed(name: String, columns: [(String, Kind)], rows: [[String]]) -> Sheet {
        Sheet(name: name, columns: columns.map { Column($0.0, $0.1) }, rows: rows.map { row in
            row.enumerated().map { i, cell in
                let kind = i < columns.count ? columns[i].1 : .text
                let t = cell.trimmingSpaces()
                if t.isEmpty { return .empty }
                switch kind {
                case .money: if let m = try? Money.parse(t) { return .money(m) }
                case .date: if let d = DateOnly(iso: t) { return .date(d) }
                case .integer: if let i = Int64(t.filter { $0 != "," }) { return .integer(i) }
                case .quantity: if let q = try? Quantity.parse(t) { return .quantity(q) }
                case .percent, .text: break
                }
                return .text(cell)
            }
        })
    }

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
