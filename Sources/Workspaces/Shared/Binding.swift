import Domain

/// One thing a key can do where the user is: the action's stable kebab-case name (what
/// `keys.toml` rebinds), the catalog key of its short label, the action it sends, the
/// capabilities that allow it (any one; none means every role), and — when it does not apply to
/// what is selected now — the catalog key of the reason. Key routing, the status bar's hints and
/// the help overlay are all read from one list of these per screen and overlay.
public struct Binding: Sendable, Equatable {
    public var name: String
    public var label: String
    public var action: AppModel.Action
    public var capabilities: [Capability]
    public var unavailable: String?
    /// Shown in the status bar (help lists every binding that applies).
    public var hint: Bool
    /// Bindings that share a group show as one hint (`↑↓ move`) with the group's label, and as
    /// one line of help.
    public var group: String?
    /// The catalog key of the help line: `action.NAME` unless this screen gives the key a
    /// meaning of its own (`a` adds a contact on the contacts tab).
    public var help: String

    public init(_ name: String, _ label: String, _ action: AppModel.Action, help: String? = nil, needs capabilities: [Capability] = [],
                unavailable: String? = nil, hint: Bool = true, group: String? = nil) {
        self.name = name; self.label = label; self.action = action; self.capabilities = capabilities
        self.unavailable = unavailable; self.hint = hint; self.group = group; self.help = help ?? "action.\(name)"
    }

    public var applies: Bool { unavailable == nil }

    /// This binding, not applying now, with the reason why.
    public func unless(_ condition: Bool, _ reason: String) -> Binding {
        var b = self
        if !condition, b.unavailable == nil { b.unavailable = reason }
        return b
    }
}

/// Where a key goes: the bindings that hold here, and whether printable characters are text
/// (a search, the palette, a form) rather than keys.
public struct KeyContext: Sendable, Equatable {
    public enum Typing: Sendable, Equatable { case palette, listSearch, login, form }
    public var bindings: [Binding]
    public var typing: Typing?

    public init(_ bindings: [Binding], typing: Typing? = nil) { self.bindings = bindings; self.typing = typing }

    /// The binding a key sends, given the action names the keymap binds that key to: the first
    /// binding of this context that bears one of those names.
    public func binding(forActionsNamed names: [String]) -> Binding? {
        bindings.first { names.contains($0.name) }
    }
}
