import TestSupport
import Domain
import Store
import Testing
@testable import Workspaces

@Suite struct FormModelTests {
    let today = DemoFixture.today

    func form() -> FormModel {
        FormModel(fields: [
            .init("name", label: "field.name", rule: .text(required: true, max: 10)),
            .init("amount", label: "field.amount", rule: .money),
            .init("status", label: "field.status", rule: .choice(CustomerStatus.allCases.map { .init(value: $0.rawValue, label: "status.\($0.rawValue)") }), value: "lead"),
        ], today: today)
    }

    @Test func typingIntoAFilledFieldReplacesIt() {
        var f = FormModel(fields: [
            .init("name", label: "field.name", rule: .text(required: true, max: 40), value: "Northwind"),
            .init("next", label: "field.next-contact", rule: .date(required: false), value: "2026-12-06"),
            .init("status", label: "field.status", rule: .choice(CustomerStatus.allCases.map { .init(value: $0.rawValue, label: "status.\($0.rawValue)") }), value: "lead"),
        ], today: today)
        // ← first: editing in place appends where the cursor is.
        _ = f.handle(.end); for c in " Ltd" { _ = f.handle(.type(c)) }
        #expect(f.value("name") == "Northwind Ltd")
        // Arriving at the date: "+1" replaces it (not 2026-12-06+1), and it is valid.
        _ = f.handle(.next)
        for c in "+1" { _ = f.handle(.type(c)) }
        #expect(f.value("next") == "+1" && FieldRule.date(f.value("next"), today: today) == today.adding(days: 1))
        // Back to the name: Backspace on arrival clears it; typing then writes anew.
        _ = f.handle(.previous); _ = f.handle(.backspace)
        #expect(f.value("name").isEmpty)
        for c in "南风" { _ = f.handle(.type(c)) }
        #expect(f.value("name") == "南风")
        // A choice selects by type-ahead, whatever it held.
        _ = f.handle(.next); _ = f.handle(.next); _ = f.handle(.type("a"))
        #expect(f.value("status") == "active")
    }

    @Test func typingMovingAndValidatingWhereTyped() {
        var f = form()
        for c in "北京" { _ = f.handle(.type(c)) }
        _ = f.handle(.backspace)
        #expect(f.value("name") == "北")
        #expect(f.handle(.enter) == .stay)
        #expect(f.focus == 1)
        for c in "-12" { _ = f.handle(.type(c)) }
        _ = f.handle(.enter)
        #expect(f.fields[1].error == FieldError("error.negative", "-12"))
        #expect(f.focus == 1)  // Enter stays on a field in error
        _ = f.handle(.home); _ = f.handle(.delete)
        #expect(f.fields[1].error == nil)
        _ = f.handle(.enter)
        _ = f.handle(.type("a"))  // type-ahead on a choice
        #expect(f.value("status") == "active")
        _ = f.handle(.right)
        #expect(f.value("status") == "dormant")
        #expect(f.handle(.enter) == .submit)
    }

    @Test func ctrlSChecksEveryFieldAndEscAsksBeforeDiscarding() {
        var f = form()
        f.focus = 2
        #expect(f.handle(.save) == .stay)
        #expect(f.focus == 0)
        #expect(f.fields[0].error == FieldError("error.required"))
        #expect(f.handle(.cancel) == .close)  // nothing typed yet: no question
        _ = f.handle(.type("x"))
        #expect(f.handle(.cancel) == .stay)
        #expect(f.askingDiscard)
        #expect(f.handle(.confirmDiscard(false)) == .stay)
        #expect(f.value("name") == "x")
        _ = f.handle(.cancel)
        #expect(f.handle(.confirmDiscard(true)) == .close)
    }

    @Test func lookupMatchesLabelOrSearchTextAndTakesTheHighlightedOne() {
        var f = FormModel(fields: [.init("product", label: "field.product", rule: .lookup([
            .init(value: "1", label: "P-001 螺丝 Screw", search: "luosi ls"), .init(value: "2", label: "P-002 螺母 Nut", search: "luomu lm"),
            .init(value: "3", label: "Q-100 垫圈 Washer", search: "dianquan dq"),
        ]))], today: today)
        for c in "luo" { _ = f.handle(.type(c)) }
        #expect(f.fields[0].matches.map(\.value) == ["1", "2"])
        _ = f.handle(.down)
        #expect(f.handle(.enter) == .submit)
        #expect(f.value("product") == "P-002 螺母 Nut")
        _ = f.handle(.clear)
        for c in "zzz" { _ = f.handle(.type(c)) }
        #expect(f.handle(.enter) == .stay)
        #expect(f.fields[0].error == FieldError("error.unknown", "zzz"))
    }

    @Test(arguments: [
        (FieldRule.date(required: true), "12-32", "error.date"), (.date(required: true), "", "error.required"),
        (.pastDate(required: false), "+1", "error.future-date"), (.phone, "call me", "error.phone"), (.email, "a@b", "error.email"),
        (.money, "12.345", "error.money"), (.money, "abc", "error.money"), (.money, "-1", "error.negative"),
        (.percent, "120", "error.percent-range"), (.percent, "ten", "error.percent"), (.integer(0...365), "400", "error.range"),
        (.qq, "12", "error.qq"), (.text(required: false, max: 3), "abcd", "error.too-long"),
    ])
    func badValuesAreNamedAtTheField(_ rule: FieldRule, _ value: String, _ key: String) {
        #expect(rule.check(value, today: today)?.key == key)
    }

    @Test func goodValuesPass() {
        for (rule, value) in [(FieldRule.date(required: true), "t"), (.date(required: true), "+1w"), (.money, "1,234.50"), (.percent, "12.5 %"),
                              (.phone, "+86 (10) 6512-3456"), (.email, "li@example.cn"), (.pastDate(required: true), "-3")] {
            #expect(rule.check(value, today: today) == nil, "\(value)")
        }
    }
}

@Suite struct EditorFlowTests {
    static let today = DemoFixture.today

    /// Runs effects through the real runner until none are left.
    func drive(_ model: inout AppModel, _ runner: EffectRunner, _ action: AppModel.Action) {
        var pending = model.handle(action, now: 0)
        while !pending.isEmpty {
            let e = pending.removeFirst()
            for a in runner.perform(e, session: model.session) { pending += model.handle(a, now: 0) }
        }
    }

    /// A `:` command typed and run.
    func palette(_ command: String, _ model: inout AppModel, _ runner: EffectRunner) {
        _ = model.handle(.openPalette, now: 0)
        for c in command { _ = model.handle(.palette(.type(c)), now: 0) }
        drive(&model, runner, .palette(.run))
    }

    /// The form on screen, if any.
    func editor(_ model: AppModel) -> EditorModel? {
        if case .editor(let e)? = model.current { return e }
        return nil
    }

    /// Types into the focused field, key by key.
    func type(_ text: String, _ model: inout AppModel, _ runner: EffectRunner) {
        for c in text { drive(&model, runner, .editor(.form(.type(c)))) }
    }

    func key(_ a: FormModel.Action, _ model: inout AppModel, _ runner: EffectRunner, times: Int = 1) {
        for _ in 0..<times { drive(&model, runner, .editor(.form(a))) }
    }

    func loggedIn(_ login: String, _ db: AppDatabase) -> (AppModel, EffectRunner) {
        let runner = EffectRunner(database: db, clock: FixedClock(EditorFlowTests.today))
        var model = AppModel(today: EditorFlowTests.today, login: login)
        for c in "demo" { _ = model.handle(.login(.type(c)), now: 0) }
        drive(&model, runner, .login(.submit))
        return (model, runner)
    }

    @Test func aFollowUpMarkedDoneCanBeUndoneFromTheToast() throws {
        let db = DemoFixture.make(inMemory: true)
        var (model, runner) = loggedIn("rep", db)
        let item = try #require(model.home.selectedItem)
        let before = try db.customerForEdit(id: item.record.id, by: try #require(model.session?.actor)).nextContactOn
        drive(&model, runner, .markDone)
        #expect(model.toast?.text == "saved.done-undo" && model.toast?.undo?.customerId == item.record.id)
        #expect(try db.customerForEdit(id: item.record.id, by: try #require(model.session?.actor)).nextContactOn == nil)
        #expect(model.keyContext().bindings.contains { $0.name == "undo" })
        drive(&model, runner, .undo)
        #expect(model.toast?.text == "saved.undone")
        #expect(try db.customerForEdit(id: item.record.id, by: try #require(model.session?.actor)).nextContactOn == before)
        #expect(!model.keyContext().bindings.contains { $0.name == "undo" })
    }

    @Test func logACallFromTheReminderPaneAndFindItUnderTomorrow() throws {
        let db = DemoFixture.make(inMemory: true)
        var (model, runner) = loggedIn("rep", db)
        let item = try #require(model.home.selectedItem)
        #expect(item.kind == .contactToday)
        drive(&model, runner, .logContact)
        guard case .editor(let editor)? = model.current else { Issue.record("no form"); return }
        #expect(editor.subject == item.title)
        #expect(editor.value("next_contact_on") == EditorFlowTests.today.adding(days: 14).iso)
        // Kind, with whom (the customer's contacts), date, then the summary.
        #expect(editor.form.fields.map(\.key).prefix(3) == ["kind", "contact", "happened_on"])
        for a: FormModel.Action in [.next, .next, .next] { drive(&model, runner, .editor(.form(a))) }
        for c in "asked about prices" { drive(&model, runner, .editor(.form(.type(c)))) }
        drive(&model, runner, .editor(.form(.next))); drive(&model, runner, .editor(.form(.next)))
        drive(&model, runner, .editor(.form(.clear)))
        for c in "+1" { drive(&model, runner, .editor(.form(.type(c)))) }
        drive(&model, runner, .editor(.form(.enter)))
        #expect(model.current == .home)
        #expect(model.toast?.text == "saved.contact-logged")
        let tomorrow = try #require(model.home.groups.first { $0.kind == .contactTomorrow })
        #expect(tomorrow.items.contains { $0.record == item.record })
    }

    @Test func aRefusedSaveKeepsTheFormAndItsInput() throws {
        let db = DemoFixture.make(inMemory: true)
        var (model, runner) = loggedIn("rep", db)
        var opened = model.run(command: "customers", now: 0)
        while !opened.isEmpty { for a in runner.perform(opened.removeFirst(), session: model.session) { opened += model.handle(a, now: 0) } }
        drive(&model, runner, .newRecord)
        guard case .editor(let fresh)? = model.current else { Issue.record("no form"); return }
        #expect(fresh.value("code").hasPrefix("C"))
        for c in "北京华联商厦集团" { drive(&model, runner, .editor(.form(.type(c)))) }
        drive(&model, runner, .editor(.form(.save)))
        guard case .editor(let held)? = model.current else { Issue.record("form closed"); return }
        #expect(held.blocking && held.hints.contains { $0.rule == .sameName })
        #expect(held.value("name") == "北京华联商厦集团")
        drive(&model, runner, .editor(.saveAnyway))  // refused for an equal name
        guard case .editor(let still)? = model.current else { Issue.record("form closed"); return }
        #expect(still.reviewingHints)
        drive(&model, runner, .editor(.claimHint))  // the first look-alike is the rep's own: nothing to claim
        guard case .editor(let own)? = model.current else { Issue.record("form closed"); return }
        #expect(own.notice?.key == "duplicate.yours" && own.reviewingHints)
        let other = try #require(own.hints.firstIndex { $0.ownerId != model.session?.actor.userId })
        drive(&model, runner, .editor(.moveHint(other)))
        drive(&model, runner, .editor(.claimHint))
        guard case .editor(let claim)? = model.current, case .claim = claim.purpose else { Issue.record("no claim form"); return }
        for c in "met them first" { drive(&model, runner, .editor(.form(.type(c)))) }
        drive(&model, runner, .editor(.form(.enter)))
        #expect(model.toast?.text == "saved.claim")
        #expect(model.currentList?.kind == .customers)
    }
}
