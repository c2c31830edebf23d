/// What a role home shows beside its reminders: figures, one bar chart and one sparkline.
public struct Dashboard: Hashable, Sendable, Codable {
    public struct Bar: Hashable, Sendable, Codable {
        public var label: String
        public var value: Int64
        public var display: String
        public init(label: String, value: Int64, display: String) { self.label = label; self.value = value; self.display = display }
    }
    public var period: DateRange
    public var metrics: [Metric]
    public var chartTitle: String
    public var bars: [Bar]
    public var sparkTitle: String
    public var spark: [Int64]

    public init(period: DateRange, metrics: [Metric], chartTitle: String = "", bars: [Bar] = [], sparkTitle: String = "", spark: [Int64] = []) {
        self.period = period; self.metrics = metrics; self.chartTitle = chartTitle; self.bars = bars; self.sparkTitle = sparkTitle; self.spark = spark
    }
}

/// A read-only view of one record: a title, labelled typed fields and tables. Each table holds
/// the pages read so far and knows its true row count; more pages are read as the user scrolls.
public struct RecordCard: Hashable, Sendable, Codable {
    public struct Section: Hashable, Sendable, Codable {
        public var title: String
        public var columns: [ColumnSpec]
        public var rows: [[CellValue]]
        /// The record each row stands for (nil for a row that opens nothing, a total); empty
        /// when no row opens anything.
        public var refs: [RecordRef?]
        /// How many rows the section has in all.
        public var total: Int
        /// Per row, the list of documents behind its figures (`Report.drills`); empty for none.
        public var drills: [ListQuery?] = []
        /// Per row, how its figure was worked out (`Report.explanations`); empty for none.
        public var explanations: [Explanation?] = []
        /// A report's total row, last: not counted in the tab's title.
        public var hasTotalRow = false
        /// How many rows the tab's title counts.
        public var counted: Int { total - (hasTotalRow ? 1 : 0) }
        public init(title: String, columns: [ColumnSpec], rows: [[CellValue]], refs: [RecordRef?] = [], total: Int? = nil, drills: [ListQuery?] = []) {
            self.title = title; self.columns = columns; self.rows = rows; self.refs = refs; self.total = total ?? rows.count; self.drills = drills
        }
        public var hasMore: Bool { rows.count < total }
        /// The column of `key`, if the section has it.
        public func column(_ key: String) -> Int? { columns.firstIndex { $0.key == key } }
    }
    public var ref: RecordRef
    public var title: String
    public var fields: [Field]
    public var sections: [Section]
    /// Shown as tabs (fields first, then one tab per section) instead of one long page.
    public var tabbed = false
    /// Drawn under the fields: a gauge (a ratio) or a sparkline (a series).
    public var charts: [Chart] = []
    /// When fields carry one value per period (this month, this year), the periods' headings.
    public var comparison: [String] = []
    /// A report whose table `s` sorts: the sorts it steps through (`ReportPeriod.View`), each
    /// the key of the column it sorts by (nil: the report's own order).
    public var sortKeys: [String?] = []
    public var sortCount: Int { sortKeys.count }

    /// The first tab's height in lines: its fields, then each chart (a sparkline a line and a
    /// gap; bars a title, a line each and a gap) — what ↑↓ scroll through.
    public var overviewHeight: Int {
        fields.count + 1 + charts.reduce(0) { $0 + ($1.bars.isEmpty ? ($1.spark.isEmpty ? 0 : 2) : $1.bars.count + 2) }
    }

    public struct Chart: Hashable, Sendable, Codable {
        public var title: String
        public var gauge: BasisPoints?
        public var spark: [Int64]
        /// Horizontal bars (money, minor units), each with an optional target marked on it.
        public var bars: [MarkedBar] = []
        public init(title: String, gauge: BasisPoints?) { self.title = title; self.gauge = gauge; spark = [] }
        public init(title: String, spark: [Int64]) { self.title = title; gauge = nil; self.spark = spark }
        public init(title: String, bars: [MarkedBar]) { self.title = title; gauge = nil; spark = []; self.bars = bars }
    }

    public struct MarkedBar: Hashable, Sendable, Codable {
        public var label: String
        public var value: Money
        public var marker: Money?
        public init(label: String, value: Money, marker: Money?) { self.label = label; self.value = value; self.marker = marker }
    }

    public struct Field: Hashable, Sendable, Codable {
        public var label: String
        public var values: [CellValue]
        public init(_ label: String, _ value: CellValue) { self.label = label; values = [value] }
        public init(_ label: String, values: [CellValue]) { self.label = label; self.values = values }
        public var value: CellValue { values.first ?? .empty }
    }

    public init(ref: RecordRef, title: String, fields: [Field], sections: [Section]) {
        self.ref = ref; self.title = title; self.fields = fields; self.sections = sections
    }

    /// Rows of a card table read with the card; the rest come a page at a time.
    public static let pageSize = 100

    /// A field's value by its label.
    public func field(_ label: String) -> CellValue? { fields.first { $0.label == label }?.value }
}

/// Rows of one card table, with the records they stand for (empty when rows open nothing).
public struct CardPage: Hashable, Sendable {
    public var rows: [[CellValue]]
    public var refs: [RecordRef?]
    public var drills: [ListQuery?] = []
    public var explanations: [Explanation?] = []
    public init(rows: [[CellValue]], refs: [RecordRef?], drills: [ListQuery?] = [], explanations: [Explanation?] = []) {
        self.rows = rows; self.refs = refs; self.drills = drills; self.explanations = explanations
    }
}
