import Documents
import Foundation
import Testing

/// Printing through a stand-in `lp` that records its arguments and the bytes it was given.
@Suite struct PrintJobTests {
    func tempDir() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-print-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    func fakeLP(in dir: String, exit code: Int) throws -> String {
        let path = dir + "/lp"
        try "#!/bin/sh\necho \"$@\" > \(dir)/args\ncat > \(dir)/input\n[ \(code) -eq 0 ] && echo 'request id is dotmatrix-7 (1 file(s))' || echo 'lp: The printer or class does not exist.' >&2\nexit \(code)\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    @Test func rawGB18030JobWithCopies() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var settings = PrinterSettings(printer: "dotmatrix", raw: true, encoding: "gb18030", directory: dir + "/saved")
        settings.command = try fakeLP(in: dir, exit: 0)
        let doc = try library().render(sampleQuote(), printedOn: .init(iso: "2026-11-22")!)
        var three = doc
        three.copies = 3
        let outcome = try PrintJob.deliver(three, settings: settings, title: "Q-2026-00131")
        #expect(outcome == .printed(printer: "dotmatrix", copies: 3, message: "request id is dotmatrix-7 (1 file(s))"))
        #expect(try String(contentsOfFile: dir + "/args", encoding: .utf8) == "-d dotmatrix -n 3 -t Q-2026-00131 -o raw\n")
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: dir + "/input")))
        #expect(TextEncoding.decodeGB18030(bytes) == doc.text)
        #expect(bytes.count < Array(doc.text.utf8).count) // two bytes a Chinese character, not three
    }

    @Test func aMissingPrinterSavesTheDocumentAndSaysWhy() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var settings = PrinterSettings(printer: "nowhere", directory: dir + "/saved")
        settings.command = try fakeLP(in: dir, exit: 1)
        let doc = try library().render(sampleQuote(), printedOn: .init(iso: "2026-11-22")!)
        let outcome = try PrintJob.deliver(doc, settings: settings, title: "Q-2026-00131")
        #expect(outcome == .saved(path: dir + "/saved/Q-2026-00131.txt", reason: "lp: The printer or class does not exist."))
        #expect(try String(contentsOfFile: dir + "/saved/Q-2026-00131.txt", encoding: .utf8) == doc.text)
        let mode = try FileManager.default.attributesOfItem(atPath: dir + "/saved/Q-2026-00131.txt")[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
