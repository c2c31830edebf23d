/// Which report a report card shows and for which month, packed in its record id: the report's
/// place in `Report.names` plus 100 × how many months back (0: this month to date; 1: all of
/// last month …), so `[` `]` reopen the same card a month earlier or later.
public enum ReportPeriod {
    public static func id(report: Int, monthsBack: Int) -> Int64 { Int64(report + 100 * max(0, monthsBack)) }
    /// Reports of a period that `[` `]` step by month (deliveries are as of today).
    public static let stepped: Set<String> = ["team-performance", "rep-performance"]
    public static func steps(_ id: Int64) -> Bool {
        Report.names.indices.contains(report(id)) && stepped.contains(Report.names[report(id)])
    }
    public static func report(_ id: Int64) -> Int { Int(id % 100) }
    public static func monthsBack(_ id: Int64) -> Int { Int(id / 100) }

    /// This month to date, or a whole month before it.
    public static func range(monthsBack: Int, today: DateOnly) -> DateRange {
        guard monthsBack > 0 else { return .monthToDate(today) }
        let first = today.startOfMonth.adding(months: -monthsBack)
        return DateRange(from: first, to: first.adding(months: 1).adding(days: -1))
    }
}
