import TerminalCore
import Workspaces

/// Turns a key into an action for the current screen and overlay, through the keymap.
public struct KeyRouter: Sendable {
    public var keymap: Keymap
    public init(keymap: Keymap) { self.keymap = keymap }

    public enum Result: Sendable, Equatable {
        case action(AppModel.Action)
        case redraw
        case none
    }

    public func route(_ key: KeyEvent, model: AppModel) -> Result {
        if key == .resize { return .redraw }
        switch model.overlay {
        case .confirmQuit?:
            switch key {
            case .char("y"), .char("Y"), .ctrl("c"): return .action(.confirmQuit(true))
            case .char("n"), .char("N"), .escape: return .action(.confirmQuit(false))
            default: return .none
            }
        case .palette?:
            switch key {
            case .escape: return .action(.closeOverlay)
            case .enter: return .action(.paletteRun)
            case .backspace: return .action(.paletteBackspace)
            case .up, .backTab: return .action(.paletteMove(-1))
            case .down, .tab: return .action(.paletteMove(1))
            case .char(let c) where c != ":": return .action(.paletteType(c))
            default: return .none
            }
        case .claimDecision?:
            switch key {
            case .char("y"), .char("Y"): return .action(.decideClaim(approve: true))
            case .char("n"), .char("N"): return .action(.decideClaim(approve: false))
            case .escape: return .action(.closeOverlay)
            default: return .none
            }
        case .preview?:
            switch key {
            case .up: return .action(.previewScroll(-1))
            case .down: return .action(.previewScroll(1))
            case .pageUp: return .action(.previewScroll(-20))
            case .pageDown, .char(" "): return .action(.previewScroll(20))
            case .enter, .char("p"): return .action(.sendPrint(toFile: false))
            case .char("s"): return .action(.sendPrint(toFile: true))
            case .escape, .char("q"): return .action(.closeOverlay)
            default: return .none
            }
        case .exportChoice?:
            switch key {
            case .char("x"), .char("X"), .enter: return .action(.exportAs(.xlsx))
            case .char("c"), .char("C"): return .action(.exportAs(.csv))
            case .escape: return .action(.closeOverlay)
            default: return .none
            }
        case .help?:
            switch keymap.action(for: key) {
            case "back"?, "help"?, "quit"?, "open"?: return .action(.closeOverlay)
            default: return .none
            }
        case nil:
            break
        }
        guard model.session != nil else { return routeLogin(key) }
        if case .editor(let editor)? = model.current { return routeEditor(key, editor) }
        if model.current == .customers, model.customers.typingQuery {
            switch key {
            case .escape: return .action(.customers(.clearSearch))
            case .enter: return .action(.customers(.acceptSearch))
            case .backspace: return .action(.customers(.searchBackspace))
            case .up: return .action(.customers(.move(.up)))
            case .down: return .action(.customers(.move(.down)))
            case .char(let c): return .action(.customers(.searchType(c)))
            default: return .none
            }
        }
        guard let name = keymap.action(for: key) else { return .none }
        switch name {
        case "move-up": return motion(.up, model)
        case "move-down": return motion(.down, model)
        case "page-up": return motion(.pageUp, model)
        case "page-down": return motion(.pageDown, model)
        case "top": return motion(.top, model)
        case "bottom": return motion(.bottom, model)
        case "open":
            switch model.current {
            case .home?: return .action(.home(.open))
            case .customers?: return .action(.customers(.open))
            case .card?: return .action(.openInCard)
            default: return .none
            }
        case "back":
            if model.current == .customers, model.customers.showingResults { return .action(.customers(.clearSearch)) }
            return .action(.back)
        case "search": return model.current == .customers ? .action(.customers(.beginSearch)) : .none
        case "quit": return key == .ctrl("c") ? .action(.confirmQuit(true)) : .action(.quit)
        case "help": return .action(.showHelp)
        case "palette": return .action(.openPalette)
        case "refresh": return .action(.refresh)
        case "redraw": return .redraw
        case "next-pane" where model.current.map({ if case .card = $0 { return true } else { return false } }) == true:
            return .action(.card(.nextTab))
        case "previous-pane" where model.current.map({ if case .card = $0 { return true } else { return false } }) == true:
            return .action(.card(.previousTab))
        case "next-tab", "previous-tab", "tab-1", "tab-2", "tab-3", "tab-4", "tab-5", "tab-6", "tab-7", "tab-8", "tab-9":
            guard case .card? = model.current else { return .none }
            if name == "next-tab" { return .action(.card(.nextTab)) }
            if name == "previous-tab" { return .action(.card(.previousTab)) }
            return .action(.card(.showTab((Int(name.dropFirst(4)) ?? 1) - 1)))
        case "sort": return model.current == .customers ? .action(.sort) : .none
        case "filter": return model.current == .customers ? .action(.filter) : .none
        case "log-contact": return .action(.logContact)
        case "postpone": return .action(.postpone)
        case "mark-done": return .action(.markDone)
        case "new-record": return .action(.newRecord)
        case "edit": return .action(.edit)
        case "copy": return .action(.copy)
        case "mark-sent": return .action(.markSent)
        case "accept": return .action(.accept)
        case "reject": return .action(.reject)
        case "print": return .action(.print)
        case "export": return .action(.export)
        default: return .none
        }
    }

    /// In a form, keys are typing; only Esc, Enter, Tab, arrows and Ctrl-S/Ctrl-U act.
    func routeEditor(_ key: KeyEvent, _ editor: EditorModel) -> Result {
        if editor.form.askingDiscard {
            switch key {
            case .char("y"), .char("Y"): return .action(.editor(.form(.confirmDiscard(true))))
            case .char("n"), .char("N"), .escape: return .action(.editor(.form(.confirmDiscard(false))))
            default: return .none
            }
        }
        if editor.reviewingHints {
            switch key {
            case .up: return .action(.editor(.moveHint(-1)))
            case .down: return .action(.editor(.moveHint(1)))
            case .char("c"), .char("C"): return .action(.editor(.claimHint))
            case .char("s"), .char("S"): return .action(.editor(.saveAnyway))
            case .escape: return .action(.editor(.backToForm))
            default: return .none
            }
        }
        if keymap.action(for: key) == "save" { return .action(.editor(.form(.save))) }
        let action: FormModel.Action
        switch key {
        case .escape, .ctrl("c"): action = .cancel
        case .enter: action = .enter
        case .tab: action = .next
        case .backTab: action = .previous
        case .down: action = .down
        case .up: action = .up
        case .left: action = .left
        case .right: action = .right
        case .home, .ctrl("a"): action = .home
        case .end, .ctrl("e"): action = .end
        case .backspace: action = .backspace
        case .delete: action = .delete
        case .ctrl("u"): action = .clear
        case .char(let c): action = .type(c)
        default: return .none
        }
        return .action(.editor(.form(action)))
    }

    func motion(_ m: ListMotion, _ model: AppModel) -> Result {
        switch model.current {
        case .home?: return .action(.home(.move(m)))
        case .customers?: return .action(.customers(.move(m)))
        case .card?: return .action(.card(.move(m)))
        case .editor?, nil: return .none
        }
    }

    func routeLogin(_ key: KeyEvent) -> Result {
        switch key {
        case .ctrl("c"): return .action(.confirmQuit(true))
        case .enter: return .action(.login(.submit))
        case .tab, .down: return .action(.login(.nextField))
        case .backTab, .up: return .action(.login(.previousField))
        case .backspace: return .action(.login(.backspace))
        case .ctrl("u"): return .action(.login(.clearField))
        case .char(let c): return .action(.login(.type(c)))
        default: return .none
        }
    }

    /// Actions offered on a screen, in help order (only ones the screen handles).
    public static func actions(for screen: AppModel.Screen?) -> [String] {
        switch screen {
        case .customers?: return ["move-down", "move-up", "page-down", "page-up", "top", "bottom", "open", "search", "sort", "filter", "new-record", "edit", "log-contact", "postpone", "mark-done", "export", "palette", "refresh", "help", "redraw", "back", "quit"]
        case .home?: return ["move-down", "move-up", "page-down", "page-up", "top", "bottom", "open", "log-contact", "postpone", "mark-done", "new-record", "palette", "refresh", "help", "redraw", "back", "quit"]
        case .card?: return ["move-down", "move-up", "page-down", "page-up", "next-tab", "previous-tab", "tab-1", "open", "new-record", "edit", "log-contact", "postpone", "mark-done",
                             "copy", "mark-sent", "accept", "reject", "print", "export", "back", "palette", "refresh", "help", "redraw", "quit"]
        case .editor?: return ["save", "back"]
        case nil: return []
        }
    }
}
