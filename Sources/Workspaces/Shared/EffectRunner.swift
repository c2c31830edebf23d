import Domain
import Foundation
import Store

/// Runs effects off the main loop (on a reader of the pool) and turns their results into actions.
public struct EffectRunner: Sendable {
    public let database: any RapportStore
    public let clock: any Clock
    /// Templates, printer and export folder; nil where nothing prints (some tests).
    public let documents: DocumentServices?

    public init(database: any RapportStore, clock: any Clock, documents: DocumentServices? = nil) {
        self.database = database; self.clock = clock; self.documents = documents
    }

    public func perform(_ effect: Effect, session: Session?) -> [AppModel.Action] {
        switch effect {
        case .authenticate(let login, let password):
            let now = clock.nowSeconds()
            do {
                return [.login(.result(try database.authenticate(login: login, password: password, at: now, oneTimeAllowed: true), now: now))]
            } catch {
                return [.login(.failed(error.description))]
            }
        case .loadHome:
            guard let session else { return [] }
            do {
                let dashboard = try database.dashboard(for: session.actor, today: session.today)
                let reminders = try database.reminders(for: session.actor, today: session.today)
                return [.home(.loaded(dashboard, reminders))]
            } catch {
                return [.home(.failed(error.userMessage))]
            }
        case .loadCard, .reloadCard, .loadCardAt, .loadCardPage, .loadCardRest, .loadList, .searchList, .lookupCustomers, .lookupOpenOrders:
            guard let session else { return [] }
            return performRead(effect, session: session)
        case .openEditor, .saveEditor, .markContactDone, .undoContactDone, .loadClaim, .decideClaim, .markQuoteSent:
            guard let session else { return [] }
            return performWrite(effect, session: session)
        case .preparePrint(let ref):
            guard let session else { return [] }
            return preparePrint(ref, session: session)
        case .preparePrintBatch(let refs):
            guard let session else { return [] }
            return preparePrint(refs, session: session)
        case .print(let preview, let toFile):
            return print(preview, toFile: toFile)
        case .export(let request, let format):
            guard let session else { return [] }
            return export(request, format: format, session: session)
        case .quit:
            return []
        }
    }
}

extension EffectRunner {
    /// Cards, their pages, lists and their searches.
    func performRead(_ effect: Effect, session: Session) -> [AppModel.Action] {
        switch effect {
        case .loadCard(let ref), .reloadCard(let ref):
            do {
                let card = try database.card(ref, for: session.actor, today: session.today)
                return [effect == .loadCard(ref) ? .cardLoaded(card) : .cardReloaded(ref, card)]
            } catch {
                return [.cardFailed(ref, error.userMessage)]
            }
        case .loadCardAt(let ref, let section):
            do {
                return [.cardOpened(try database.card(ref, for: session.actor, today: session.today), section: section)]
            } catch {
                return [.cardFailed(ref, error.userMessage)]
            }
        case .loadCardPage(let ref, let section, let offset), .loadCardRest(let ref, let section, let offset):
            do {
                let all: Bool = if case .loadCardRest = effect { true } else { false }
                let page = try database.cardPage(ref, section: section, offset: offset, limit: all ? nil : RecordCard.pageSize, for: session.actor, today: session.today)
                return [.cardPageLoaded(ref, section: section, offset: offset, page)]
            } catch {
                return [.cardFailed(ref, error.userMessage)]
            }
        case .loadList(let query, let after, let backwards, let reset, let inclusive, let request):
            do {
                let page = try database.listPage(query, after: after, inclusive: inclusive, limit: ListViewModel.window, backwards: backwards,
                                                 for: session.actor, today: session.today)
                let total = reset ? try database.listCount(query, for: session.actor, today: session.today) : nil
                return [.listResult(query.kind, .loaded(page, backwards: backwards, reset: reset, total: total, request: request))]
            } catch {
                return [.listResult(query.kind, .failed(error.userMessage))]
            }
        case .searchList(let query, let text, let request):
            do {
                let page = try database.listSearch(query, text: text, limit: 200, for: session.actor, today: session.today)
                return [.listResult(query.kind, .searched(page, text: text, request: request))]
            } catch {
                return [.listResult(query.kind, .failed(error.userMessage))]
            }
        case .lookupOpenOrders(let field, let query):
            do {
                let found = try database.listSearch(ListQuery(.openOrders, sort: "due-date"), text: query, limit: FormModel.matchLimit, for: session.actor, today: session.today)
                return [.editor(.lookupResults(field: field, query: query, options: found.rows.map(EditorModel.orderOption)))]
            } catch {
                return [.refused(error.userMessage)]
            }
        case .lookupCustomers(let field, let query):
            do {
                let found = try database.customerPicks(for: session.actor, query: query, limit: FormModel.matchLimit)
                return [.editor(.lookupResults(field: field, query: query, options: found.map(EditorModel.customerOption)))]
            } catch {
                return [.refused(error.userMessage)]
            }
        default:
            return []
        }
    }
}

/// Results posted from background work, drained by the run loop once per frame: one batch per
/// finished effect (possibly empty), so the loop knows how much work is still out.
public final class Inbox: @unchecked Sendable {
    private let lock = NSLock()
    private var batches: [[AppModel.Action]] = []
    public init() {}

    public func post(_ actions: [AppModel.Action]) {
        lock.lock(); batches.append(actions); lock.unlock()
    }

    public func drain() -> [[AppModel.Action]] {
        lock.lock(); defer { lock.unlock() }
        let out = batches
        batches = []
        return out
    }

    public var isEmpty: Bool { lock.lock(); defer { lock.unlock() }; return batches.isEmpty }
}
