import Foundation

/// docs/domain.md's duplicate-customer rules, in one place: name normalisation, phone and e-mail keys,
/// and trigram similarity. The Store stores the keys at write time and asks these rules which
/// candidates match.
public enum DuplicateRule: String, Sendable, Codable, CaseIterable {
    case sameName = "same-name", samePhone = "same-phone", sameEmail = "same-email"
    case sameEmailDomain = "same-email-domain", similarName = "similar-name"
}

public struct DuplicateKeys: Hashable, Sendable {
    public var name: String
    public var phone: String?
    public var email: String?
    public var emailDomain: String?

    public init(name: String, phone: String?, email: String?, emailDomain: String?) {
        self.name = name; self.phone = phone; self.email = email; self.emailDomain = emailDomain
    }
}

public enum DuplicateMatching {
    /// Similarity at or above this (Jaccard of name trigrams, in basis points) makes a candidate.
    public static let similarityThreshold: Int64 = 6_000

    /// Legal-form words dropped from the end of a normalised name, longest first.
    static let legalSuffixes = ["股份有限公司", "有限责任公司", "有限公司", "集团", "公司", "商行",
                                "coltd", "company", "limited", "gmbh", "corp", "pteltd", "ltd", "inc", "llc", "pte", "co"]

    /// Addresses anyone can have: their domain says nothing about the company.
    public static let freeMailDomains: Set<String> = [
        "163.com", "126.com", "yeah.net", "qq.com", "foxmail.com", "sina.com", "sina.cn", "sohu.com", "139.com", "aliyun.com",
        "gmail.com", "hotmail.com", "outlook.com", "live.com", "yahoo.com", "icloud.com", "me.com", "gmx.de", "web.de",
    ]

    /// NFKC (full-width → half-width), case-folded, without spaces and punctuation, without
    /// trailing legal suffixes: "北京华联商厦（集团）有限公司" → "北京华联商厦", "Northwind Trading Co., Ltd." → "northwindtrading".
    public static func normalizeName(_ name: String) -> String {
        var s = name.precomposedStringWithCompatibilityMapping.lowercased()
        s = String(String.UnicodeScalarView(s.unicodeScalars.filter(isLetterOrDigit)))
        // Longest matching suffix first, and never the whole name ("有限公司" stays itself).
        while let suffix = legalSuffixes.first(where: { s.hasSuffix($0) }), s.count > suffix.count {
            s.removeLast(suffix.count)
        }
        return s
    }

    /// Letters and marks (general categories L*, M*) and decimal digits (Nd): what
    /// `CharacterSet.letters` and `.decimalDigits` hold, without CharacterSet's cost per scalar
    /// (a third of a 100k-customer import's checks).
    static func isLetterOrDigit(_ u: Unicode.Scalar) -> Bool {
        if u.isASCII { return (u >= "a" && u <= "z") || (u >= "A" && u <= "Z") || (u >= "0" && u <= "9") }
        switch u.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber: return true
        default: return false
        }
    }

    /// The last 8 digits of a number with at least 8 (so 010-6512 3456 and +86 10 6512 3456 match).
    public static func phoneKey(_ phone: String?) -> String? {
        guard let phone else { return nil }
        let digits = phone.filter { $0.isASCII && $0.isNumber }
        return digits.count >= 8 ? String(digits.suffix(8)) : nil
    }

    public static func keys(name: String, phone: String?, email: String?) -> DuplicateKeys {
        let e = email?.trimmingSpaces().lowercased()
        let address = (e?.isEmpty ?? true) ? nil : e
        var domain = address.flatMap { $0.split(separator: "@").last.map(String.init) }
        if let d = domain, freeMailDomains.contains(d) { domain = nil }
        return DuplicateKeys(name: normalizeName(name), phone: phoneKey(phone), email: address, emailDomain: domain)
    }

    /// Character trigrams of a normalised name, padded so short names still have a few.
    public static func trigrams(_ key: String) -> Set<String> {
        let chars = Array("  " + key + " ")
        guard chars.count >= 3 else { return [] }
        return Set((0...(chars.count - 3)).map { String(chars[$0..<$0 + 3]) })
    }

    /// Jaccard similarity of two trigram sets in basis points (10000 = identical).
    public static func similarity(_ a: Set<String>, _ b: Set<String>) -> Int64 {
        BasisPoints.ratio(Int64(a.intersection(b).count), Int64(a.union(b).count))?.value ?? 0
    }

    /// The strongest rule two customers match by, if any.
    public static func match(_ a: DuplicateKeys, _ b: DuplicateKeys) -> DuplicateRule? {
        match(a, b, trigramsA: nil, trigramsB: nil)
    }

    /// The same, with the names' trigram sets computed once by a caller comparing many pairs.
    public static func match(_ a: DuplicateKeys, _ b: DuplicateKeys, trigramsA: Set<String>?, trigramsB: Set<String>?) -> DuplicateRule? {
        if !a.name.isEmpty, a.name == b.name { return .sameName }
        if let p = a.phone, p == b.phone { return .samePhone }
        if let e = a.email, e == b.email { return .sameEmail }
        if let d = a.emailDomain, d == b.emailDomain { return .sameEmailDomain }
        if !a.name.isEmpty, !b.name.isEmpty, isSimilar(trigramsA ?? trigrams(a.name), trigramsB ?? trigrams(b.name)) { return .similarName }
        return nil
    }

    /// Jaccard ≥ the threshold, compared exactly in integers.
    public static func isSimilar(_ a: Set<String>, _ b: Set<String>) -> Bool {
        let union = a.union(b).count
        return union > 0 && Int64(a.intersection(b).count) * 10_000 >= similarityThreshold * Int64(union)
    }

    /// How many of a set's rarest trigrams two sets with Jaccard ≥ threshold must share one of
    /// (prefix filtering): |A| − ⌈t·|A|⌉ + 1.
    public static func prefixLength(_ size: Int) -> Int {
        let needed = (Int(similarityThreshold) * size + 9_999) / 10_000
        return max(1, size - needed + 1)
    }
}
