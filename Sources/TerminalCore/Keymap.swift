/// Every binding is an action with a stable kebab-case name; `keys.toml` may rebind any of them:
///
///     [keys]
///     move-down = ["j", "down"]
///     quit = "q"
public struct Keymap: Sendable, Equatable {
    public private(set) var bindings: [String: [KeyEvent]]
    private var reverse: [KeyEvent: [String]]

    public static let defaultBindings: [(String, [String])] = [
        ("move-up", ["up", "k"]), ("move-down", ["down", "j"]), ("page-up", ["pgup", "ctrl-b"]), ("page-down", ["pgdn", "ctrl-f", "space"]),
        // g/G and ctrl-b/ctrl-f also reach the ends on terminals without Home/End/PgUp/PgDn (vt100).
        ("top", ["home", "g"]), ("bottom", ["end", "G"]), ("next-pane", ["tab"]), ("previous-pane", ["shift-tab"]),
        ("previous-tab", ["["]), ("next-tab", ["]"]),
        ("tab-1", ["1"]), ("tab-2", ["2"]), ("tab-3", ["3"]), ("tab-4", ["4"]), ("tab-5", ["5"]),
        ("tab-6", ["6"]), ("tab-7", ["7"]), ("tab-8", ["8"]), ("tab-9", ["9"]),
        ("search", ["/"]), ("search-next", ["n"]), ("search-previous", ["N"]), ("palette", [":"]),
        ("export", ["x"]), ("redraw", ["ctrl-l"]), ("refresh", ["R"]), ("new-record", ["a"]), ("edit", ["e"]),
        ("delete", ["d"]), ("open", ["enter"]), ("back", ["esc"]), ("help", ["?", "f1"]), ("print", ["p"]),
        ("quit", ["q"]), ("force-quit", ["ctrl-c"]), ("save", ["ctrl-s"]), ("fill-down", ["ctrl-d"]),
        // On a customer or a reminder about one: log a contact, put the next contact off, done.
        ("log-contact", ["l"]), ("postpone", ["z"]), ("mark-done", ["m"]), ("undo", ["u"]),
        ("sort", ["s"]), ("filter", ["f"]),
        // On a list of documents: mark rows for one print job (the morning's shipment notes).
        ("mark", ["v"]),
        ("copy", ["c"]), ("mark-sent", ["S"]), ("accept", ["A"]), ("reject", ["X"]),
        // On an open sales order: ship it. On a product's stock: count it, move it to another warehouse.
        ("ship", ["s"]), ("count-stock", ["c"]), ("transfer-stock", ["t"]),
        // On any record's card: its history in the audit trail (the manager's).
        ("history", ["h"]),
        // On the KPI dashboard: every KPI month by month.
        ("trend", ["t"]),
        // Dialogs and panes: a y/n question, the print preview, the export choice, similar customers.
        ("yes", ["y", "Y"]), ("no", ["n", "N"]), ("save-file", ["s"]), ("export-xlsx", ["x", "X"]), ("export-csv", ["c", "C"]),
        ("claim", ["c", "C"]), ("save-anyway", ["s", "S"]),
    ]

    public static let actionNames: [String] = defaultBindings.map(\.0)

    public init(bindings: [String: [KeyEvent]]) {
        self.bindings = bindings
        var rev: [KeyEvent: [String]] = [:]
        for name in Keymap.actionNames { for key in bindings[name] ?? [] { rev[key, default: []].append(name) } }
        reverse = rev
    }

    public static let standard: Keymap = {
        var b: [String: [KeyEvent]] = [:]
        for (name, specs) in defaultBindings { b[name] = specs.compactMap(KeyEvent.parse) }
        return Keymap(bindings: b)
    }()

    /// Every action bound to `key`: which one it does depends on where the user is (`s` sorts a
    /// list and saves a preview to a file).
    public func actions(for key: KeyEvent) -> [String] { reverse[key] ?? [] }

    public func keys(for action: String) -> [KeyEvent] { bindings[action] ?? [] }

    /// The first key of an action as shown to users, e.g. "?" or "ctrl-l".
    public func label(for action: String) -> String { keys(for: action).first?.name ?? "" }

    /// Applies a keys.toml. Unknown actions and unreadable keys are errors naming file and line.
    public func overridden(byTOML text: String, file: String) throws(TOMLError) -> Keymap {
        var b = bindings
        for entry in try TOMLSubset.parse(text, file: file) {
            guard entry.path.count == 2, entry.path[0] == "keys" else {
                throw TOMLError(file: file, line: entry.line, message: "expected a key under [keys], found '\(entry.key)'")
            }
            let action = entry.path[1]
            guard Keymap.actionNames.contains(action) else {
                throw TOMLError(file: file, line: entry.line, message: "unknown action '\(action)'")
            }
            let specs: [TOMLValue]
            switch entry.value {
            case .string: specs = [entry.value]
            case .array(let items): specs = items
            default: throw TOMLError(file: file, line: entry.line, message: "keys for '\(action)' must be a string or a list of strings")
            }
            var keys: [KeyEvent] = []
            for spec in specs {
                guard let s = spec.stringValue, let key = KeyEvent.parse(s) else {
                    throw TOMLError(file: file, line: entry.line, message: "cannot read key \(spec) for '\(action)'")
                }
                keys.append(key)
            }
            b[action] = keys
        }
        return Keymap(bindings: b)
    }
}
