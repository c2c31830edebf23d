import CCrypt
import Foundation

/// yescrypt through libxcrypt's `crypt_r`; the salt comes from the OS via `crypt_gensalt_rn`.
public enum PasswordHasher {
    public static func hash(_ password: String) throws(StoreError) -> String {
        var salt = [CChar](repeating: 0, count: Int(CRYPT_GENSALT_OUTPUT_SIZE))
        guard crypt_gensalt_rn("$y$", 0, nil, 0, &salt, Int32(salt.count)) != nil else {
            throw .failed("cannot make a password salt (libcrypt)")
        }
        let setting = String(decoding: salt.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let h = crypt(password, setting: setting), h.hasPrefix("$y$") else { throw .failed("cannot hash the password (libcrypt)") }
        return h
    }

    public static func verify(_ password: String, hash stored: String) -> Bool {
        guard stored.hasPrefix("$"), let h = crypt(password, setting: stored) else { return false }
        let a = Array(h.utf8), b = Array(stored.utf8)
        guard a.count == b.count else { return false }
        var diff: UInt8 = 0
        for i in 0..<a.count { diff |= a[i] ^ b[i] }
        return diff == 0
    }

    static func crypt(_ password: String, setting: String) -> String? {
        let data = UnsafeMutablePointer<crypt_data>.allocate(capacity: 1)
        defer { data.deinitialize(count: 1); data.deallocate() }
        memset(data, 0, MemoryLayout<crypt_data>.size)
        guard let out = crypt_r(password, setting, data) else { return nil }
        let s = String(cString: out)
        return s.hasPrefix("*") ? nil : s
    }
}
