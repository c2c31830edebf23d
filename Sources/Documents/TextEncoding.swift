import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// UTF-8 and GB18030 (what Excel writes on Chinese Windows and what Chinese dot-matrix printers
/// read), through the C library's iconv: Foundation on Linux has no GB18030 codec.
public enum TextEncoding {
    public static func encode(_ text: String, as encoding: String) throws(DocumentError) -> [UInt8] {
        guard let name = try iconvName(encoding) else { return Array(text.utf8) }
        return try convert(Array(text.utf8), from: "UTF-8", to: name)
    }

    /// Bytes in the encoding the user named, as text.
    public static func decode(_ bytes: [UInt8], as encoding: String) throws(DocumentError) -> String {
        guard let name = try iconvName(encoding) else {
            guard let s = String(validating: bytes, as: UTF8.self) else { throw DocumentError("the file is not valid UTF-8") }
            return s.hasPrefix("\u{FEFF}") ? String(s.dropFirst()) : s
        }
        return String(decoding: try convert(bytes, from: name, to: "UTF-8"), as: UTF8.self)
    }

    static func isUTF8(_ encoding: String) -> Bool { ["utf-8", "utf8"].contains(encoding.lowercased()) }

    /// iconv's name for an encoding a user names; nil for UTF-8.
    static func iconvName(_ encoding: String) throws(DocumentError) -> String? {
        switch encoding.lowercased() {
        case "utf-8", "utf8": return nil
        case "gb18030", "gbk", "gb2312": return "GB18030"
        case "big5": return "BIG5"
        case "shift-jis", "shift_jis", "sjis": return "SHIFT_JIS"
        default: throw DocumentError("unknown encoding '\(encoding)' (utf-8, gb18030, big5 or shift-jis)")
        }
    }

    /// Whether bytes that decode as GB18030 read like Chinese rather than another double-byte
    /// encoding decoded by mistake: most two-byte characters of real GB text fall in GB2312's
    /// common rows (lead and trail bytes 0xA1–0xFE); Shift-JIS kana and Big5's trail bytes
    /// 0x40–0x7E do not.
    public static func looksLikeGB18030(_ bytes: [UInt8]) -> Bool {
        var tally = GBTally()
        tally.count(bytes[...])
        return tally.plausible
    }

    /// Two-byte characters in GB2312's common rows against all others, counted a block at a time.
    struct GBTally {
        var common = 0, other = 0
        mutating func count(_ bytes: ArraySlice<UInt8>) {
            var i = bytes.startIndex
            while i < bytes.endIndex {
                let b = bytes[i]
                if b < 0x80 { i += 1; continue }
                let t = i + 1 < bytes.endIndex ? bytes[i + 1] : 0
                if (0xA1...0xF7).contains(b) && (0xA1...0xFE).contains(t) { common += 1 } else { other += 1 }
                i += 2
            }
        }
        var plausible: Bool { common + other == 0 || other * 5 <= common + other }
    }

    /// Bytes in GB18030 as UTF-8 text; nil at the first byte sequence GB18030 does not have.
    public static func decodeGB18030(_ bytes: [UInt8]) -> String? {
        guard let utf8 = try? convert(bytes, from: "GB18030", to: "UTF-8") else { return nil }
        return String(decoding: utf8, as: UTF8.self)
    }

    static func convert(_ bytes: [UInt8], from: String, to: String) throws(DocumentError) -> [UInt8] {
        let cd = iconv_open(to, from)
        guard cd != iconv_t(bitPattern: -1) else { throw DocumentError("this system cannot convert \(from) to \(to)") }
        defer { iconv_close(cd) }
        if bytes.isEmpty { return [] }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 4 + 16)
        var inLeft = input.count, outLeft = output.count
        let status = input.withUnsafeMutableBufferPointer { ib in
            output.withUnsafeMutableBufferPointer { ob in
                var ip = ib.baseAddress, op = ob.baseAddress
                return iconv(cd, &ip, &inLeft, &op, &outLeft)
            }
        }
        guard status != -1, inLeft == 0 else {
            throw DocumentError("the text is not valid \(from) at byte \(bytes.count - inLeft + 1)")
        }
        return output[0..<(output.count - outLeft)].map { UInt8(bitPattern: $0) }
    }
}
