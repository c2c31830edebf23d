import Domain
import Foundation

/// UI text in English or Simplified Chinese. `--lang`, else `LANG`/`LC_ALL` (zh* → Chinese).
public struct Catalog: Sendable, Equatable {
    public enum Language: String, Sendable, CaseIterable { case en, zh }
    public let language: Language
    private let table: [String: String]

    public init(_ language: Language) {
        self.language = language
        table = language == .zh ? Catalog.chinese : Catalog.english
    }

    public static func keys(_ language: Language) -> Set<String> { Set((language == .zh ? chinese : english).keys) }

    /// `--lang` wins; then LC_ALL, LC_MESSAGES, LANG.
    public static func language(flag: String?, environment: [String: String]) -> Language {
        for v in [flag, environment["LC_ALL"], environment["LC_MESSAGES"], environment["LANG"]] {
            guard let v, !v.isEmpty else { continue }
            return v.lowercased().hasPrefix("zh") ? .zh : .en
        }
        return .en
    }

    /// The text for `key`; a key with no entry shows as itself (never crashes, easy to spot).
    public func text(_ key: String) -> String { table[key] ?? Catalog.english[key] ?? key }

    public func text(_ key: String, _ argument: String) -> String {
        text(key).replacingOccurrences(of: "%@", with: argument)
    }

    /// A count's text, in the singular when there is one and the language has a singular
    /// (`key-one`): "1 expense", "3 expenses".
    public func text(_ key: String, count: Int) -> String {
        text(count == 1 && table[key + "-one"] != nil ? key + "-one" : key, String(count))
    }

    /// A key's text with its arguments: `%@` the first, `%2`, `%3` … the next; an argument that
    /// is itself a catalog value (`status.sent`) in this language too.
    public func text(_ key: String, arguments: [String]) -> String {
        var t = text(key)
        for (i, a) in arguments.enumerated().reversed() { t = t.replacingOccurrences(of: i == 0 ? "%@" : "%\(i + 1)", with: value(a)) }
        return t
    }

    /// A message from the layers below, in this language.
    public func text(_ m: UserMessage) -> String { text(m.key, arguments: m.arguments) }

    /// Values coming from the Store that are catalog keys (`status.open`, `method.cash`) are
    /// translated; anything else is data and shown as it is.
    static let valuePrefixes = ["status.", "method.", "aging.", "contact-kind.", "stage.", "feedback.", "expense."]

    /// What an export names by key besides values: columns, fields, a report's rows and totals,
    /// a KPI's name, a month.
    static let exportPrefixes = ["col.", "field.", "report.", "kpi.", "month."]

    /// Column titles and value keys in this language, for exports (`col.code` → 编号).
    public func exportLabels() -> [String: String] {
        var labels: [String: String] = [:]
        for (k, v) in Catalog.english.merging(table, uniquingKeysWith: { $1 })
        where Catalog.exportPrefixes.contains(where: { k.hasPrefix($0) }) || Catalog.valuePrefixes.contains(where: { k.hasPrefix($0) }) { labels[k] = v }
        return labels
    }

    public func value(_ v: String) -> String {
        for prefix in Catalog.valuePrefixes where v.hasPrefix(prefix) { return table[v] ?? Catalog.english[v] ?? v }
        return v
    }
}
