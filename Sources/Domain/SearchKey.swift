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
        for scalar in text.unicodeScalars {
            if isHan(scalar) {
                let syllable = cache.syllable(for: scalar)
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
