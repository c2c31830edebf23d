/// Makes text from the database safe for the terminal: control characters (C0, DEL, C1) become
/// visible caret notation (`ESC` → `^[`), bidirectional overrides become `�`, tabs and line
/// breaks become spaces. Nothing from a customer record can move the cursor or change colours.
public enum TextSanitizer {
    public static func clean(_ text: String) -> String {
        if !text.unicodeScalars.contains(where: needsCleaning) { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x09, 0x0A, 0x0D: out.append(" ")
            case 0x00..<0x20:
                out.append("^")
                out.append(Unicode.Scalar(UInt8(v + 0x40)))
            case 0x7F: out.append(contentsOf: "^?".unicodeScalars)
            case 0x80...0x9F: out.append(contentsOf: "<\(hex(v))>".unicodeScalars)
            case 0x202A...0x202E, 0x2066...0x2069: out.append("\u{FFFD}")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    static func needsCleaning(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    static func hex(_ v: UInt32) -> String {
        let digits = Array("0123456789ABCDEF")
        return "\(digits[Int(v >> 4)])\(digits[Int(v & 0xF)])"
    }
}
