import Testing
import TerminalCore
@testable import Widgets

/// What does not fit says so: tabs past the right edge end in ›, hints past the status bar's end
/// in …, a long toast wraps onto a second line.
@Suite struct OverflowTests {
    let context = RenderContext(theme: .builtIn, glyphs: .unicode)

    @Test func tabsThatDoNotFitAreMarkedOnTheRight() {
        var b = CellBuffer(width: 40, height: 1)
        Tabs(titles: ["概览", "联系人 1", "联系记录 90", "商机 2", "报价单 16", "订单 2"], active: 0).render(in: Rect(x: 0, y: 0, width: 40, height: 1), into: &b, context: context)
        #expect(b.lines()[0].hasSuffix("›"))
        var all = CellBuffer(width: 80, height: 1)
        Tabs(titles: ["a", "b"], active: 1).render(in: Rect(x: 0, y: 0, width: 80, height: 1), into: &all, context: context)
        #expect(!all.lines()[0].contains("›"))
    }

    @Test func hintsThatDoNotFitEndInAnEllipsis() {
        var b = CellBuffer(width: 30, height: 1)
        StatusBar(hints: [("?", "help"), ("↑↓", "move"), ("Enter", "open"), ("x", "export"), ("Esc", "back")]).render(in: Rect(x: 0, y: 0, width: 30, height: 1), into: &b, context: context)
        #expect(b.text() == "? help ↑↓ move Enter open …")
    }

    @Test func aLongToastWraps() {
        var b = CellBuffer(width: 60, height: 6)
        Toast(text: "Exported 347 → customer-contact-log-2026-11-22.xlsx (/tmp/data/rapport/exports)", isError: false)
            .render(in: Rect(x: 0, y: 0, width: 60, height: 6), into: &b, context: context)
        let text = b.lines().joined()
        #expect(text.contains("customer-contact-log") && text.contains("exports)"))
    }

    @Test func aFormTallerThanItsBoxScrollsToTheFocusedField() {
        var form = Form(fields: (1...8).map { FormField(key: "f\($0)", label: "Field \($0)", kind: .text, value: "v\($0)") })
        var b = CellBuffer(width: 30, height: 4)
        form.render(in: b.bounds, into: &b, context: context)
        // More below: marked at the bottom edge.
        #expect(b.lines().map { $0.trimmingCharacters(in: .whitespaces) } == ["Field 1 v1", "Field 2 v2", "Field 3 v3", "▼Field 4 v4"])
        form.focus = 6
        b = CellBuffer(width: 30, height: 4)
        form.render(in: b.bounds, into: &b, context: context)
        #expect(b.lines().map { $0.trimmingCharacters(in: .whitespaces) } == ["▲Field 4 v4", "Field 5 v5", "Field 6 v6", "▼Field 7 v7"])
        #expect(b.cursor?.y == 3)
    }
}
