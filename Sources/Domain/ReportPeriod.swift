/// Which report a report card shows and for which period, packed in its record id, so `[` `]`
/// and the period form reopen the same card for another period:
/// - a month: the report's place in `Report.names` plus 100 × how many months back (0: this
///   month to date; 1: all of last month …);
/// - any from–to range: the negative of the report's place plus 100 × (from × 100,000 + to), in
///   days since 1970;
/// - and, above 10¹², how the table is viewed (`View`: its sort, and the one rep it is for).
public enum ReportPeriod {
    public enum Span: Sendable, Equatable { case month(back: Int), range(DateRange) }

    /// How a report's table is viewed: which of its sorts (0, its default) and for which rep
    /// (nil, everyone's).
    public struct View: Sendable, Equatable {
        public var sort: Int
        public var rep: Int64?
        public init(sort: Int = 0, rep: Int64? = nil) { self.sort = sort; self.rep = rep }
    }

    static let viewScale: Int64 = 1_000_000_000_000
    static let sorts: Int64 = 32

    public static func view(_ id: Int64) -> View {
        let v = abs(id) / viewScale
        return View(sort: Int(v % sorts), rep: v / sorts == 0 ? nil : v / sorts)
    }

    /// The same report and period, viewed as `view` says.
    public static func id(_ id: Int64, view: View) -> Int64 {
        let packed = abs(id) % viewScale + viewScale * (Int64(view.sort) % sorts + sorts * max(0, view.rep ?? 0))
        return id < 0 ? -packed : packed
    }

    /// Another report for the same period (its view left behind).
    public static func id(_ id: Int64, report other: Int) -> Int64 {
        let span = abs(id) % viewScale - Int64(report(id))
        return id < 0 ? -(span + Int64(other)) : span + Int64(other)
    }

    public static func id(report: Int, monthsBack: Int) -> Int64 { Int64(report + 100 * max(0, monthsBack)) }
    public static func id(report: Int, range: DateRange) -> Int64 {
        -(Int64(report) + 100 * (Int64(range.from.day) * 100_000 + Int64(range.to.day)))
    }

    /// Reports of a period that `[` `]` step and `f` sets (deliveries are as of today).
    public static let stepped: Set<String> = ["team-performance", "rep-performance", "aging", "payables-aging", "cash", "expenses", "receivables", "commissions", "purchases", "kpi", "kpi-reps", "feedback", "kpi-trend"]
    /// Reports as of a day (the range's last): `[` `]` step from month end to month end, and
    /// `f` asks for the one day.
    public static let asOfDay: Set<String> = ["aging", "payables-aging", "receivables"]
    /// Reports the day form also narrows to one rep's customers.
    public static let byRep: Set<String> = ["aging", "kpi", "kpi-trend"]
    public static func isAsOfDay(_ id: Int64) -> Bool {
        Report.names.indices.contains(report(id)) && asOfDay.contains(Report.names[report(id)])
    }
    public static func steps(_ id: Int64) -> Bool {
        Report.names.indices.contains(report(id)) && stepped.contains(Report.names[report(id)])
    }
    public static func report(_ id: Int64) -> Int { Int(abs(id) % 100) }

    public static func span(_ id: Int64) -> Span {
        guard id < 0 else { return .month(back: Int(id % viewScale / 100)) }
        let packed = -id % viewScale / 100
        return .range(DateRange(from: DateOnly(daysSinceEpoch: Int32(packed / 100_000)), to: DateOnly(daysSinceEpoch: Int32(packed % 100_000))))
    }

    public static func range(_ id: Int64, today: DateOnly) -> DateRange {
        switch span(id) {
        case .month(let back): range(monthsBack: back, today: today)
        case .range(let r): r
        }
    }

    /// How many calendar months the range covers exactly (first day to last day), or nil.
    static func wholeMonths(_ r: DateRange) -> Int? {
        guard r.from == r.from.startOfMonth, r.to.adding(days: 1) == r.to.adding(days: 1).startOfMonth else { return nil }
        let a = r.from.components, b = r.to.adding(days: 1).components
        return (b.year * 12 + b.month) - (a.year * 12 + a.month)
    }

    /// This month to date, or a whole month before it.
    public static func range(monthsBack: Int, today: DateOnly) -> DateRange {
        guard monthsBack > 0 else { return .monthToDate(today) }
        let first = today.startOfMonth.adding(months: -monthsBack)
        return DateRange(from: first, to: first.adding(months: 1).adding(days: -1))
    }

    /// The card one step before (-1) or after (+1): a month; whole months by as many months (a
    /// half year to the half year before); any other range by its own length. Nil past today.
    public static func step(_ id: Int64, by step: Int, today: DateOnly) -> Int64? {
        stepped(id, by: step, today: today).map { self.id($0, view: view(id)) }
    }

    static func stepped(_ id: Int64, by step: Int, today: DateOnly) -> Int64? {
        if isAsOfDay(id) {
            let day = range(id, today: today).to
            let target = step < 0 ? day.startOfMonth.adding(days: -1) : day.startOfMonth.adding(months: 2).adding(days: -1)
            if target < today { return self.id(report: report(id), range: DateRange(from: target, to: target)) }
            return day < today ? self.id(report: report(id), monthsBack: 0) : nil
        }
        switch span(id) {
        case .month(let back):
            return back - step < 0 ? nil : self.id(report: report(id), monthsBack: back - step)
        case .range(let r):
            let next: DateRange
            if let months = wholeMonths(r) {
                let from = r.from.adding(months: step * months)
                next = DateRange(from: from, to: from.adding(months: months).adding(days: -1))
            } else {
                next = step < 0 ? r.previous : DateRange(from: r.to.adding(days: 1), to: r.to.adding(days: r.days))
            }
            return next.from > today ? nil : self.id(report: report(id), range: next)
        }
    }
}
