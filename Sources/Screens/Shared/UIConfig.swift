import TerminalCore

/// Look and language of a session: theme (before colour downgrade), strings and keymap.
public struct UIConfig: Sendable {
    public var theme: Theme
    public var catalog: Catalog
    public var keymap: Keymap
    public init(theme: Theme, catalog: Catalog, keymap: Keymap) { self.theme = theme; self.catalog = catalog; self.keymap = keymap }
}
