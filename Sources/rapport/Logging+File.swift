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
        // O_APPEND: every process's line lands at the end at the moment it is written (one write
        // per line), so concurrent sessions never overwrite each other's lines.
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o600)
        handle = fd >= 0 ? FileHandle(fileDescriptor: fd, closeOnDealloc: true) : nil
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
