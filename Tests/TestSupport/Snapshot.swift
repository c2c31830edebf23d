import Foundation
import Testing
import TerminalCore

/// Shared by the snapshot tests of Widgets and Screens.
/// Compares a rendered buffer with `Snapshots/<name>.txt`; `RECORD_SNAPSHOTS=1` writes it anew.
public func assertSnapshot(_ buffer: CellBuffer, _ name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation) {
    assertSnapshot(text: buffer.text() + "\n", name, filePath: filePath, sourceLocation: sourceLocation)
}

/// The same for text that is not a screen (a printed document): `Snapshots/<name>.txt`.
public func assertSnapshot(text: String, _ name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation) {
    let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let file = folder.appendingPathComponent("\(name).txt")
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? text.write(to: file, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
        Issue.record("missing snapshot \(name).txt — run with RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
        return
    }
    #expect(text == expected, "snapshot \(name) differs", sourceLocation: sourceLocation)
}
