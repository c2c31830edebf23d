import Documents
import Domain

extension PrintPreview {
    /// In the preview pane: scroll, or send it (to the printer, or to a file).
    public enum Action: Sendable, Equatable {
        case scroll(Int)
        case send(toFile: Bool)
    }
}

/// `p` and `x`: the print preview and the export of what is on screen.
extension AppModel {
    /// Print and export; nil when the action is another area's.
    mutating func handleDocuments(_ action: Action, now: Int64) -> [Effect]? {
        switch action {
        case .print:
            // Rows marked on a list print as one job, in the order marked.
            if let marked = currentList?.marked, !marked.isEmpty { return [.preparePrintBatch(marked)] }
            if let ref = printableRef() { return [.preparePrint(ref)] }
            say("print.nothing", isError: true, now: now)
        case .printReady(let preview):
            overlay = .preview(preview)
        case .preview(.scroll(let delta)):
            if case .preview(var p)? = overlay {
                p.scroll = max(0, min(max(0, p.lines.count - 1), p.scroll + delta))
                overlay = .preview(p)
            }
        case .preview(.send(let toFile)):
            guard case .preview(let p)? = overlay else { return [] }
            overlay = nil
            // Sent: the marks that made the job are done with.
            _ = updateList(nil) { $0.marked = []; return [] }
            return [.print(p, toFile: toFile || p.printer == nil)]
        case .export:
            if canExport { overlay = .exportChoice } else {
                say("export.nothing", isError: true, now: now)
            }
        case .exportAs(let format):
            overlay = nil
            if let request = exportRequest() { return [.export(request, format)] }
        default:
            return nil
        }
        return []
    }

    /// The document `p` prints: the open quote, order or purchase order, or the one selected in
    /// a card's table.
    public func printableRef() -> RecordRef? {
        let printable: Set<RecordRef.Kind> = [.quote, .salesOrder, .shipment, .purchaseOrder]
        if case .list(let l)? = current, let ref = l.selectedRef, printable.contains(ref.kind) { return ref }
        guard case .card(let m)? = current else { return nil }
        if printable.contains(m.ref.kind) { return m.ref }
        if let ref = m.selectedRef, printable.contains(ref.kind) { return ref }
        return nil
    }

    /// The document `p` would print is a voided shipment or a cancelled order: it is not printed.
    var printableIsVoid: Bool {
        let void: Set<CellValue> = [.status("status.voided"), .status("status.cancelled")]
        switch current {
        case .list(let l)?:
            return l.rows.indices.contains(l.selected) && l.rows[l.selected].cells.contains { void.contains($0) }
        case .card(let m)?:
            // The card's own document, else the selected row's.
            if printableRef() == m.ref { return m.card?.field("field.status").map(void.contains) ?? false }
            return m.selectedCell("col.status").map(void.contains) ?? false
        default:
            return false
        }
    }

    /// Whether `x` has something to export here (cheap: the status bar asks every frame).
    public var canExport: Bool {
        switch current {
        case .list?: return true
        case .card(let m)?: return [.purchaseOrder, .quote].contains(m.ref.kind) || !(m.currentSection?.rows.isEmpty ?? true)
        default: return false
        }
    }

    /// What `x` exports: the whole list with its sort and filter (or search), or the whole
    /// table of the card's current tab.
    public func exportRequest() -> ExportRequest? {
        switch current {
        case .list(let m)?:
            return .list(m.query, search: m.showingResults ? m.search : nil)
        case .card(let m)? where [.purchaseOrder, .quote].contains(m.ref.kind):
            // A PO or a quote goes out whole, ready to e-mail.
            return .document(m.ref)
        case .card(let m)?:
            guard let section = m.currentSection, !section.rows.isEmpty else { return nil }
            // `customer-contact-log`, `reminders-receivable-overdue`: the kind, then the table's key without its prefix.
            let name = "\(m.ref.kind.rawValue)-" + (section.title.split(separator: ".", maxSplits: 1).last.map(String.init) ?? section.title)
            return .cardTable(m.ref, section: section.title, columns: section.columns, name: name)
        default:
            return nil
        }
    }
}
