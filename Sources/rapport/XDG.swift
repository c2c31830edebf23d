import Foundation

/// The XDG base folders (`$XDG_CONFIG_HOME`, `$XDG_DATA_HOME`, `$XDG_STATE_HOME`, each with its
/// usual fallback under the home folder) and Rapport's folder inside each. Every path the
/// program derives — database, config, themes, keys, templates, printed documents, exports,
/// log — starts here.
enum XDG {
    enum Base: String {
        case config = "XDG_CONFIG_HOME", data = "XDG_DATA_HOME", state = "XDG_STATE_HOME"
        var fallback: String {
            switch self {
            case .config: "/.config"
            case .data: "/.local/share"
            case .state: "/.local/state"
            }
        }
    }

    /// `base/rapport`, e.g. `~/.local/share/rapport`.
    static func rapport(_ base: Base, _ env: [String: String] = ProcessInfo.processInfo.environment) -> String {
        (env[base.rawValue].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + base.fallback)) + "/rapport"
    }
}
