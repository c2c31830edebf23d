import ArgumentParser
import Documents
import Foundation
import Screens
import TerminalCore

struct UIOptions: ParsableArguments {
    @Option(help: "Interface language: en or zh (default: config.toml, else LANG).") var lang: String?
    @Option(help: "Theme name (default, light, high-contrast, mono) or a .toml file.") var theme: String?
    @Option(help: "Keymap file (default: $XDG_CONFIG_HOME/rapport/keys.toml).") var keys: String?
    @Option(help: "Login name to pre-fill on the login screen.") var user: String?
}

/// Reads config.toml, the theme and the keymap. A broken file never stops the app: its error
/// (file:line: message) is collected and the defaults are used.
struct LoadedConfig {
    var ui: UIConfig
    var warnings: [String]

    static func configDirectory(_ env: [String: String]) -> String {
        XDG.rapport(.config, env)
    }

    static func load(options: UIOptions, environment env: [String: String] = ProcessInfo.processInfo.environment) -> LoadedConfig {
        var warnings: [String] = []
        let dir = configDirectory(env)
        var settings: [String: String] = [:]
        let configPath = dir + "/config.toml"
        if let text = try? String(contentsOfFile: configPath, encoding: .utf8) {
            do {
                for entry in try TOMLSubset.parse(text, file: configPath) where entry.path.first != "print" {
                    guard ["theme", "language", "keymap"].contains(entry.key), let v = entry.value.stringValue else {
                        throw TOMLError(file: configPath, line: entry.line, message: "unknown setting '\(entry.key)' (theme, language, keymap take strings; [print] printer, raw, encoding, directory)")
                    }
                    settings[entry.key] = v
                }
            } catch {
                warnings.append("\(error) — using defaults")
                settings = [:]
            }
        }
        let language = Catalog.language(flag: options.lang ?? settings["language"], environment: env)
        var theme = Theme.builtIn
        let themeName = options.theme ?? settings["theme"] ?? "default"
        if let path = themePath(themeName, configDir: dir) {
            do {
                let text = try String(contentsOfFile: path, encoding: .utf8)
                theme = try Theme.load(toml: text, file: path)
            } catch let e as TOMLError {
                warnings.append("\(e.description) — using the default theme")
            } catch {
                warnings.append("\(path): \(error.localizedDescription) — using the default theme")
            }
        } else if themeName != "default" {
            warnings.append("theme '\(themeName)' not found — using the default theme")
        }
        var keymap = Keymap.standard
        let keysPath = options.keys ?? settings["keymap"] ?? (dir + "/keys.toml")
        if let text = try? String(contentsOfFile: keysPath, encoding: .utf8) {
            do { keymap = try Keymap.standard.overridden(byTOML: text, file: keysPath) } catch {
                warnings.append("\(error.description) — using the default keys")
            }
        } else if options.keys != nil {
            warnings.append("\(keysPath): cannot read the keymap — using the default keys")
        }
        return LoadedConfig(ui: UIConfig(theme: theme, catalog: Catalog(language), keymap: keymap), warnings: warnings)
    }

    /// The `[print]` table of config.toml: `printer` (a CUPS queue), `raw` (true for dot-matrix
    /// queues), `encoding` (utf-8 or gb18030), `directory` (where unprinted documents are saved).
    static func printer(environment env: [String: String] = ProcessInfo.processInfo.environment) -> (PrinterSettings, [String]) {
        let configPath = configDirectory(env) + "/config.toml"
        let saved = XDG.rapport(.data, env) + "/printed"
        var settings = PrinterSettings(directory: saved)
        guard let text = try? String(contentsOfFile: configPath, encoding: .utf8) else { return (settings, []) }
        do {
            for entry in try TOMLSubset.parse(text, file: configPath) where entry.path.first == "print" {
                let key = entry.path.dropFirst().joined(separator: ".")
                switch (key, entry.value) {
                case ("printer", .string(let v)): settings.printer = v.isEmpty ? nil : v
                case ("raw", .bool(let v)): settings.raw = v
                case ("encoding", .string(let v)) where ["utf-8", "gb18030"].contains(v.lowercased()): settings.encoding = v
                case ("directory", .string(let v)) where !v.isEmpty: settings.directory = (v as NSString).expandingTildeInPath
                default:
                    throw TOMLError(file: configPath, line: entry.line, message: "[print] \(key): expected printer = \"queue\", raw = true|false, encoding = \"utf-8\"|\"gb18030\", directory = \"path\"")
                }
            }
        } catch {
            return (PrinterSettings(directory: saved), ["\(error) — printing to files"])
        }
        return (settings, [])
    }

    /// A path, or a name looked up in the user's themes folder, then in the `themes/` folder
    /// shipped beside the program (found by walking up from the executable).
    static func themePath(_ name: String, configDir: String) -> String? {
        let fm = FileManager.default
        if name.hasSuffix(".toml") { return fm.fileExists(atPath: name) ? name : nil }
        var candidates = [configDir + "/themes/\(name).toml"]
        var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(dir.appendingPathComponent("themes/\(name).toml").path)
            dir.deleteLastPathComponent()
        }
        candidates.append(fm.currentDirectoryPath + "/themes/\(name).toml")
        return candidates.first { fm.fileExists(atPath: $0) }
    }
}
