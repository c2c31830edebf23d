import Domain

/// Cards on the stack: opened, read again where they stand, paged, and what Enter on a row does.
extension AppModel {
    /// A card opened, read again or paged; nil when the action is another area's.
    mutating func handleCards(_ action: Action, now: Int64) -> [Effect]? {
        switch action {
        case .card(let a):
            guard case .card(var model)? = stack.last else { return [] }
            let effects = model.handle(a)
            stack[stack.count - 1] = .card(model)
            return effects
        case .cardLoaded(let card):
            if case .card(var model)? = stack.last, model.ref == card.ref || (model.ref.kind == .stockLevel && card.ref.kind == .product) {
                _ = model.handle(.loaded(card))
                stack[stack.count - 1] = .card(model)
            } else {
                var model = CardViewModel(ref: card.ref)
                _ = model.handle(.loaded(card))
                stack.append(.card(model))
            }
        case .cardOpened(let card, let section):
            // The last step arrived, or another card opened: steps go on from what is shown.
            if let s = steppingTo, s == card.ref || s.kind != card.ref.kind || ReportPeriod.report(s.id) != ReportPeriod.report(card.ref.id) { steppingTo = nil }
            var model = CardViewModel(ref: card.ref)
            _ = model.handle(.loaded(card))
            if let i = card.sections.firstIndex(where: { $0.title == section }) { _ = model.handle(.showTab(i + 1)) }
            // Another month of the report on screen takes its place.
            // So does another year of :quotas.
            let sameReport = { (shown: RecordRef) in
                (shown.kind == .report && card.ref.kind == .report && ReportPeriod.report(shown.id) == ReportPeriod.report(card.ref.id))
                    || (shown.kind == .quotas && card.ref.kind == .quotas)
            }
            if case .card(let shown)? = stack.last, sameReport(shown.ref) {
                // The same rows of another period: the cursor stays on the row it was on.
                if shown.tab == model.tab, let row = shown.selection[shown.tab], let count = model.currentSection?.rows.count, count > 0 {
                    model.selection[model.tab] = min(row, count - 1)
                }
                stack[stack.count - 1] = .card(model)
            } else {
                stack.append(.card(model))
            }
        case .stepReport(let step):
            // :quotas steps by year, not past next year.
            guard case .card(let m)? = stack.last else { return [] }
            let from = steppingTo.flatMap { $0.kind == m.ref.kind && ReportPeriod.report($0.id) == ReportPeriod.report(m.ref.id) ? $0 : nil } ?? m.ref
            var next: RecordRef?
            if m.ref.kind == .quotas {
                let year = from.id + Int64(step)
                next = year > Int64(today.year) + 1 ? nil : RecordRef(.quotas, year)
            } else if m.ref.kind == .report, ReportPeriod.steps(from.id) {
                next = ReportPeriod.step(from.id, by: step, today: today).map { RecordRef(.report, $0) }
            }
            guard let next else { return [] }
            steppingTo = next
            return [.loadCardAt(next, section: m.currentSection?.title ?? "")]
        case .cardReloaded(let ref, let card):
            // Read again, not opened: the card stays where it is in the stack (under a form, or
            // under a card a save just opened); a card no longer there is dropped.
            if let i = stackIndex(ofCard: ref), case .card(var model) = stack[i] {
                _ = model.handle(.loaded(card))
                stack[i] = .card(model)
            }
        case .cardPageLoaded(let ref, let section, let offset, let page):
            if let i = stackIndex(ofCard: ref), case .card(var model) = stack[i] {
                let effects = model.handle(.pageLoaded(section: section, offset: offset, page))
                stack[i] = .card(model)
                return effects
            }
        case .cardFailed(_, let message):
            steppingTo = nil
            refuse(message, now: now)
        case .openInCard:
            // A report's row: the documents behind its figures.
            if case .card(let m)? = current, let drill = m.selectedDrill { return openList(drill) }
            guard case .card(let m)? = current, let ref = m.selectedRef else { return [] }
            if ref.kind == .claim { return [.loadClaim(id: ref.id)] }
            // Another report (a rep's KPIs from the per-rep table): on its table.
            if ref.kind == .report, Report.names.indices.contains(ReportPeriod.report(ref.id)) {
                return [.loadCardAt(ref, section: Self.tableSection(ofReport: Report.names[ReportPeriod.report(ref.id)]))]
            }
            // A year's quotas (from a quota figure): on the year's grid.
            if ref.kind == .quotas { return [.loadCardAt(ref, section: "quotas.year")] }
            let edit = editEffects(ref, on: m)
            return edit.isEmpty ? [.loadCard(ref)] : edit
        default:
            return nil
        }
        return []
    }

    /// Where a card of `ref` stands on the stack (a card no longer there is not reopened).
    func stackIndex(ofCard ref: RecordRef) -> Int? {
        stack.lastIndex { if case .card(let m) = $0 { return m.ref == ref } else { return false } }
    }
}
