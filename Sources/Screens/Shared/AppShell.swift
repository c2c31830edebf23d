import Domain
import Foundation
import TerminalCore
import Widgets
import Workspaces

/// The app: one loop on the main actor that drains keys, applies actions, runs effects in the
/// background, drains the inbox, notices data and date changes, and presents only changed cells.
@MainActor
public final class AppShell {
    public private(set) var model: AppModel
    let runner: EffectRunner
    let terminal: any TerminalDevice
    let config: UIConfig
    let router: KeyRouter
    let inbox = Inbox()
    let watcher: (any ChangeSource)?
    let clock: any Clock
    let companyName: String
    var context: RenderContext
    var dirty = true
    var pending = 0
    var lastPoll: Int64 = 0
    var lastActivity = Date()
    /// Set by signal handlers (through `stopRequested`); the loop ends cleanly.
    public var stopRequested: @MainActor () -> Bool = { false }

    public init(model: AppModel, runner: EffectRunner, terminal: any TerminalDevice, config: UIConfig, watcher: (any ChangeSource)?, clock: any Clock, companyName: String) {
        self.model = model; self.runner = runner; self.terminal = terminal; self.config = config
        self.watcher = watcher; self.clock = clock; self.companyName = companyName
        router = KeyRouter(keymap: config.keymap)
        context = RenderContext(theme: config.theme.downgraded(to: terminal.colorDepth), glyphs: terminal.glyphs)
    }

    /// True while background work is out or results wait in the inbox.
    public var isBusy: Bool { pending > 0 || !inbox.isEmpty }

    public func run() async {
        present()
        while !model.quitting && !stopRequested() {
            let worked = step()
            if worked { lastActivity = Date() }
            if isBusy || Date().timeIntervalSince(lastActivity) < 1 {
                try? await Task.sleep(nanoseconds: 16_000_000)
            } else {
                // Idle: block on the terminal until a key comes, but wake at least every 250 ms
                // to poll for data changes, the date and signals.
                terminal.waitForInput(milliseconds: 250)
            }
        }
    }

    /// One pass of the loop without sleeping. Returns whether anything happened.
    @discardableResult
    public func step() -> Bool {
        var worked = false
        while let key = terminal.readKey() {
            worked = true
            handle(key)
            if model.quitting { return true }
        }
        for batch in inbox.drain() {
            pending -= 1
            for action in batch { apply(action) }
            worked = true
        }
        let now = clock.nowSeconds()
        if now != lastPoll {
            lastPoll = now
            apply(.tick(now: now))
            let today = clock.today()
            if today != model.today { apply(.dayChanged(today)) }
            if watcher?.changed() == true { apply(.dataChanged) }
        }
        if dirty { present(); worked = true }
        return worked
    }

    public func handle(_ key: KeyEvent) {
        switch router.route(key, model: model) {
        case .action(let a): apply(a)
        case .redraw: terminal.invalidate(); dirty = true
        case .none: break
        }
    }

    public func apply(_ action: AppModel.Action) {
        let before = model
        let effects = model.handle(action, now: clock.nowSeconds())
        if model != before { dirty = true }
        for e in effects { dispatch(e) }
    }

    func dispatch(_ effect: Effect) {
        switch effect {
        case .quit: return
        case .export(.list(let query, let search, _), let format):
            // Exports speak the user's language: column titles and statuses through the catalog.
            run(.export(.list(query, search: search, labels: config.catalog.exportLabels()), format))
        case .export(.cardTable(let ref, let section, let columns, let name, _), let format):
            run(.export(.cardTable(ref, section: section, columns: columns, name: name, labels: config.catalog.exportLabels()), format))
        case .export(.document(let ref, _), let format):
            run(.export(.document(ref, labels: config.catalog.exportLabels()), format))
        default:
            run(effect)
        }
    }

    func run(_ effect: Effect) {
        pending += 1
        let runner = self.runner, session = model.session, inbox = self.inbox
        Task.detached(priority: .userInitiated) {
            let actions = runner.perform(effect, session: session)
            inbox.post(actions)
        }
    }

    public func present() {
        terminal.present(render())
        dirty = false
    }

    public static let minimumSize = (width: 80, height: 24)

    public func render() -> CellBuffer {
        let (w, h) = terminal.size
        return AppShell.render(model: model, width: w, height: h, context: context, catalog: config.catalog, keymap: config.keymap, companyName: companyName)
    }

    /// The whole frame for a model at a size: headless, used by the app and by snapshot tests.
    public static func render(model: AppModel, width w: Int, height h: Int, context: RenderContext, catalog: Catalog, keymap: Keymap, companyName: String) -> CellBuffer {
        var buffer = CellBuffer(width: w, height: h, fill: Cell(" ", style: context.style("default")))
        if w < minimumSize.width || h < minimumSize.height {
            let text = catalog.text("app.too-small", "\(w)×\(h)")
            let lines = wrap(text, width: max(10, w - 2))
            for (i, line) in lines.enumerated() {
                buffer.put(line, x: max(0, (w - DisplayWidth.of(line)) / 2), y: max(0, h / 2 - lines.count / 2 + i), style: context.style("input.error"))
            }
            return buffer
        }
        let screen = Rect(x: 0, y: 0, width: w, height: h)
        let body = Rect(x: 0, y: 1, width: w, height: h - 2)
        titleBar(model: model, width: w, into: &buffer, context: context, catalog: catalog, companyName: companyName)
        if let session = model.session {
            // A form is drawn over the screen it was opened from.
            switch model.baseScreen {
            case .home?, nil: RoleHomeScreen.render(model.home, session: session, in: body, into: &buffer, context: context, catalog: catalog)
            case .list(let m)?: ListScreen.render(m, in: body, into: &buffer, context: context, catalog: catalog)
            case .card(let card)?:
                // A product's stock is counted and moved by those who may.
                let writable = [.product, .stockLevel].contains(card.ref.kind) && session.actor.can(.adjustStock)
                RecordCardScreen.render(card, in: body, into: &buffer, context: context, catalog: catalog, empty: emptyTabText(model, keymap: keymap, catalog: catalog),
                                        writable: writable)
            case .editor?: break
            }
            if case .editor(let editor)? = model.current {
                buffer.cursor = nil
                EditorScreen.render(editor, in: body, into: &buffer, context: context, catalog: catalog, keys: BindingText(keymap: keymap, catalog: catalog))
            }
            statusBar(model: model, keymap: keymap, catalog: catalog).render(in: screen.row(h - 1), into: &buffer, context: context)
        } else {
            LoginScreen.render(model.loginModel, company: companyName, in: body, into: &buffer, context: context, catalog: catalog, keys: BindingText(keymap: keymap, catalog: catalog))
        }
        let text = BindingText(keymap: keymap, catalog: catalog)
        let choices = text.choices(model.keyContext().bindings)
        switch model.overlay {
        case .help?:
            HelpOverlay(title: catalog.text("help.title"), entries: text.helpEntries(model.screenBindings()), footer: catalog.text("help.footer")).render(in: screen, into: &buffer, context: context)
        case .palette(let p)?:
            let entries = p.matches.map { (command: ":" + $0.name, description: catalog.text($0.titleKey)) }
            CommandPalette(title: catalog.text("palette.title"), query: p.query, entries: entries, selected: p.selected).render(in: body, into: &buffer, context: context)
        case .confirmQuit?:
            ConfirmDialog(title: catalog.text("quit.title"), message: catalog.text("quit.question"), choices: choices).render(in: screen, into: &buffer, context: context)
        case .claimDecision(let claim)?:
            let message = catalog.text("claim.question", claim.claimant).replacingOccurrences(of: "%2", with: claim.customerName)
                .replacingOccurrences(of: "%3", with: claim.owner.isEmpty ? "—" : claim.owner) + "  " + claim.reason
            ConfirmDialog(title: catalog.text("claim.title"), message: message, choices: choices).render(in: screen, into: &buffer, context: context)
        case .preview(let p)?:
            PrintPreviewScreen.render(p, in: body, into: &buffer, context: context, catalog: catalog)
        case .explanation(let key, let value, let e)?:
            let cells = CellText(catalog: catalog)
            let inputs = e.inputs.map { catalog.text($0.key) + ": " + cells.text($0.value) }
            InfoDialog(title: catalog.text(key) + "  " + cells.text(value), paragraphs: [catalog.text(e.formula), ""] + inputs, choices: choices)
                .render(in: screen, into: &buffer, context: context)
        case .oneTimePassword(let login, let password)?:
            ConfirmDialog(title: catalog.text("user.one-time-title"), message: catalog.text("user.one-time-message", arguments: [login, password]), choices: choices)
                .render(in: screen, into: &buffer, context: context)
        case .exportChoice?:
            let document: Bool = if case .document? = model.exportRequest() { true } else { false }
            ConfirmDialog(title: catalog.text("export.title"), message: catalog.text(document ? "export.question-document" : "export.question"), choices: choices)
                .render(in: screen, into: &buffer, context: context)
        case nil:
            break
        }
        if let t = model.toast {
            // A toast may name a key ("u undoes it"): in this keymap and language.
            let text = BindingText(keymap: keymap, catalog: catalog).fill(t.argument.map { catalog.text(t.text, arguments: [$0] + t.more) } ?? t.text)
            Toast(text: text, isError: t.isError).render(in: screen, into: &buffer, context: context)
        }
        return buffer
    }

    static func titleBar(model: AppModel, width: Int, into buffer: inout CellBuffer, context: RenderContext, catalog: Catalog, companyName: String) {
        let style = context.style("statusbar")
        buffer.fill(Rect(x: 0, y: 0, width: width, height: 1), style: style)
        var left = " " + catalog.text("app.name")
        if let s = model.session {
            left += " · " + catalog.text("role.\(s.role.rawValue)") + " · " + s.actor.displayName
            switch model.current {
            case .list(let m)?: left += " · " + catalog.text("list.\(m.kind.rawValue)")
            case .card(let m)?:
                let screens: [RecordRef.Kind: String] = [.performance: "screen.performance", .quoteList: "screen.quotes", .reminders: "screen.reminders",
                                                         .salesOrder: "screen.order", .shipment: "screen.shipment", .report: "screen.report",
                                                         .quotas: "title.quotas", .users: "title.users"]
                // Another rep's performance (the manager's, the assistant's view) is not "mine".
                let key = m.ref.kind == .performance && m.ref.id != s.actor.userId ? "screen.rep-performance" : screens[m.ref.kind] ?? "screen.card"
                left += " · " + catalog.text(key)
            case .editor(let e)?: left += " · " + catalog.text(e.title)
            default: left += " · " + catalog.text("screen.home")
            }
        }
        let right = model.today.iso + " "
        let room = max(0, width - DisplayWidth.of(right) - 1)
        buffer.put(DisplayWidth.truncate(left, to: room), x: 0, y: 0, style: style.with(.bold), maxWidth: room)
        buffer.put(right, x: width - DisplayWidth.of(right), y: 0, style: style)
    }

    /// What an empty card tab says: how to add what it lists, when a key here does that.
    static func emptyTabText(_ model: AppModel, keymap: Keymap, catalog: Catalog) -> String {
        guard let adds = model.keyContext().bindings.first(where: { $0.applies && ($0.name == "new-record" || $0.name == "ship") }) else {
            return catalog.text("card.empty-tab")
        }
        return catalog.text("card.empty-tab-add", arguments: [BindingText(keymap: keymap, catalog: catalog).fill("{\(adds.name)}"), catalog.text(adds.label)])
    }

    /// The bottom line: the hints of what keys do here now (an open overlay's, else the screen's).
    static func statusBar(model: AppModel, keymap: Keymap, catalog: Catalog) -> StatusBar {
        let hints = BindingText(keymap: keymap, catalog: catalog).hints(model.keyContext().bindings)
        var message = ""
        if model.overlay == nil, model.current == .home, model.home.loading { message = catalog.text("app.loading") }
        if model.overlay == nil, model.currentList?.loading == true { message = catalog.text("app.loading") }
        return StatusBar(hints: hints, message: message)
    }

    nonisolated static func wrap(_ text: String, width: Int) -> [String] { DisplayWidth.wrap(text, width: width) }
}
