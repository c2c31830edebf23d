import Foundation

/// What a customer is found by (issue 3's search): name, short name, code, Hanyu pinyin in full
/// and by initials, phone digits and e-mail, lower-cased in one string. Computed when a customer
/// is written, never per keystroke.
public enum SearchKey {
    public static func make(name: String, shortName: String? = nil, code: String, phone: String? = nil, email: String? = nil) -> String {
        var parts = [name.lowercased(), code.lowercased()]
        if let shortName, !shortName.isEmpty { parts.append(shortName.lowercased()) }
        for text in [name, shortName ?? ""] where text.unicodeScalars.contains(where: Pinyin.isHan) {
            let p = Pinyin.of(text)
            parts.append(p.full)
            parts.append(p.initials)
        }
        if let phone { let digits = phone.filter { $0.isASCII && $0.isNumber }; if !digits.isEmpty { parts.append(digits) } }
        if let email, !email.isEmpty { parts.append(email.lowercased()) }
        return parts.joined(separator: " ")
    }

    /// Where a name sorts: Chinese by its Hanyu pinyin, other names alphabetically among them
    /// (`北京华联` sorts as `beijinghualian`, between `Bayside` and `Cedar`), as Chinese users
    /// expect a list sorted by name.
    public static func sortKey(name: String) -> String {
        let p = Pinyin.of(name).full
        return p.isEmpty ? name.lowercased() : p
    }

    /// A query as typed, in the form search keys are stored (lower case, no surrounding spaces).
    public static func normalizeQuery(_ q: String) -> String { q.trimmingSpaces().lowercased() }
}

/// Hanyu pinyin through ICU's Han-Latin transform, one character at a time and cached, so a
/// company name costs a few dictionary look-ups after the first few thousand names.
public enum Pinyin {
    public struct Reading: Sendable, Equatable {
        public var full: String
        public var initials: String
    }

    static func isHan(_ s: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value) || (0x20000...0x2A6DF).contains(s.value)
    }

    /// "北京华联 Ltd." → full "beijinghualianltd", initials "bjhlltd" (letters and digits kept as
    /// they are, everything else dropped).
    public static func of(_ text: String) -> Reading {
        var full = "", initials = ""
        let scalars = Array(text.unicodeScalars)
        var word: [String] = []
        for (i, scalar) in scalars.enumerated() {
            if isHan(scalar) {
                // A character read differently in a common word (重庆 chóngqìng, not zhòng).
                if word.isEmpty, i + 1 < scalars.count, let w = words[String(scalar) + String(scalars[i + 1])] { word = w }
                let syllable = word.isEmpty ? cache.syllable(for: scalar) : word.removeFirst()
                full += syllable
                if let first = syllable.first { initials.append(first) }
            } else if CharacterSet.alphanumerics.contains(scalar) {
                let s = String(scalar).lowercased()
                full += s
                initials += s
            }
        }
        return Reading(full: full, initials: initials)
    }

    /// Words whose first character ICU reads by its more common sound: cities and the words
    /// company names are made of.
    static let words: [String: [String]] = [
        "重庆": ["chong", "qing"], "长沙": ["chang", "sha"], "长春": ["chang", "chun"], "长城": ["chang", "cheng"], "长江": ["chang", "jiang"],
        "厦门": ["xia", "men"], "六安": ["lu", "an"], "银行": ["yin", "hang"], "行业": ["hang", "ye"], "重工": ["zhong", "gong"],
        "佛山": ["fo", "shan"], "大厦": ["da", "sha"], "蚌埠": ["beng", "bu"],
    ]

    static let cache = Cache()

    final class Cache: @unchecked Sendable {
        private let lock = NSLock()
        private var syllables: [Unicode.Scalar: String] = [:]

        func syllable(for scalar: Unicode.Scalar) -> String {
            lock.lock()
            if let s = syllables[scalar] { lock.unlock(); return s }
            lock.unlock()
            let latin = String(scalar).applyingTransform(.mandarinToLatin, reverse: false) ?? ""
            let plain = (latin.applyingTransform(.stripDiacritics, reverse: false) ?? latin).lowercased().filter { $0.isLetter }
            lock.lock(); syllables[scalar] = plain; lock.unlock()
            return plain
        }
    }
}
