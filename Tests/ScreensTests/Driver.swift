import Workspaces
import TestSupport
import Domain
import Foundation
import Store
import TerminalCore
import Testing
@testable import Screens
@testable import Workspaces

/// Drives the real loop headlessly: keys in, frames out.
@MainActor
final class Driver {
    nonisolated static let today = DemoFixture.today
    nonisolated static let database: AppDatabase = DemoFixture.make()

    let terminal: HeadlessTerminal
    let shell: AppShell

    init(width: Int = 80, height: Int = 24, language: Catalog.Language = .en, login: String = "", database: AppDatabase = Driver.database,
         depth: ColorDepth = .c256, glyphs: Glyphs = .unicode, documents: DocumentServices? = nil, keymap: Keymap = .standard) {
        terminal = HeadlessTerminal(width: width, height: height, colorDepth: depth, glyphs: glyphs)
        let clock = FixedClock(Driver.today)
        shell = AppShell(model: AppModel(today: Driver.today, login: login), runner: EffectRunner(database: database, clock: clock, documents: documents), terminal: terminal,
                         config: UIConfig(theme: .builtIn, catalog: Catalog(language), keymap: keymap),
                         watcher: DataVersionWatcher(path: database.path), clock: clock, companyName: "华贸通商贸有限公司")
        shell.present()
    }

    /// Feeds keys, then runs the loop until background work has settled.
    func type(_ keys: [KeyEvent]) async {
        terminal.type(keys)
        await settle()
    }

    func type(_ text: String) async { await type(text.map { KeyEvent.char($0) }) }

    func settle() async {
        for _ in 0..<2000 {
            shell.step()
            if !shell.isBusy { break }
            try? await Task.sleep(nanoseconds: 2_000_000)
        }
        shell.step()
    }

    func login(_ user: String, password: String = "demo") async {
        await type(user)
        await type([.tab])
        await type(password)
        await type([.enter])
    }

    var screen: String { terminal.text }
}
