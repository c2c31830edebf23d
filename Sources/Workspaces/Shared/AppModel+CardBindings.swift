import Domain
import Store

/// A card's bindings: its tabs, the row it points at, and the moves its record allows now.
extension AppModel {
    func cardBindings(_ m: CardViewModel) -> [Binding] {
        var list = motion { .card(.move($0)) }
        // A period report steps by month with [ ] (its tabs stay on Tab and the digits).
        if m.ref.kind == .report, ReportPeriod.steps(m.ref.id) {
            // A month steps by month; a from–to range by its own length.
            let byMonth: Bool = if case .month = ReportPeriod.span(m.ref.id) { true } else { false }
            // A report as of a day steps from month end to month end, and `f` asks for the day.
            let asOf = ReportPeriod.isAsOfDay(m.ref.id)
            let hint = asOf ? "hint.month-end" : byMonth ? "hint.month" : "hint.step-period"
            list += [Binding("previous-tab", hint, .stepReport(-1), help: asOf ? "action.month-end-before" : byMonth ? "action.month-before" : "action.period-before", group: "month"),
                     Binding("next-tab", hint, .stepReport(1), help: asOf ? "action.month-end-after" : byMonth ? "action.month-after" : "action.period-after", group: "month")
                        .unless(ReportPeriod.step(m.ref.id, by: 1, today: today) != nil, "reason.this-month"),
                     Binding("filter", asOf ? "hint.day" : "hint.period", .filter, help: asOf ? "action.report-day" : "action.report-period")]
        }
        if m.ref.kind == .quotas {
            list += [Binding("previous-tab", "hint.year", .stepReport(-1), help: "action.year-before", group: "month"),
                     Binding("next-tab", "hint.year", .stepReport(1), help: "action.year-after", group: "month").unless(m.ref.id <= Int64(today.year), "reason.next-year")]
        }
        if m.ref.kind == .report, Report.names.indices.contains(ReportPeriod.report(m.ref.id)), Report.names[ReportPeriod.report(m.ref.id)] == "kpi" {
            list.append(Binding("trend", "hint.trend", .kpiTrend, help: "action.trend", needs: [.viewAllKPIs]))
        }
        if m.ref.kind == .report, (m.card?.sortCount ?? 0) > 1 { list.append(Binding("sort", "hint.sort", .sort, help: "action.sort-report")) }
        if m.isTabbed {
            list += [Binding("previous-tab", "hint.tabs", .card(.previousTab), group: "tabs"), Binding("next-tab", "hint.tabs", .card(.nextTab), group: "tabs"),
                     Binding("next-pane", "hint.tabs", .card(.nextTab), hint: false), Binding("previous-pane", "hint.tabs", .card(.previousTab), hint: false)]
            list += (0..<min(9, m.tabCount)).map { Binding("tab-\($0 + 1)", "hint.tabs", .card(.showTab($0)), help: "action.group.tab-number", hint: false, group: "tab-number") }
        }
        // `?` on a KPI says how it was worked out (the help is a tab away, or `?` again there).
        if m.selectedExplanation != nil { list.append(Binding("help", "hint.explain", .explain, help: "action.explain")) }
        if m.selectedDrill != nil { list.append(Binding("open", "hint.open-documents", .openInCard, help: "action.open-documents")) }
        else if m.selectedRef != nil { list.append(Binding("open", "hint.open", .openInCard)) }
        if let new = newRecordBinding(m) { list.append(new) }
        list += editBindings(m) + quoteMoveBindings + postedDocumentBindings(m)
        if printableRef() != nil { list.append(Binding("print", "hint.print", .print).unless(!printableIsVoid, "reason.void-not-printed")) }
        if canExport { list.append(Binding("export", "hint.export", .export)) }
        if AppDatabase.auditEntity(for: m.ref.kind) != nil { list.append(Binding("history", "hint.history", .history, help: "action.history", needs: [.manageUsers])) }
        return list + customerFollowUpBindings
    }

    /// `a` on a customer card's tab adds what that tab lists.
    func newRecordBinding(_ m: CardViewModel) -> Binding? {
        if m.ref.kind == .users { return Binding("new-record", "hint.new-user", .newRecord, help: "editor.new-user", needs: [.manageUsers]) }
        if m.ref.kind == .receipt || m.ref.kind == .payment {
            // What the document left unapplied is allocated later, dated.
            let left = (m.card?.field("field.unapplied") ?? m.card?.field("field.prepayment")).map { if case .money(let v) = $0 { v.minorUnits > 0 } else { false } } ?? false
            return Binding("new-record", "hint.allocate-credit", .newRecord, help: "action.allocate-credit", needs: [m.ref.kind == .payment ? .postPayments : .postReceipts])
                .unless(left, "reason.no-credit-left")
        }
        if m.ref.kind == .supplier, m.currentSection?.title == "section.payments" || m.currentSection?.title == "section.payables", can(.postPayments) {
            return Binding("new-record", "hint.new-payment", .newRecord, help: "editor.new-payment", needs: [.postPayments])
        }
        if m.ref.kind == .supplier, m.currentSection?.title == "section.contacts" {
            return Binding("new-record", "hint.new-contact", .newRecord, help: "action.new-contact", needs: [.editSuppliers])
        }
        if m.ref.kind == .supplier { return Binding("new-record", "hint.new-po", .newRecord, help: "editor.new-po", needs: [.editPurchaseOrders]) }
        guard m.ref.kind == .customer else { return nil }
        switch m.currentSection?.title {
        case "section.contacts"?: return Binding("new-record", "hint.new-contact", .newRecord, help: "action.new-contact", needs: Self.customerWriters)
        case "section.opportunities"?: return Binding("new-record", "hint.new-opportunity", .newRecord, help: "action.new-opportunity", needs: [.editQuotes])
        case "section.contact-log"?: return Binding("new-record", "hint.new-log", .newRecord, help: "action.new-log", needs: [.logContacts])
        case "section.quotes"?: return Binding("new-record", "hint.new-quote", .newRecord, help: "action.new-quote", needs: [.editQuotes])
        case "section.orders"?: return Binding("new-record", "hint.new-order", .newRecord, help: "action.new-order", needs: [.editSalesOrders])
        case "section.receipts"?: return Binding("new-record", "hint.new-receipt", .newRecord, help: "action.new-receipt", needs: [.postReceipts])
        case "section.feedback"?: return Binding("new-record", "hint.new-feedback", .newRecord, help: "action.new-feedback", needs: [.logContacts])
        default: return nil
        }
    }

    /// `e` edits what is selected: a quote (drafts only), a contact or opportunity row, or the
    /// customer whose card this is.
    func editBindings(_ m: CardViewModel) -> [Binding] {
        if selectedQuote() != nil {
            return [Binding("edit", "hint.edit", .edit, needs: [.editQuotes]).unless(selectedQuoteStatus() == .draft, "reason.quote-not-draft")]
        }
        switch m.selectedRef?.kind {
        case .contact? where m.ref.kind == .customer: return [Binding("edit", "hint.edit", .edit, needs: Self.customerWriters)]
        case .opportunity? where m.ref.kind == .customer: return [Binding("edit", "hint.edit", .edit, needs: [.editQuotes])]
        case .supplierContact? where m.ref.kind == .supplier: return [Binding("edit", "hint.edit", .edit, needs: [.editSuppliers])]
        case .feedback? where m.ref.kind == .report: return [Binding("edit", "hint.edit", .edit, help: "editor.complaint", needs: [.viewAllKPIs])]
        case .user? where m.ref.kind == .users: return [Binding("edit", "hint.edit", .edit, help: "editor.edit-user", needs: [.manageUsers])]
        case .performance? where m.ref.kind == .quotas: return [Binding("edit", "hint.edit-quotas", .edit, help: "action.edit-quotas", needs: [.viewAllKPIs])]
        default: break
        }
        if m.ref.kind == .customer { return [Binding("edit", "hint.edit-customer", .edit, help: "action.edit-customer", needs: Self.customerWriters)] }
        if m.ref.kind == .supplier { return [Binding("edit", "hint.edit", .edit, help: "editor.edit-supplier", needs: [.editSuppliers])] }
        return []
    }
}
