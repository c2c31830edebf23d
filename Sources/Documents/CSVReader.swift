import Domain
import Foundation

extension CSV {
    /// A CSV file read a block at a time: memory holds one block and the records not yet taken,
    /// whatever the file's size. Without a named encoding, a first pass over the bytes decides
    /// it (UTF-8, else plausible GB18030, else refused naming `--encoding`; a file mixing both is
    /// refused naming a line of each). Blocks are cut after a line feed, which no byte of a
    /// multi-byte character in these encodings is. Blank records are skipped; a record with a
    /// control character is refused naming its row and column.
    public final class Reader {
        public private(set) var header: [String] = []
        public let encoding: String
        /// Records handed out so far (the header and blank records not counted).
        public private(set) var count = 0
        private let source: ByteSource
        private let label: String
        private var parser = RecordParser()
        private var ready: [(line: Int, fields: [String])] = []
        private var taken = 0
        private var carry: [UInt8] = []
        private var atStart = true
        private var ended = false
        private let blockSize: Int

        public convenience init(path: String, encoding: String? = nil) throws(DocumentError) {
            guard let file = FileSource(path: path) else { throw DocumentError("\(path): cannot read the file") }
            try self.init(source: file, encoding: encoding, label: path + ": ")
        }

        public convenience init(bytes: [UInt8], encoding: String? = nil) throws(DocumentError) {
            try self.init(source: BytesSource(bytes), encoding: encoding, label: "")
        }

        init(source: ByteSource, encoding given: String?, label: String, blockSize: Int = 1 << 20) throws(DocumentError) {
            self.source = source
            self.label = label
            self.blockSize = blockSize
            do {
                if let given { _ = try TextEncoding.iconvName(given); encoding = given.lowercased() } else { encoding = try Reader.detect(source, blockSize: blockSize) }
            } catch { throw DocumentError(label + error.message) }
            source.rewind()
            guard let first = try nextRecord() else { throw DocumentError(label + "the file is empty: expected a header row") }
            header = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        }

        /// The next record with the file line it starts on; nil at the end.
        public func next() throws(DocumentError) -> (line: Int, fields: [String])? {
            while let r = try nextRecord() {
                if r.fields.count == 1 && r.fields[0].isEmpty { continue }
                count += 1
                return r
            }
            return nil
        }

        private func nextRecord() throws(DocumentError) -> (line: Int, fields: [String])? {
            while taken == ready.count {
                ready.removeAll(keepingCapacity: true); taken = 0
                if ended { return nil }
                try fill()
            }
            defer { taken += 1 }
            let r = ready[taken]
            do { try CSV.refuseControlCharacters(r) } catch { throw DocumentError(label + error.message) }
            return r
        }

        /// Parses the next block (up to its last line feed) into `ready`.
        private func fill() throws(DocumentError) {
            var block = carry
            carry = []
            var chunk = source.read(blockSize)
            if atStart { atStart = false; if chunk.starts(with: [0xEF, 0xBB, 0xBF]) { chunk.removeFirst(3) } }
            if chunk.isEmpty { ended = true } else {
                block += chunk
                if let cut = block.lastIndex(of: 0x0A) {
                    carry = Array(block[(cut + 1)...]); block.removeSubrange((cut + 1)...)
                } else { carry = block; block = [] }
            }
            do {
                let text = try Reader.decode(block, encoding)
                parser.feed(text) { ready.append(($0, $1)) }
                if ended { try parser.finish { ready.append(($0, $1)) } }
            } catch { throw DocumentError(label + error.message) }
        }

        static func decode(_ bytes: [UInt8], _ encoding: String) throws(DocumentError) -> String {
            guard TextEncoding.isUTF8(encoding) else { return try TextEncoding.decode(bytes, as: encoding) }
            guard let s = String(validating: bytes, as: UTF8.self) else { throw DocumentError("the file is not valid UTF-8") }
            return s
        }

        /// The first pass: which encoding the bytes are in, or why none fits.
        static func detect(_ source: ByteSource, blockSize: Int) throws(DocumentError) -> String {
            var line = 0, utf8Line: Int?, otherLine: Int?, undecodable: Int?
            var tally = TextEncoding.GBTally()
            var carry: [UInt8] = []
            var first = true
            while true {
                var chunk = source.read(blockSize)
                if first { first = false; if chunk.starts(with: [0xEF, 0xBB, 0xBF]) { chunk.removeFirst(3) } }
                var block = carry + chunk
                carry = []
                if !chunk.isEmpty, let cut = block.lastIndex(of: 0x0A) {
                    carry = Array(block[(cut + 1)...]); block.removeSubrange((cut + 1)...)
                } else if !chunk.isEmpty { carry = block; continue }
                if String(validating: block, as: UTF8.self) != nil {
                    if utf8Line == nil, block.contains(where: { $0 >= 0x80 }) {
                        let before = block.prefix { $0 < 0x80 }
                        utf8Line = line + before.filter { $0 == 0x0A }.count
                    }
                } else {
                    for (i, l) in block.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
                        if String(validating: l, as: UTF8.self) == nil { otherLine = otherLine ?? line + i } else if utf8Line == nil, l.contains(where: { $0 >= 0x80 }) { utf8Line = line + i }
                    }
                    tally.count(block[...])
                    if undecodable == nil, TextEncoding.decodeGB18030(block) == nil { undecodable = otherLine ?? line }
                }
                line += block.filter { $0 == 0x0A }.count
                if chunk.isEmpty { break }
            }
            guard let other = otherLine else { return "utf-8" }
            if let u = utf8Line {
                throw DocumentError("mixed encodings: line \(u + 1) is UTF-8 but line \(other + 1) is not; save the whole file as UTF-8 (or all as GB18030)")
            }
            guard undecodable == nil, tally.plausible else {
                throw DocumentError("line \(other + 1) is neither UTF-8 nor plausible GB18030 (Shift-JIS or Big5, perhaps): "
                                    + "save the file as UTF-8 CSV, or say what it is with --encoding big5|shift-jis|gb18030|utf-8")
            }
            return "gb18030"
        }
    }
}

/// Where a reader's bytes come from, a block at a time, from the start again after `rewind`.
protocol ByteSource: AnyObject {
    func read(_ count: Int) -> [UInt8]
    func rewind()
}

final class FileSource: ByteSource {
    private let handle: FileHandle
    init?(path: String) {
        guard let h = FileHandle(forReadingAtPath: path) else { return nil }
        handle = h
    }
    deinit { try? handle.close() }
    func read(_ count: Int) -> [UInt8] { [UInt8]((try? handle.read(upToCount: count)) ?? Data()) }
    func rewind() { try? handle.seek(toOffset: 0) }
}

final class BytesSource: ByteSource {
    private let bytes: [UInt8]
    private var at = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }
    func read(_ count: Int) -> [UInt8] {
        let end = min(bytes.count, at + count)
        defer { at = end }
        return Array(bytes[at..<end])
    }
    func rewind() { at = 0 }
}
