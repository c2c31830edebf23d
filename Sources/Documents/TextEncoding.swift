import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// UTF-8 and GB18030 (what Excel writes on Chinese Windows and what Chinese dot-matrix printers
/// read), through the C library's iconv: Foundation on Linux has no GB18030 codec.
public enum TextEncoding {
    public static func encode(_ text: String, as encoding: String) throws(DocumentError) -> [UInt8] {
        switch encoding.lowercased() {
        case "utf-8", "utf8": return Array(text.utf8)
        case "gb18030", "gbk", "gb2312": return try convert(Array(text.utf8), from: "UTF-8", to: "GB18030")
        default: throw DocumentError("unknown encoding '\(encoding)' (utf-8 or gb18030)")
        }
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
