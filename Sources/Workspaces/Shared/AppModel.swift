import Documents
import Domain
import Store

/// The shell's view model: login, the navigation stack, overlays and toasts. Screens turn keys
/// into `AppAction`s; `handle` returns the effects to run.
public struct AppModel: Sendable, Equatable {
    public enum Screen: Sendable, Equatable {
        case home
        case customers
        case card(CardViewModel)
        case editor(EditorModel)
    }

    public enum Overlay: Sendable, Equatable {
        case help
        case palette(PaletteModel)
        case confirmQuit
        /// The manager decides a rep's claim: y approve, n reject, Esc later.
        case claimDecision(ClaimSummary)
        /// A document as it will print: Enter prints (or saves), s saves, Esc closes.
        case preview(PrintPreview)
        /// `x`: x for .xlsx, c for .csv, Esc.
        case exportChoice
    }

    public struct ToastMessage: Sendable, Equatable {
        public var text: String
        public var isError: Bool
        public var until: Int64
        /// When set, `text` is a catalog key and this its argument.
        public var argument: String?
    }

    public var loginModel = LoginViewModel()
    public var session: Session?
    public var stack: [Screen] = []
    public var home = HomeViewModel()
    public var customers = CustomerListViewModel()
    public var overlay: Overlay?
    public var toast: ToastMessage?
    public var quitting = false
    public var today: DateOnly

    public init(today: DateOnly, login: String = "") {
        self.today = today
        loginModel = LoginViewModel(login: login)
    }

    public var current: Screen? { stack.last }

    public enum Action: Sendable, Equatable {
        case login(LoginViewModel.Action)
        case home(HomeViewModel.Action)
        case card(CardViewModel.Action)
        case customers(CustomerListViewModel.Action)
        case cardLoaded(RecordCard)
        /// A card on the stack read again (its ref as requested: a stock level reads as its product).
        case cardReloaded(RecordRef, RecordCard)
        case cardFailed(RecordRef, String)
        /// More rows of a table of a card on the stack.
        case cardPageLoaded(RecordRef, section: String, offset: Int, CardPage)
        case openPalette
        case paletteType(Character)
        case paletteBackspace
        case paletteMove(Int)
        case paletteRun
        case showHelp
        case closeOverlay
        case back
        case quit
        case confirmQuit(Bool)
        case refresh
        case dataChanged
        case dayChanged(DateOnly)
        case toast(String, isError: Bool)
        case tick(now: Int64)
        // Writing: forms and the actions on a selected customer or reminder.
        case editor(EditorModel.Action)
        case editorReady(EditorModel)
        /// A write went through: close the form, say so, refresh what is on screen.
        case saved(toastKey: String, argument: String)
        case logContact
        case postpone
        case markDone
        case newRecord
        case edit
        /// Enter on a card: open or edit what the selected row of the current tab stands for.
        case openInCard
        case sort
        case filter
        case claimLoaded(ClaimSummary)
        case decideClaim(approve: Bool)
        /// Open a record's card (a quote just saved).
        case open(RecordRef)
        // On a quote (its card, or a quote row of a list): copy it, mark it sent, accept, reject.
        case copy
        case markSent
        case accept
        case reject
        case print
        case printReady(PrintPreview)
        case previewScroll(Int)
        case sendPrint(toFile: Bool)
        case export
        case exportAs(ExportFormat)
        /// A toast whose text is a catalog key with one argument.
        case notice(String, argument: String, isError: Bool)
        /// Ctrl-L: the terminal is drawn again from scratch (the model does not change).
        case redraw
    }

    public mutating func handle(_ action: Action, now: Int64) -> [Effect] {
        switch action {
        case .login(let a):
            var effects = loginModel.handle(a, now: now)
            if case .result(.success(let actor), _) = a {
                session = Session(actor: actor, today: today)
                stack = [.home]
                home = HomeViewModel()
                customers = CustomerListViewModel()
                effects.append(.loadHome)
            }
            return effects
        case .home(let a):
            return home.handle(a)
        case .customers(let a):
            return customers.handle(a)
        case .card(let a):
            guard case .card(var model)? = stack.last else { return [] }
            let effects = model.handle(a)
            stack[stack.count - 1] = .card(model)
            return effects
        case .cardLoaded(let card):
            if case .card(var model)? = stack.last, model.ref == card.ref || (model.ref.kind == .stockLevel && card.ref.kind == .product) {
                _ = model.handle(.loaded(card))
                stack[stack.count - 1] = .card(model)
            } else {
                var model = CardViewModel(ref: card.ref)
                _ = model.handle(.loaded(card))
                stack.append(.card(model))
            }
        case .cardReloaded(let ref, let card):
            // Read again, not opened: the card stays where it is in the stack (under a form, or
            // under a card a save just opened); a card no longer there is dropped.
            if let i = stack.lastIndex(where: { if case .card(let m) = $0 { return m.ref == ref } else { return false } }), case .card(var model) = stack[i] {
                _ = model.handle(.loaded(card))
                stack[i] = .card(model)
            }
        case .cardPageLoaded(let ref, let section, let offset, let page):
            if let i = stack.lastIndex(where: { if case .card(let m) = $0 { return m.ref == ref } else { return false } }), case .card(var model) = stack[i] {
                let effects = model.handle(.pageLoaded(section: section, offset: offset, page))
                stack[i] = .card(model)
                return effects
            }
        case .cardFailed(_, let message):
            toast = ToastMessage(text: message, isError: true, until: now + 4)
        case .openPalette:
            if let session { overlay = .palette(PaletteModel(role: session.role)) }
        case .paletteType(let c):
            if case .palette(var p)? = overlay { p.query.append(c); p.selected = 0; overlay = .palette(p) }
        case .paletteBackspace:
            if case .palette(var p)? = overlay {
                if p.query.isEmpty { overlay = nil } else { p.query.removeLast(); p.selected = 0; overlay = .palette(p) }
            }
        case .paletteMove(let d):
            if case .palette(var p)? = overlay { p.selected = max(0, min(p.matches.count - 1, p.selected + d)); overlay = .palette(p) }
        case .paletteRun:
            guard case .palette(let p)? = overlay else { return [] }
            overlay = nil
            guard p.matches.indices.contains(p.selected) else { return [] }
            return run(command: p.matches[p.selected].name, now: now)
        case .showHelp:
            overlay = overlay == .help ? nil : .help
        case .closeOverlay:
            overlay = nil
        case .back:
            if overlay != nil { overlay = nil } else if stack.count > 1 { stack.removeLast() }
        case .quit:
            if session == nil || stack.count <= 1 { overlay = .confirmQuit } else { stack.removeLast() }
        case .confirmQuit(let yes):
            overlay = nil
            if yes { quitting = true; return [.quit] }
        case .refresh:
            return refreshEffects()
        case .dataChanged:
            return session == nil ? [] : refreshEffects()
        case .dayChanged(let d):
            today = d
            session?.today = d
            return session == nil ? [] : refreshEffects()
        case .toast(let text, let isError):
            toast = ToastMessage(text: text, isError: isError, until: now + 4)
        case .tick(let t):
            if let toast, toast.until <= t { self.toast = nil }
            return loginModel.handle(.tick(now: t), now: t)
        case .editor(let a):
            guard case .editor(var editor)? = stack.last else { return [] }
            let outcome = editor.handle(a)
            stack[stack.count - 1] = .editor(editor)
            switch outcome {
            case .stay: return []
            case .close: stack.removeLast()
            case .save where editor.purpose == .filterCustomers:
                stack.removeLast()
                return customers.handle(.setFilter(editor.filterValue))
            case .save(let acceptSimilar): return [.saveEditor(editor, acceptSimilar: acceptSimilar)]
            case .claim(let hint) where hint.ownerId == session?.actor.userId:
                editor.notice = EditorModel.Notice(key: "duplicate.yours", argument: hint.name, isError: true)
                stack[stack.count - 1] = .editor(editor)
            case .claim(let hint): stack[stack.count - 1] = .editor(EditorModel.claim(hint, today: today))
            }
        case .editorReady(let editor):
            if case .editor? = stack.last { stack[stack.count - 1] = .editor(editor) } else { stack.append(.editor(editor)) }
        case .saved(let key, let argument):
            if case .editor? = stack.last { stack.removeLast() }
            toast = ToastMessage(text: key, isError: false, until: now + 4, argument: argument)
            return refreshEffects()
        case .logContact:
            if let (id, name) = selectedCustomer(), can(.logContacts) { return [.openEditor(.logContact(customerId: id, name: name))] }
        case .postpone:
            if let (id, name) = selectedCustomer(), can(.logContacts) { return [.openEditor(.postpone(customerId: id, name: name))] }
        case .markDone:
            if let (id, name) = selectedCustomer(), can(.logContacts) { return [.markContactDone(customerId: id, name: name)] }
        case .newRecord:
            if case .card(let m)? = current, m.ref.kind == .customer, let title = m.card?.title {
                switch m.currentSection?.title {
                case "section.contacts"? where canEditCustomers: return [.openEditor(.newContact(customerId: m.ref.id, name: title))]
                case "section.opportunities"? where can(.editQuotes): return [.openEditor(.newOpportunity(customerId: m.ref.id, name: title))]
                case "section.contact-log"? where can(.logContacts): return [.openEditor(.logContact(customerId: m.ref.id, name: title))]
                case "section.quotes"? where can(.editQuotes): return [.openEditor(.newQuote(customerId: m.ref.id, name: title))]
                default: return []
                }
            }
            if current == .customers || current == .home, canEditCustomers {
                return [.openEditor(.newCustomer(name: current == .customers ? customers.query : ""))]
            }
        case .edit:
            if let id = selectedQuote(), can(.editQuotes) { return [.openEditor(.editQuote(id: id))] }
            if case .card(let m)? = current, let ref = m.selectedRef, let title = m.card?.title {
                return editEffects(ref, customerName: title)
            }
            if let (id, _) = selectedCustomer(), canEditCustomers { return [.openEditor(.editCustomer(id: id))] }
        case .sort:
            if current == .customers { return customers.handle(.cycleSort) }
        case .filter:
            if current == .customers { return [.openEditor(.filterCustomers(customers.filter))] }
        case .openInCard:
            guard case .card(let m)? = current, let ref = m.selectedRef else { return [] }
            let edit = editEffects(ref, customerName: m.card?.title ?? "")
            return edit.isEmpty ? [.loadCard(ref)] : edit
        case .claimLoaded(let claim):
            overlay = .claimDecision(claim)
        case .decideClaim(let approve):
            guard case .claimDecision(let claim)? = overlay else { return [] }
            overlay = nil
            return [.decideClaim(id: claim.id, approve: approve, customer: claim.customerName)]
        case .open(let ref):
            return [.loadCard(ref)]
        case .copy:
            if let id = selectedQuote(), can(.editQuotes) { return [.openEditor(.copyQuote(id: id))] }
        case .markSent:
            if let id = selectedQuote(), can(.editQuotes) { return [.markQuoteSent(id: id, number: selectedQuoteNumber() ?? "")] }
        case .accept:
            if let id = selectedQuote(), can(.editQuotes) { return [.openEditor(.acceptQuote(id: id))] }
        case .reject:
            if let id = selectedQuote(), can(.editQuotes) { return [.openEditor(.rejectQuote(id: id))] }
        case .print:
            if let ref = printableRef() { return [.preparePrint(ref)] }
            toast = ToastMessage(text: "print.nothing", isError: true, until: now + 4, argument: "")
        case .printReady(let preview):
            overlay = .preview(preview)
        case .previewScroll(let delta):
            if case .preview(var p)? = overlay {
                p.scroll = max(0, min(max(0, p.lines.count - 1), p.scroll + delta))
                overlay = .preview(p)
            }
        case .sendPrint(let toFile):
            guard case .preview(let p)? = overlay else { return [] }
            overlay = nil
            return [.print(p, toFile: toFile || p.printer == nil)]
        case .export:
            if canExport { overlay = .exportChoice } else {
                toast = ToastMessage(text: "export.nothing", isError: true, until: now + 4, argument: "")
            }
        case .exportAs(let format):
            overlay = nil
            if let request = exportRequest() { return [.export(request, format)] }
        case .notice(let key, let argument, let isError):
            toast = ToastMessage(text: key, isError: isError, until: now + 4, argument: argument)
        case .redraw:
            break
        }
        return []
    }

    /// The document `p` prints: the open quote, order or purchase order, or the one selected in
    /// a card's table.
    public func printableRef() -> RecordRef? {
        guard case .card(let m)? = current else { return nil }
        let printable: Set<RecordRef.Kind> = [.quote, .salesOrder, .purchaseOrder]
        if printable.contains(m.ref.kind) { return m.ref }
        if let ref = m.selectedRef, printable.contains(ref.kind) { return ref }
        return nil
    }

    /// Whether `x` has something to export here (cheap: the status bar asks every frame).
    public var canExport: Bool {
        switch current {
        case .customers?: return true
        case .card(let m)?: return !(m.currentSection?.rows.isEmpty ?? true)
        default: return false
        }
    }

    /// What `x` exports: the customer list with its sort and filter (or search), or the whole
    /// table of the card's current tab.
    public func exportRequest() -> ExportRequest? {
        switch current {
        case .customers?:
            return .customers(sort: customers.sort, filter: customers.filter, query: customers.showingResults ? customers.query : nil)
        case .card(let m)?:
            guard let section = m.currentSection, !section.rows.isEmpty else { return nil }
            let name = "\(m.ref.kind.rawValue)-" + section.title.replacingOccurrences(of: "section.", with: "")
            return .cardTable(m.ref, section: section.title, columns: section.columns, name: name)
        default:
            return nil
        }
    }

    /// The quote the user is on: an open quote card, or a quote row of a card's table.
    public func selectedQuote() -> Int64? {
        guard case .card(let m)? = current else { return nil }
        if m.ref.kind == .quote { return m.ref.id }
        if let ref = m.selectedRef, ref.kind == .quote { return ref.id }
        return nil
    }

    /// The selected quote's status as shown (`status.draft` …), to offer only the moves it allows.
    public func selectedQuoteStatus() -> QuoteStatus? {
        guard case .card(let m)? = current, selectedQuote() != nil,
              case .status(let key)? = m.ref.kind == .quote ? m.card?.field("field.status") : m.selectedCell("col.status") else { return nil }
        return QuoteStatus(rawValue: String(key.dropFirst("status.".count)))
    }

    func selectedQuoteNumber() -> String? {
        guard case .card(let m)? = current else { return nil }
        return (m.ref.kind == .quote ? m.card?.field("field.number") : m.selectedCell("col.number"))?.plainText
    }

    func can(_ c: Capability) -> Bool { session?.actor.can(c) ?? false }
    var canEditCustomers: Bool { can(.editOwnCustomers) || can(.editAllCustomers) }

    /// Contacts and opportunities open in their form; other rows have no form here.
    func editEffects(_ ref: RecordRef, customerName: String) -> [Effect] {
        switch ref.kind {
        case .contact where canEditCustomers: return [.openEditor(.editContact(id: ref.id, customerName: customerName))]
        case .opportunity where can(.editQuotes): return [.openEditor(.editOpportunity(id: ref.id, customerName: customerName))]
        default: return []
        }
    }

    /// The customer the user is pointing at: the selected reminder (if it is about a customer),
    /// the selected row of the customer list, or the open customer card.
    public func selectedCustomer() -> (Int64, String)? {
        switch current {
        case .home?:
            guard let item = home.selectedItem, item.record.kind == .customer else { return nil }
            return (item.record.id, item.title)
        case .customers?:
            guard customers.rows.indices.contains(customers.selected) else { return nil }
            let row = customers.rows[customers.selected]
            return (row.id, row.name)
        case .card(let m)?:
            guard m.ref.kind == .customer else { return nil }
            return (m.ref.id, m.card?.title ?? "")
        default:
            return nil
        }
    }

    /// The screen a form was opened from (forms are drawn over it), or the current screen.
    public var baseScreen: Screen? {
        stack.last { if case .editor = $0 { return false } else { return true } }
    }

    /// After a write (here or by another process), a refresh or a new day: every screen on the
    /// stack reads its data again where it stands — the home, the customer list, each card
    /// (the customer card under a quote just accepted too). Open forms keep what is typed.
    mutating func refreshEffects() -> [Effect] {
        var effects: [Effect] = [.loadHome]
        if stack.contains(.customers) { effects += customers.handle(.refresh) }
        var seen = Set<RecordRef>()
        for case .card(let m) in stack where seen.insert(m.ref).inserted { effects.append(.reloadCard(m.ref)) }
        return effects
    }

    mutating func run(command: String, now: Int64) -> [Effect] {
        guard let session, PaletteCommand.available(to: session.role).contains(where: { $0.name == command }) else { return [] }
        switch command {
        case "home", "reminders":
            stack = [.home]
            return [.loadHome]
        case "customers":
            if current != .customers { stack.append(.customers) }
            customers = CustomerListViewModel()
            return [customers.load(after: nil, backwards: false, reset: true)]
        case "performance":
            return [.loadCard(RecordRef(.performance, session.actor.userId))]
        case "new-customer":
            return [.openEditor(.newCustomer(name: ""))]
        case "quotes":
            return [.loadCard(RecordRef(.quoteList, session.actor.userId))]
        case "new-quote":
            if let (id, name) = selectedCustomer() { return [.openEditor(.newQuote(customerId: id, name: name))] }
            toast = ToastMessage(text: "palette.pick-customer", isError: true, until: now + 4, argument: "")
        case "refresh":
            return refreshEffects()
        case "help":
            overlay = .help
        case "logout":
            self = AppModel(today: today, login: session.actor.login)
        case "quit":
            overlay = .confirmQuit
        default:
            break
        }
        return []
    }
}
