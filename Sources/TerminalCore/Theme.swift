/// A theme maps semantic style roles (`title`, `list.selected`, `dashboard.metric.warn` …) to
/// styles. A dotted role falls back to its parent, then to `default`; roles a file leaves out
/// come from the built-in defaults.
public struct Theme: Sendable, Equatable {
    public var name: String
    public private(set) var styles: [String: Style]

    public init(name: String, styles: [String: Style]) {
        self.name = name; self.styles = styles
    }

    public func style(_ role: String) -> Style {
        var r = Substring(role)
        while true {
            if let s = styles[String(r)] { return s }
            guard let dot = r.lastIndex(of: ".") else { break }
            r = r[..<dot]
        }
        return styles["default"] ?? .plain
    }

    public func downgraded(to depth: ColorDepth) -> Theme {
        Theme(name: name, styles: styles.mapValues { $0.downgraded(to: depth) })
    }

    public static let roles = [
        "default", "title", "border", "border.focused", "tab", "tab.active", "list.header", "list.selected",
        "list.group", "input.field", "input.focused", "input.error", "statusbar", "statusbar.key", "muted",
        "dashboard.metric", "dashboard.metric.ok", "dashboard.metric.warn", "dashboard.metric.critical",
        "reminder.due", "reminder.overdue", "chart.series1", "chart.series2", "chart.series3", "toast",
        "toast.error", "dialog",
    ]

    public static let builtIn: Theme = {
        func s(_ fg: Color, _ bg: Color = .terminalDefault, _ a: TextAttributes = []) -> Style { Style(fg: fg, bg: bg, attributes: a) }
        return Theme(name: "default", styles: [
            "default": s(.terminalDefault),
            "title": s(.ansi(6), .terminalDefault, .bold),
            "border": s(.ansi(8)),
            "border.focused": s(.ansi(6)),
            "tab": s(.ansi(7)),
            "tab.active": s(.ansi(0), .ansi(6), .bold),
            "list.header": s(.ansi(6), .terminalDefault, [.bold, .underline]),
            "list.selected": s(.ansi(0), .ansi(6)),
            "list.group": s(.ansi(3), .terminalDefault, .bold),
            "input.field": s(.terminalDefault, .ansi(8)),
            "input.focused": s(.ansi(0), .ansi(7)),
            "input.error": s(.ansi(9), .terminalDefault, .bold),
            "statusbar": s(.ansi(7), .ansi(4)),
            "statusbar.key": s(.ansi(11), .ansi(4), .bold),
            "muted": s(.ansi(8)),
            "dashboard.metric": s(.terminalDefault, .terminalDefault, .bold),
            "dashboard.metric.ok": s(.ansi(2), .terminalDefault, .bold),
            "dashboard.metric.warn": s(.ansi(3), .terminalDefault, .bold),
            "dashboard.metric.critical": s(.ansi(1), .terminalDefault, .bold),
            "reminder.due": s(.ansi(3)),
            "reminder.overdue": s(.ansi(1), .terminalDefault, .bold),
            "chart.series1": s(.ansi(6)),
            "chart.series2": s(.ansi(5)),
            "chart.series3": s(.ansi(2)),
            "toast": s(.ansi(0), .ansi(2)),
            "toast.error": s(.ansi(15), .ansi(1), .bold),
            "dialog": s(.terminalDefault, .terminalDefault),
        ])
    }()

    /// Reads a theme file. Each role is a table: `[list.selected]` with `fg`, `bg`, `bold`,
    /// `underline`, `reverse`, `dim`, `italic`. Errors name file and line.
    public static func load(toml text: String, file: String, base: Theme = .builtIn) throws(TOMLError) -> Theme {
        var styles = base.styles
        var name = file
        var specified: [String: Style] = [:]
        for entry in try TOMLSubset.parse(text, file: file) {
            if entry.path == ["name"] {
                guard let n = entry.value.stringValue else { throw TOMLError(file: file, line: entry.line, message: "name must be a string") }
                name = n
                continue
            }
            guard entry.path.count >= 2 else {
                throw TOMLError(file: file, line: entry.line, message: "expected [role] then fg/bg/bold…, found '\(entry.key)'")
            }
            let role = entry.path.dropLast().joined(separator: ".")
            let property = entry.path[entry.path.count - 1]
            var style = specified[role] ?? Style()
            switch property {
            case "fg", "bg":
                guard let text = entry.value.stringValue, let color = Color.parse(text) else {
                    throw TOMLError(file: file, line: entry.line, message: "cannot read colour for \(role).\(property): use a name, #rrggbb or 0–255")
                }
                if property == "fg" { style.fg = color } else { style.bg = color }
            case "bold", "underline", "reverse", "dim", "italic":
                guard let on = entry.value.boolValue else {
                    throw TOMLError(file: file, line: entry.line, message: "\(role).\(property) must be true or false")
                }
                let attr: TextAttributes = ["bold": .bold, "underline": .underline, "reverse": .reverse, "dim": .dim, "italic": .italic][property] ?? []
                if on { style.attributes.insert(attr) } else { style.attributes.remove(attr) }
            default:
                throw TOMLError(file: file, line: entry.line, message: "unknown style property '\(property)' (fg, bg, bold, underline, reverse, dim, italic)")
            }
            specified[role] = style
        }
        for (role, style) in specified { styles[role] = style }
        // Roles the file did not name but whose parent it did: inherit from the file's parent.
        for role in Theme.roles where specified[role] == nil && role.contains(".") {
            var parent = Substring(role)
            while let dot = parent.lastIndex(of: ".") {
                parent = parent[..<dot]
                if let s = specified[String(parent)] { styles[role] = s; break }
            }
        }
        return Theme(name: name, styles: styles)
    }
}
