import TerminalCore
import Workspaces

/// Turns a key into an action: the keymap names the actions bound to the key, and the first
/// binding of the current screen or overlay that bears one of those names is the one it sends.
/// A binding that does not apply now says why instead. In text (a search, the palette, a form)
/// printable characters and the editing keys are typing.
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
        let context = model.keyContext()
        if let typing = context.typing, let action = KeyRouter.typed(key, typing) { return .action(action) }
        guard let binding = context.binding(forActionsNamed: keymap.actions(for: key)) else { return .none }
        if let reason = binding.unavailable { return .action(.notice(reason, argument: "", isError: true)) }
        if binding.action == .redraw { return .redraw }
        return .action(binding.action)
    }

    /// Keys that edit text where text is typed; nil for keys that go to the bindings.
    static func typed(_ key: KeyEvent, _ typing: KeyContext.Typing) -> AppModel.Action? {
        switch typing {
        case .palette:
            switch key {
            case .char(":"): return nil
            case .char(let c): return .palette(.type(c))
            case .backspace: return .palette(.backspace)
            case .ctrl("u"): return .palette(.erase)
            default: return nil
            }
        case .listSearch:
            switch key {
            case .char(let c): return .list(.searchType(c))
            case .backspace: return .list(.searchBackspace)
            case .ctrl("u"): return .list(.searchErase)
            default: return nil
            }
        case .login:
            switch key {
            case .char(let c): return .login(.type(c))
            case .backspace: return .login(.backspace)
            case .ctrl("u"): return .login(.clearField)
            default: return nil
            }
        case .form:
            let edit: FormModel.Action
            switch key {
            case .char(let c): edit = .type(c)
            case .left: edit = .left
            case .right: edit = .right
            case .home, .ctrl("a"): edit = .home
            case .end, .ctrl("e"): edit = .end
            case .backspace: edit = .backspace
            case .delete: edit = .delete
            case .ctrl("u"): edit = .clear
            default: return nil
            }
            return .editor(.form(edit))
        }
    }
}
