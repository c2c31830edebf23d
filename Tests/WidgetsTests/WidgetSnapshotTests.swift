import Testing
import TerminalCore
import TestSupport
@testable import Widgets

@Suite struct WidgetSnapshotTests {
    static let sizes = [(80, 24), (120, 40)]
    let context = RenderContext(theme: .builtIn, glyphs: .unicode)

    func buffer(_ w: Int, _ h: Int) -> CellBuffer { CellBuffer(width: w, height: h) }

    static let customers: [[String]] = [
        ["C000001", "北京华联商厦有限公司", "活跃", "张伟", "2026-11-22", "1,234,567.89"],
        ["C000002", "Northwind Trading Ltd.", "active", "Peter Clarke", "2026-11-23", "88.00"],
        ["C000003", "深圳鑫源电子有限公司（南山分公司）", "休眠", "李娜", "", "0.00"],
        ["C000004", "Evil\u{1B}[31mRed Imports LLC", "lead", "Anna Fischer", "2026-12-01", "-15.50"],
        ["C000005", "上海宏达贸易有限公司", "潜在", "陈静", "2027-01-05", "12,000.00"],
    ]

    func table() -> Table {
        var t = Table(columns: [
            TableColumn("编号", width: 8), TableColumn("客户 Customer", width: 12, flex: 3), TableColumn("状态", width: 6),
            TableColumn("业务员", width: 8, flex: 1), TableColumn("下次联系", width: 10), TableColumn("金额", width: 12, alignRight: true),
        ])
        t.rows = [TableRow(["▸ 今天需联系 Contact today (5)"], role: "list.group", selectable: false)] + WidgetSnapshotTests.customers.map { TableRow($0) }
        t.selected = 2
        t.sortColumn = 1
        return t
    }

    @Test(arguments: sizes) func tableWithChineseData(_ size: (Int, Int)) {
        var b = buffer(size.0, size.1)
        table().render(in: Panel.render("客户 Customers", focused: true, in: b.bounds, into: &b, context: context), into: &b, context: context)
        assertSnapshot(b, "table-\(size.0)x\(size.1)")
    }

    @Test(arguments: sizes) func formWithErrors(_ size: (Int, Int)) {
        var form = Form(fields: [
            FormField(key: "name", label: "客户名称", kind: .text, value: "北京华联商厦有限公司"),
            FormField(key: "limit", label: "信用额度 Credit limit", kind: .money, value: "12x"),
            FormField(key: "status", label: "状态", kind: .choice(["lead", "prospect", "active"]), value: "active"),
            FormField(key: "next", label: "Next contact", kind: .date, value: "+3"),
            FormField(key: "rep", label: "业务员", kind: .lookup(["李娜 Li Na"]), value: "李"),
            FormField(key: "password", label: "Password", kind: .secret, value: "demo"),
        ])
        form.setError("limit", "'12x' is not an amount")
        form.focus = 4
        var b = buffer(size.0, size.1)
        form.render(in: Panel.render("新客户 New customer", focused: true, in: b.bounds, into: &b, context: context), into: &b, context: context)
        assertSnapshot(b, "form-\(size.0)x\(size.1)")
    }

    @Test(arguments: sizes) func chromeAndOverlays(_ size: (Int, Int)) {
        var b = buffer(size.0, size.1)
        Tabs(titles: ["概览 Overview", "联系人", "联系记录", "Quotes"], active: 1).render(in: b.bounds.row(0), into: &b, context: context)
        BarChart(bars: [
            .init(label: "张伟", value: 1_266_552, display: "1.3M"), .init(label: "Peter Clarke", value: 800_000, display: "800k"),
            .init(label: "李娜", value: 0, display: "0"),
        ]).render(in: Rect(x: 0, y: 2, width: size.0 / 2, height: 3), into: &b, context: context)
        Sparkline(values: [1, 5, 3, 8, 2, 9, 9, 0, 4, 6, 7, 8]).render(in: Rect(x: 0, y: 6, width: 20, height: 1), into: &b, context: context)
        Gauge(basisPoints: 8_550, label: "85.5 %").render(in: Rect(x: 0, y: 7, width: 30, height: 1), into: &b, context: context)
        Gauge(basisPoints: nil, label: "—").render(in: Rect(x: 0, y: 8, width: 30, height: 1), into: &b, context: context)
        CommandPalette(title: "命令 Command", query: "cu", entries: [(":customers", "客户 Customers"), (":cut", "Cut")], selected: 0)
            .render(in: Rect(x: 0, y: 9, width: size.0, height: 8), into: &b, context: context)
        ConfirmDialog(title: "退出", message: "退出 Rapport？Quit?", choices: "y：是   n：否").render(in: b.bounds, into: &b, context: context)
        Toast(text: "已保存 Saved", isError: false).render(in: b.bounds, into: &b, context: context)
        StatusBar(hints: [("j/k", "移动"), ("enter", "打开"), ("?", "帮助"), ("q", "退出")], message: "加载中…")
            .render(in: b.bounds.row(size.1 - 1), into: &b, context: context)
        assertSnapshot(b, "chrome-\(size.0)x\(size.1)")
    }

    /// A quota marked on each bar, on the bars' own scale: a quota above every bar still fits,
    /// the mark sits at value ÷ largest of the chart's width, and the figure follows the mark.
    @Test func barsCarryTheirQuotaMark() {
        var b = buffer(40, 3)
        BarChart(bars: [
            .init(label: "A", value: 500, display: "500", marker: 1_000), .init(label: "B", value: 1_000, display: "1k", marker: 500),
            .init(label: "C", value: 250, display: "250"),
        ]).render(in: Rect(x: 0, y: 0, width: 40, height: 3), into: &b, context: context)
        let lines = b.text().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // 40 wide: label 1, a gap, 34 columns for the bars (33 and one for a mark at the top), the figures 3.
        #expect(lines[0].hasPrefix("A " + String(repeating: "█", count: 16)))
        #expect(Array(lines[0])[2 + 33] == "│" && lines[0].contains("│ 500"))
        #expect(Array(lines[1])[2 + 16] == "│" && lines[1].hasPrefix("B " + String(repeating: "█", count: 16) + "│"))
        #expect(!lines[2].contains("│"))
    }

    @Test(arguments: sizes) func helpOverlay(_ size: (Int, Int)) {
        var b = buffer(size.0, size.1)
        HelpOverlay(title: "按键 Keys", entries: [("down j", "下移 Move down"), ("enter", "打开所选记录"), ("ctrl-l", "Redraw")], footer: "Esc 关闭")
            .render(in: b.bounds, into: &b, context: context)
        assertSnapshot(b, "help-\(size.0)x\(size.1)")
    }
}

@Suite struct TableBehaviourTests {
    func table(_ n: Int) -> Table {
        var t = Table(columns: [TableColumn("A", width: 5)])
        t.rows = (0..<n).map { i in i % 4 == 0 ? TableRow(["group \(i)"], selectable: false) : TableRow(["row \(i)"]) }
        return t
    }

    @Test func movesSkipGroupRows() {
        var t = table(9)
        t.moveToTop()
        #expect(t.selected == 1)
        t.move(1); t.move(1); t.move(1)
        #expect(t.selected == 5)
        t.move(-1)
        #expect(t.selected == 3)
        t.moveToBottom()
        #expect(t.selected == 7)
        t.move(100)
        #expect(t.selected == 7)
    }

    @Test func selectionStaysVisible() {
        var t = table(100)
        t.selected = 50
        t.scrollToSelection(height: 11)
        #expect(t.offset == 41)
        t.selected = 3
        t.scrollToSelection(height: 11)
        #expect(t.offset == 3)
    }

    @Test func widthsFitTheSpace() {
        let t = Table(columns: [TableColumn("a", width: 8), TableColumn("b", width: 10, flex: 2), TableColumn("c", width: 6, flex: 1)])
        #expect(t.widths(total: 80).reduce(0, +) + 2 == 80)
        #expect(t.widths(total: 20).reduce(0, +) + 2 <= 20)
    }

    @Test func chineseColumnsLineUp() {
        var b = CellBuffer(width: 60, height: 6)
        var t = Table(columns: [TableColumn("Name", width: 20), TableColumn("Code", width: 8)])
        t.rows = WidgetSnapshotTests.customers.map { TableRow([$0[1], $0[0]]) }
        t.render(in: b.bounds, into: &b, context: RenderContext(theme: .builtIn, glyphs: .unicode))
        for line in b.lines().dropFirst() where !line.allSatisfy({ $0 == " " }) {
            let prefix = line.prefix { $0 != "C" || !line.contains("C00") }
            #expect(DisplayWidth.of(String(line[..<(line.range(of: "C00")?.lowerBound ?? line.endIndex)])) == 21, "\(prefix)")
        }
    }
}
