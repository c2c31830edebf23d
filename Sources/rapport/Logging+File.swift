import Foundation
import Logging

/// swift-log handler appending to a file: the TUI owns the terminal, so logs never go there.
struct FileLogHandler: LogHandler {
    let handle: FileHandle?
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    init(path: String) {
        let fm = FileManager.default
        try? fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        if !fm.fileExists(atPath: path) { _ = fm.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) }
        handle = FileHandle(forWritingAtPath: path)
        _ = try? handle?.seekToEnd()
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let line = "\(ISO8601DateFormatter().string(from: Date())) \(event.level) \(event.message)\n"
        handle?.write(Data(line.utf8))
    }

    static func bootstrap() {
        let env = ProcessInfo.processInfo.environment
        let path = env["RAPPORT_LOG"] ?? (XDG.rapport(.state, env) + "/rapport.log")
        LoggingSystem.bootstrap { _ in FileLogHandler(path: path) }
    }
}

let log = Logger(label: "rapport")
