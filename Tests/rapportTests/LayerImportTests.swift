import Foundation
import Testing

/// docs/architecture.md's layer table: which modules each target's sources may import. SwiftPM lets a
/// target see its dependencies' dependencies, so this test is what keeps the arrows honest.
@Suite struct LayerImportTests {
    static let system: Set<String> = ["Foundation", "Dispatch", "Glibc"]
    static let allowed: [String: Set<String>] = [
        "TerminalCore": [],
        "NcursesBackend": ["TerminalCore", "CNcursesw"],
        "Widgets": ["TerminalCore"],
        "Domain": [],
        "Store": ["Domain", "GRDB", "CCrypt"],
        "Documents": ["Domain", "Mustache", "ZIPFoundation"],
        "Workspaces": ["Domain", "Store", "Documents"],
        "Screens": ["Widgets", "Workspaces", "TerminalCore", "Domain"],
        "DemoData": ["Store", "Domain", "GRDB"],
        "rapport": ["Screens", "NcursesBackend", "DemoData", "Workspaces", "Store", "Domain", "TerminalCore", "Documents", "ArgumentParser", "Logging"],
    ]

    @Test func everyImportFollowsTheArrows() throws {
        let sources = CLI.root.appendingPathComponent("Sources")
        var violations: [String] = []
        for (target, ok) in LayerImportTests.allowed {
            let dir = sources.appendingPathComponent(target)
            guard let files = FileManager.default.enumerator(atPath: dir.path) else { violations.append("no folder for \(target)"); continue }
            for case let file as String in files where file.hasSuffix(".swift") {
                let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
                for line in text.split(separator: "\n") where line.hasPrefix("import ") || line.hasPrefix("@testable import ") {
                    let module = String(line.split(separator: " ").last ?? "")
                    if !ok.contains(module) && !LayerImportTests.system.contains(module) { violations.append("\(target)/\(file) imports \(module)") }
                }
            }
        }
        #expect(violations == [])
    }

    @Test func domainUsesNoFloatingPointForMoneyAndNoWallClock() throws {
        let dir = CLI.root.appendingPathComponent("Sources/Domain")
        for file in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            #expect(!text.contains("Double") && !text.contains("Float"), "\(file) uses floating point")
            #expect(!text.contains("Date()"), "\(file) reads the wall clock")
        }
    }
}
