/// One value a table or a card shows, typed. The Store returns these and never formats; screens
/// format them for the user's language and the column's width; exports write them as their kind
/// (money as money, quantities as numbers, dates as dates).
public indirect enum CellValue: Hashable, Sendable, Codable {
    case empty
    /// Data, shown as it is (a name, a number, a note).
    case text(String)
    /// A catalog key shown in the user's language: `status.open`, `method.cash`, `stage.won`.
    case status(String)
    case money(Money)
    case quantity(Quantity)
    case integer(Int64)
    case date(DateOnly)
    /// A ratio; nil (a zero denominator) shows as "—".
    case percent(BasisPoints?)
    /// A ratio against a target (quota attainment), drawn as a gauge beside its percentage
    /// on screen; a percentage anywhere else.
    case gauge(BasisPoints?)
    /// A difference of two rates, in percentage points (basis points kept): `+2.6 pp`.
    case points(BasisPoints)
    /// A change as a share of what it was (growth), signed: `+7.6 %`, `-1.5 %`; nil: "—".
    case growth(BasisPoints?)
    /// A run of figures drawn as a sparkline (a KPI's twelve months); nil where there is none.
    case spark([Int64?])
    /// A number of days (days sales outstanding).
    case days(Int64)
    case flag(Bool)
    /// A value that needs attention: overdue, over the credit limit.
    case warning(CellValue)
    /// Values shown together on one line, e.g. exposure and limit (`1,200.00 / 5,000.00`).
    case joined([CellValue], separator: String)

    public var isEmpty: Bool {
        switch self {
        case .empty: true
        case .text(let s), .status(let s): s.isEmpty
        case .warning(let v): v.isEmpty
        case .joined(let vs, _): vs.allSatisfy(\.isEmpty)
        default: false
        }
    }

    /// An optional text as a cell: nil is empty. (A separate name: a database value read as
    /// plain `.text` must never be NULL.)
    public static func text(orEmpty s: String?) -> CellValue { s.map { .text($0) } ?? .empty }
    public static func date(iso: String?) -> CellValue { iso.flatMap(DateOnly.init(iso:)).map { .date($0) } ?? .text(orEmpty: iso) }
    public static func money(minorUnits v: Int64) -> CellValue { .money(Money(minorUnits: v)) }
    public static func quantity(thousandths v: Int64) -> CellValue { .quantity(Quantity(thousandths: v)) }
    /// A discount or probability in basis points; zero shows empty when `blankZero`.
    public static func basisPoints(_ v: Int64, blankZero: Bool = false) -> CellValue { blankZero && v == 0 ? .empty : .percent(BasisPoints(v)) }
    /// A figure that cannot be computed (no orders to average over): "—".
    public static let notAvailable = CellValue.text("—")
    /// The amount a money cell holds (a warning's too); nil for any other cell.
    public var moneyValue: Money? {
        switch self {
        case .money(let m): m
        case .warning(let v): v.moneyValue
        default: nil
        }
    }
    /// A ratio kept in hundredths (orders per customer), or "—".
    public static func hundredths(_ v: Int64?) -> CellValue { v.map { .quantity(Quantity(thousandths: $0 * 10)) } ?? notAvailable }
    public static func money(_ m: Money?) -> CellValue { m.map { .money($0) } ?? notAvailable }

    /// One glyph per figure, the lowest to the highest of them; a space where there is none.
    public static func sparkline(_ values: [Int64?], glyphs: [String]) -> String {
        let known = values.compactMap { $0 }
        guard let low = known.min(), let high = known.max(), !glyphs.isEmpty else { return String(repeating: " ", count: values.count) }
        return values.map { v in
            guard let v else { return " " }
            let step = high == low ? glyphs.count / 2 : Int((Int128(v - low) * Int128(glyphs.count - 1)) / Int128(high - low))
            return glyphs[max(0, min(glyphs.count - 1, step))]
        }.joined()
    }

    /// The value as plain text for the command line (no catalog: status keys stay keys).
    public var plainText: String {
        switch self {
        case .empty: ""
        case .text(let s), .status(let s): s
        case .money(let m): m.formatted()
        case .quantity(let q): q.description
        case .integer(let i): String(i)
        case .date(let d): d.iso
        case .percent(let p), .gauge(let p): p.display
        case .spark(let values): CellValue.sparkline(values, glyphs: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"])
        case .points(let p): p.pointsText + " pp"
        case .growth(let p): p.map { $0.signedText + " %" } ?? "—"
        case .days(let n): "\(n) d"
        case .flag(let b): b ? "✓" : ""
        case .warning(let v): v.plainText
        case .joined(let vs, let sep): vs.map(\.plainText).filter { !$0.isEmpty }.joined(separator: sep)
        }
    }

    /// The value as an export writes it.
    public var sheetValue: Sheet.Value {
        switch self {
        case .empty: .empty
        // "—" (nothing to divide by) is an empty cell, as a ratio's is; a sparkline is the
        // months' own columns drawn, not a value.
        case .text(let s), .status(let s): s.isEmpty || self == .notAvailable ? .empty : .text(s)
        case .money(let m): .money(m)
        case .quantity(let q): .quantity(q)
        case .integer(let i): .integer(i)
        case .date(let d): .date(d)
        case .percent(let p), .gauge(let p): p.map { .percent($0) } ?? .empty
        case .spark: .empty
        case .points(let p): .percent(p)
        case .growth(let p): p.map { .percent($0) } ?? .empty
        case .days(let n): .integer(n)
        case .flag(let b): .text(b ? "✓" : "")
        case .warning(let v): v.sheetValue
        case .joined(let vs, let sep): .text(vs.map(\.sheetValue.plain).filter { !$0.isEmpty }.joined(separator: sep))
        }
    }
}

/// A column of a table: its catalog key, the kind of its values, and how it takes width —
/// numbers align right, a flexible column takes the spare width, a shrinking one gives way first.
public struct ColumnSpec: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable { case text, status, money, quantity, integer, date, percent, flag }
    public var key: String
    public var kind: Kind
    public var flexible: Bool
    public var shrinks: Bool
    /// A fixed width in columns; nil: as wide as the widest value (within limits).
    public var width: Int?
    /// Figures of several kinds in one column (a KPI's value): right-aligned as numbers are.
    public var figures = false

    public init(_ key: String, _ kind: Kind = .text, flexible: Bool = false, shrinks: Bool = false, width: Int? = nil) {
        self.key = key; self.kind = kind; self.flexible = flexible; self.shrinks = shrinks; self.width = width
    }

    /// A column of figures of mixed kinds, kept as text in exports, aligned right on screen.
    public static func figures(_ key: String) -> ColumnSpec { var c = ColumnSpec(key, .text); c.figures = true; return c }

    public var alignRight: Bool { figures || [.money, .quantity, .integer, .percent].contains(kind) }

    public var sheetKind: Sheet.Kind {
        switch kind {
        case .text, .status, .flag: .text
        case .money: .money
        case .quantity: .quantity
        case .integer: .integer
        case .date: .date
        case .percent: .percent
        }
    }
}

extension Sheet {
    /// A typed table as an export: kinds from the columns, values as they are.
    public init(name: String, columns: [ColumnSpec], rows: [[CellValue]]) {
        self.init(name: name, columns: columns.map { Column($0.key, $0.sheetKind) }, rows: rows.map { $0.map(\.sheetValue) })
    }
}
