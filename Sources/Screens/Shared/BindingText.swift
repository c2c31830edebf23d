import TerminalCore
import Widgets
import Workspaces

/// Bindings as the user reads them: key names in the UI's language (`↑↓`, `回车`), status-bar
/// hints and help lines — all from the same list the router routes with.
struct BindingText {
    let keymap: Keymap
    let catalog: Catalog

    /// A key as printed on the keycap or as a symbol: `↓`, `Enter`/`回车`, `Ctrl-L`, `x`.
    func label(_ key: KeyEvent) -> String {
        switch key {
        case .char(" "): return catalog.text("key.space")
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-" + String(c).uppercased()
        case .function(let n): return "F\(n)"
        default: return catalog.text("key.\(key.name)")
        }
    }

    func keys(_ name: String) -> [String] { keymap.keys(for: name).map(label) }

    /// Hints that apply now, a group (↑↓) as one hint; a binding with no key bound shows none.
    /// Help and back come first: when the line is too short for every hint, `?` (which lists
    /// the rest) and the way out still show.
    func hints(_ bindings: [Binding]) -> [(key: String, label: String)] {
        var out: [(key: String, label: String)] = []
        var groups: [String: Int] = [:]
        let first = ["help", "back"]
        let ordered = first.flatMap { name in bindings.filter { $0.name == name } } + bindings.filter { !first.contains($0.name) }
        for b in ordered where b.hint && b.applies {
            guard let key = keys(b.name).first else { continue }
            if let g = b.group, let i = groups[g] { out[i].key += key; continue }
            if let g = b.group { groups[g] = out.count }
            out.append((key, catalog.text(b.label)))
        }
        return out
    }

    /// Help: every binding that applies, with all its keys; a group is one line.
    func helpEntries(_ bindings: [Binding]) -> [(key: String, description: String)] {
        var out: [(key: String, description: String)] = []
        var groups: [String: Int] = [:]
        for b in bindings where b.applies {
            let k = keys(b.name)
            guard !k.isEmpty else { continue }
            if let g = b.group, let i = groups[g] {
                if g != "tab-number" { out[i].key += " " + k.joined(separator: " ") } else if let first = k.first, let last = out[i].key.split(separator: "–").first {
                    out[i].key = String(last) + "–" + first
                }
                continue
            }
            if let g = b.group {
                groups[g] = out.count
                out.append((k.joined(separator: " "), catalog.text("action.group.\(g)")))
            } else {
                out.append((k.joined(separator: " "), catalog.text(b.help)))
            }
        }
        return out
    }

    /// A text naming keys by their action, `{open}: log in`, with each one's key in the UI's
    /// language as bound now (`回车：登录`, or whatever `keys.toml` made of it).
    func fill(_ template: String) -> String {
        var out = "", name = "", inName = false
        for ch in template {
            if ch == "{" { inName = true; name = ""; continue }
            if ch == "}", inName { out += keys(name).first ?? name; inName = false; continue }
            if inName { name.append(ch) } else { out.append(ch) }
        }
        return out
    }

    /// A dialog's choices line: `y yes   n no`.
    func choices(_ bindings: [Binding]) -> String {
        hints(bindings).map { "\($0.key) \($0.label)" }.joined(separator: "   ")
    }
}
