/// A report: what was asked (its parameters), a typed table with the record each row stands for
/// (Enter opens it), and chart series. The TUI draws it as a card and `rapport report NAME`
/// prints it as a table, CSV or JSON — one value, so both show the same numbers.
public struct Report: Sendable, Equatable {
    public struct Parameter: Sendable, Equatable {
        public var key: String
        public var value: CellValue
        public init(_ key: String, _ value: CellValue) { self.key = key; self.value = value }
    }

    public struct Series: Sendable, Equatable {
        public var title: String
        public var points: [Int64]
        /// One label per point: drawn as bars (one per rep) instead of a sparkline.
        public var labels: [String] = []
        /// A target per point (a rep's quota), marked on its bar.
        public var markers: [Int64?] = []
        public init(title: String, points: [Int64]) { self.title = title; self.points = points }
        public init(title: String, bars: [(label: String, value: Int64, marker: Int64?)]) {
            self.title = title; points = bars.map(\.value); labels = bars.map(\.label); markers = bars.map(\.marker)
        }
    }

    /// On screen, the table in tabs of a few columns each (the first column in every tab), so
    /// no figure is cut at 80 columns; printed, every column at once.
    public struct Tab: Sendable, Equatable {
        public var title: String
        public var columns: [Int]
        public init(_ title: String, columns: [Int]) { self.title = title; self.columns = columns }
    }
    public var tabs: [Tab] = []
    /// Further tables of the same figures grouped another way (cash by month, then by method,
    /// by rep, by party): each a tab on screen; `rapport report` prints the one asked for.
    public var parts: [Report] = []
    /// The first table's own title, when the report has parts (the report's title is the card's).
    public var tableTitle: String?

    /// The report's command-line name (`team-performance`).
    public var name: String
    /// A catalog key (`report.team-performance`).
    public var title: String
    public var parameters: [Parameter]
    public var columns: [ColumnSpec]
    public var rows: [[CellValue]]
    /// Per row, the documents behind its figures (a month's receipts and payments), opened as a
    /// list; empty when no row has any.
    public var drills: [ListQuery?] = []
    /// Per row, how its figure was worked out (`?` on a KPI); empty when no row has one.
    public var explanations: [Explanation?] = []
    /// The record each row stands for; nil for a row that opens nothing (a total).
    public var refs: [RecordRef?]
    public var series: [Series]

    public init(name: String, title: String, parameters: [Parameter], columns: [ColumnSpec], rows: [[CellValue]], refs: [RecordRef?] = [], series: [Series] = []) {
        self.name = name; self.title = title; self.parameters = parameters; self.columns = columns; self.rows = rows; self.refs = refs; self.series = series
    }

    /// The names `rapport report` and the TUI know, in the order they are listed.
    public static let names = ["rep-performance", "team-performance", "deliveries", "aging", "payables-aging", "cash", "expenses", "receivables", "commissions", "purchases", "kpi", "kpi-reps", "feedback", "kpi-trend"]
}

/// What a report is asked for: a period (from–to) or a day (as of), a rep, and how its rows
/// are ordered where it offers a choice (aging: a bucket's label, `name`, `unapplied`).
public struct ReportRequest: Sendable, Equatable, Hashable {
    public var name: String
    public var period: DateRange
    public var rep: Int64?
    public var sort: String?
    public init(name: String, period: DateRange, rep: Int64? = nil, sort: String? = nil) {
        self.name = name; self.period = period; self.rep = rep; self.sort = sort
    }
}
