import Foundation
import Documents
import TestSupport
import TerminalCore
import Domain
import GRDB
@testable import Store
import Testing
@testable import Workspaces

/// The morning's batch: on `:shipments`, `v` marks notes, `p` prints every marked one as one
/// job — each note in turn, a form feed between them — and sending it clears the marks.
@Suite struct BatchPrintTests {
    let flow = EditorFlowTests()

    /// The assistant on `:shipments`, printing into a folder of its own.
    func onShipments(_ db: AppDatabase, dir: String) -> (AppModel, EffectRunner) {
        let documents = DocumentServices(library: TemplateLibrary(directory: dir + "/templates", width: TextWidth { DisplayWidth.of($0) }),
                                         printer: PrinterSettings(directory: dir + "/printed"), exportDirectory: dir + "/exports")
        var model = flow.loggedIn("assistant", db).0
        let runner = EffectRunner(database: db, clock: FixedClock(EditorFlowTests.today), documents: documents)
        _ = model.handle(.openPalette, now: 0)
        for c in "shipments" { _ = model.handle(.palette(.type(c)), now: 0) }
        var pending = model.handle(.palette(.run), now: 0)
        while !pending.isEmpty { let e = pending.removeFirst(); for a in runner.perform(e, session: model.session) { pending += model.handle(a, now: 0) } }
        return (model, runner)
    }

    @Test func markedShipmentNotesPrintAsOneJob() throws {
        let db = DemoFixture.make(inMemory: true)
        let dir = NSTemporaryDirectory() + "rapport-batch-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var (model, runner) = onShipments(db, dir: dir)
        let rows = try #require(model.currentList?.rows.prefix(3).map(\.ref))
        #expect(rows.count == 3)
        // Mark the first and the third (v moves down after marking).
        flow.drive(&model, runner, .list(.toggleMark))
        flow.drive(&model, runner, .list(.move(.down)))
        flow.drive(&model, runner, .list(.toggleMark))
        #expect(model.currentList?.marked == [rows[0], rows[2]])
        flow.drive(&model, runner, .print)
        guard case .preview(let preview)? = model.overlay else { Issue.record("no preview"); return }
        let numbers = try db.read { db in try rows.map { try String.fetchOne(db, sql: "SELECT number FROM shipments WHERE id = ?", arguments: [$0.id]) ?? "" } }
        #expect(preview.number == "\(numbers[0]) … \(numbers[2]) (2)")
        let notes = preview.document.text.split(separator: "\u{0C}")
        #expect(notes.count == 2 && notes[0].contains(numbers[0]) && notes[1].contains(numbers[2]) && !preview.document.text.contains(numbers[1]))
        flow.drive(&model, runner, .preview(.send(toFile: true)))
        #expect(model.currentList?.marked == [])
        let saved = try FileManager.default.contentsOfDirectory(atPath: dir + "/printed")
        #expect(saved == ["\(numbers[0])-\(numbers[2]).txt"])
    }

    /// A marked note voided before the batch is sent is left out and named; the rest print.
    @Test func aVoidedMarkedNoteIsLeftOutAndNamed() throws {
        let db = DemoFixture.make(inMemory: true)
        let dir = NSTemporaryDirectory() + "rapport-batch-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var (model, runner) = onShipments(db, dir: dir)
        let rows = try #require(model.currentList?.rows.prefix(2).map(\.ref))
        flow.drive(&model, runner, .list(.toggleMark))
        flow.drive(&model, runner, .list(.toggleMark))
        #expect(model.currentList?.marked == rows)
        let numbers = try db.read { db in try rows.map { try String.fetchOne(db, sql: "SELECT number FROM shipments WHERE id = ?", arguments: [$0.id]) ?? "" } }
        try db.write { db in try db.execute(sql: "UPDATE shipments SET status = 'voided', void_reason = 'wrong goods' WHERE id = ?", arguments: [rows[0].id]) }
        flow.drive(&model, runner, .print)
        guard case .preview(let preview)? = model.overlay else { Issue.record("no preview"); return }
        #expect(preview.number == numbers[1] && !preview.document.text.contains(numbers[0]))
        #expect(model.toast?.text == "print.void-skipped" && model.toast?.argument == numbers[0])
    }
}
