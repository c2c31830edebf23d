import Documents
import Domain
import Store

/// The shell's view model: login, the navigation stack, overlays and toasts. Screens turn keys
/// into `AppAction`s; `handle` returns the effects to run.
public struct AppModel: Sendable, Equatable {
    public enum Screen: Sendable, Equatable {
        case home
        /// A list (customers, open orders …).
        case list(ListViewModel)
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
        /// A one-time password just made for a login: shown this once, until a key closes it.
        case oneTimePassword(login: String, password: String)
        /// `?` on a KPI: its formula and inputs (`title`: the KPI's catalog key, `value` as shown).
        case explanation(title: String, value: CellValue, Explanation)
    }

    public struct ToastMessage: Sendable, Equatable {
        public var text: String
        public var isError: Bool
        public var until: Int64
        /// When set, `text` is a catalog key and this its argument.
        public var argument: String?
        /// Further values for `%2`, `%3` … of the key's text.
        public var more: [String] = []
        /// While the toast shows, `u` puts this back.
        public var undo: FollowUpUndo?
    }

    public var loginModel = LoginViewModel()
    public var session: Session?
    public var stack: [Screen] = []
    public var home = HomeViewModel()
    public var overlay: Overlay?
    public var toast: ToastMessage?
    public var quitting = false
    /// The report (or year of quotas) a step of `[` `]` asked for and not yet shown: the next
    /// step goes on from it, so keys pressed quickly each count.
    var steppingTo: RecordRef?
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
        /// To the list on screen.
        case list(ListViewModel.Action)
        /// A page or search result, to the list of that kind on the stack.
        case listResult(ListKind, ListViewModel.Action)
        case cardLoaded(RecordCard)
        /// A card opened on the tab of one of its tables.
        case cardOpened(RecordCard, section: String)
        /// A card on the stack read again (its ref as requested: a stock level reads as its product).
        case cardReloaded(RecordRef, RecordCard)
        case cardFailed(RecordRef, UserMessage)
        /// More rows of a table of a card on the stack.
        case cardPageLoaded(RecordRef, section: String, offset: Int, CardPage)
        case openPalette
        case palette(PaletteModel.Action)
        case showHelp
        case closeOverlay
        case back
        case quit
        case confirmQuit(Bool)
        /// `?` on a KPI row: how its figure was worked out.
        case explain
        /// `t` on the KPI dashboard: its KPIs month by month, for the same rep.
        case kpiTrend
        /// A user was saved with a new one-time password to show.
        case oneTimePassword(login: String, password: String)
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
        /// A follow-up was marked done: say so, with a few seconds to undo it.
        case doneMarked(FollowUpUndo)
        case undo
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
        /// On a quote (its card, or a quote row of a list): copy it, mark it sent, accept, reject.
        case quote(QuoteMove)
        /// On an order: ship it; on a posted shipment or receipt: void it.
        case document(DocumentMove)
        case print
        case printReady(PrintPreview)
        case preview(PrintPreview.Action)
        case export
        case exportAs(ExportFormat)
        /// A toast whose text is a catalog key with one argument.
        case notice(String, argument: String, isError: Bool)
        /// A refusal from the Store or a rule, said in the user's language.
        case refused(UserMessage)
        /// Ctrl-L: the terminal is drawn again from scratch (the model does not change).
        case redraw
        /// `[` `]` on a period report: the month before or after the one shown.
        case stepReport(Int)
        /// `h` on a record's card: its entries in the audit trail.
        case history
    }

    /// Applies an action; each area handles its own (navigation and overlays, cards, writes,
    /// quotes, documents) and returns the effects to run.
    public mutating func handle(_ action: Action, now: Int64) -> [Effect] {
        // A refusal belongs to the screen it was said on: going to another screen takes it away.
        let depth = stack.count
        defer { if stack.count != depth, toast?.isError == true { toast = nil } }
        if let effects = handleNavigation(action, now: now) { return effects }
        if let effects = handleCards(action, now: now) { return effects }
        if let effects = handleWrites(action, now: now) { return effects }
        if case .quote(let move) = action { return handleQuote(move) }
        if case .document(let move) = action { return handleDocumentMove(move) }
        if action == .history { return historyEffects() }
        return handleDocuments(action, now: now) ?? []
    }

    func can(_ c: Capability) -> Bool { session?.actor.can(c) ?? false }
    var canEditCustomers: Bool { can(.editOwnCustomers) || can(.editAllCustomers) }

    mutating func say(_ key: String, argument: String = "", more: [String] = [], isError: Bool, now: Int64) {
        toast = ToastMessage(text: key, isError: isError, until: now + 4, argument: argument, more: more)
    }

    mutating func refuse(_ m: UserMessage, now: Int64) {
        toast = ToastMessage(text: m.key, isError: true, until: now + 4, argument: m.arguments.first ?? "", more: Array(m.arguments.dropFirst()))
    }
}
