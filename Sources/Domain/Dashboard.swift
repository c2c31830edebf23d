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

/// A read-only view of one record: a title, labelled fields and small tables.
public struct RecordCard: Hashable, Sendable, Codable {
    public struct Section: Hashable, Sendable, Codable {
        public var title: String
        public var columns: [String]
        public var rows: [[String]]
        /// The record each row stands for, when rows can be opened or edited.
        public var refs: [RecordRef]
        public init(title: String, columns: [String], rows: [[String]], refs: [RecordRef] = []) {
            self.title = title; self.columns = columns; self.rows = rows; self.refs = refs
        }
    }
    public var ref: RecordRef
    public var title: String
    public var fields: [Field]
    public var sections: [Section]
    /// Shown as tabs (fields first, then one tab per section) instead of one long page.
    public var tabbed = false
    /// Drawn under the fields: a gauge (a ratio) or a sparkline (a series).
    public var charts: [Chart] = []

    public struct Chart: Hashable, Sendable, Codable {
        public var title: String
        public var gauge: BasisPoints?
        public var spark: [Int64]
        public init(title: String, gauge: BasisPoints?) { self.title = title; self.gauge = gauge; spark = [] }
        public init(title: String, spark: [Int64]) { self.title = title; gauge = nil; self.spark = spark }
    }

    public struct Field: Hashable, Sendable, Codable {
        public var label: String
        public var value: String
        public init(_ label: String, _ value: String) { self.label = label; self.value = value }
    }

    public init(ref: RecordRef, title: String, fields: [Field], sections: [Section]) {
        self.ref = ref; self.title = title; self.fields = fields; self.sections = sections
    }
}
