import Domain
import Foundation
import NcursesBackend
import Screens
import Store
import TerminalCore
import Workspaces

/// Set from signal handlers (which may only set flags); the run loop reads it.
nonisolated(unsafe) var receivedSignal: Int32 = 0

enum TUILauncher {
    @MainActor
    static func run(database: AppDatabase, clock: any Clock, options: UIOptions, signedIn: Actor? = nil) async throws {
        let loaded = LoadedConfig.load(options: options)
        let terminal = try NcursesTerminal()
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig) { s in receivedSignal = s }
        }
        defer { terminal.shutdown() }
        let company = (try? database.settings().companyName) ?? ""
        var model = AppModel(today: clock.today(), login: options.user ?? "")
        if (try? database.users().isEmpty) == true {
            model.loginModel.message = .init(key: "login.no-users", isError: false)
        }
        // config.toml's [print] is read once: its settings for the session, its problems shown.
        let (printer, printWarnings) = LoadedConfig.printer()
        let warnings = loaded.warnings + printWarnings + [terminal.localeNote].compactMap { $0 }
        if let signedIn { _ = model.handle(.login(.result(.success(signedIn), now: clock.nowSeconds())), now: clock.nowSeconds()) }
        if let w = warnings.first { _ = model.handle(.toast(w, isError: true), now: clock.nowSeconds() + 6) }
        for w in warnings { log.warning("\(w)") }
        let documents = DocumentServices(library: templateLibrary(), printer: printer, exportDirectory: XDG.rapport(.data) + "/exports")
        let shell = AppShell(model: model, runner: EffectRunner(database: database, clock: clock, documents: documents), terminal: terminal, config: loaded.ui,
                             watcher: DataVersionWatcher(path: database.path), clock: clock, companyName: company)
        shell.stopRequested = { receivedSignal != 0 }
        log.info("TUI started on \(database.path)")
        await shell.run()
        terminal.shutdown()
        if receivedSignal != 0 { log.info("stopped by signal \(receivedSignal)") }
    }
}
