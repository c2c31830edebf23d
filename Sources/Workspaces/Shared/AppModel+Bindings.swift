import Domain

/// Every screen's and overlay's bindings, in the order the status bar and help show them.
extension AppModel {
    /// What keys do right now: the open overlay's bindings, else the current screen's.
    public func keyContext() -> KeyContext {
        if let overlay { return KeyContext(allowed(overlayBindings(overlay)), typing: overlay.isPalette ? .palette : nil) }
        guard session != nil else { return KeyContext(allowed(loginBindings), typing: .login) }
        if case .editor(let editor)? = current { return KeyContext(allowed(editorBindings(editor)), typing: editor.takesText ? .form : nil) }
        if currentList?.typingQuery == true { return KeyContext(allowed(searchBindings), typing: .listSearch) }
        return KeyContext(screenBindings())
    }

    /// The current screen's bindings that this role may use (under any overlay): help lists those
    /// that apply now.
    public func screenBindings() -> [Binding] {
        let own: [Binding]
        switch current {
        case .home?: own = homeBindings
        case .list(let m)?: own = listBindings(m)
        case .card(let m)?: own = cardBindings(m)
        case .editor(let e)?: return allowed(editorBindings(e))
        case nil: return allowed(loginBindings)
        }
        return allowed(own + commonBindings)
    }

    /// The bindings this role may use, each name once (the first, most specific, wins).
    func allowed(_ bindings: [Binding]) -> [Binding] {
        var seen = Set<String>()
        return bindings.filter { ($0.capabilities.isEmpty || $0.capabilities.contains(where: can)) && seen.insert($0.name).inserted }
    }

    static let customerWriters: [Capability] = [.editOwnCustomers, .editAllCustomers]

    func motion(_ send: (ListMotion) -> Action) -> [Binding] {
        [Binding("move-up", "hint.move", send(.up), group: "move"), Binding("move-down", "hint.move", send(.down), group: "move"),
         Binding("page-down", "hint.page", send(.pageDown), hint: false), Binding("page-up", "hint.page", send(.pageUp), hint: false),
         Binding("top", "hint.top", send(.top), hint: false), Binding("bottom", "hint.bottom", send(.bottom), hint: false)]
    }

    var commonBindings: [Binding] {
        var list: [Binding] = []
        if stack.count > 1 { list.append(Binding("back", "hint.back", .back)) }
        list += [Binding("palette", "hint.palette", .openPalette), Binding("refresh", "hint.refresh", .refresh),
                 Binding("help", "hint.help", .showHelp), Binding("redraw", "hint.redraw", .redraw, hint: false)]
        // `q` quits from the home and goes back from anywhere else: said as it is.
        list.append(stack.count > 1 ? Binding("quit", "hint.back", .quit, help: "action.quit-back", hint: false) : Binding("quit", "hint.quit", .quit))
        list.append(Binding("force-quit", "hint.force-quit", .confirmQuit(true), hint: false))
        return list
    }

    /// Log, postpone and done on the customer the user points at (a reminder, a row, a card).
    var customerFollowUpBindings: [Binding] {
        guard selectedCustomer() != nil else { return undoBindings }
        return [Binding("log-contact", "hint.log-contact", .logContact, needs: [.logContacts]),
                Binding("postpone", "hint.postpone", .postpone, needs: [.logContacts]),
                Binding("mark-done", "hint.mark-done", .markDone, needs: [.logContacts])] + undoBindings
    }

    /// While the "done" toast shows: `u` puts the follow-up back.
    var undoBindings: [Binding] {
        toast?.undo == nil ? [] : [Binding("undo", "hint.undo", .undo, needs: [.logContacts])]
    }

    var homeBindings: [Binding] {
        var list = motion { .home(.move($0)) }
        if home.canOpen { list.append(Binding("open", "hint.open", .home(.open))) }
        // A delivery due ships from the reminder itself.
        if home.selectedItem?.record.kind == .salesOrder { list.append(Binding("ship", "hint.ship", .document(.ship), needs: [.postShipments])) }
        list += customerFollowUpBindings
        list.append(Binding("new-record", "hint.new-customer", .newRecord, help: "action.new-customer", needs: Self.customerWriters, hint: false))
        return list
    }

    /// Any list: move, open, search, sort, filter (where the list has filters), export; the
    /// customer list adds new, edit and the follow-up keys.
    func listBindings(_ m: ListViewModel) -> [Binding] {
        var list = motion { .list(.move($0)) }
        let hasRow = m.selectedRef != nil
        if hasRow { list.append(Binding("open", "hint.open", .list(.open))) }
        // Sorting or filtering starts the list over: with search results shown, they say so first.
        list.append(Binding("search", "hint.search", .list(.beginSearch), help: m.kind == .customers ? nil : m.kind == .orders || m.kind == .openOrders || m.kind == .shipments ? "action.search-orders" : "list.\(m.kind.rawValue).found-what"))
        // One order only (stock by code): nothing to cycle.
        if m.kind.sorts.count > 1 { list.append(Binding("sort", "hint.sort", .sort).unless(!m.showingResults, "reason.clear-search-first")) }
        if m.kind == .customers {
            list += [Binding("filter", "hint.filter", .filter).unless(!m.showingResults, "reason.clear-search-first"), Binding("new-record", "hint.new", .newRecord, help: "action.new-customer", needs: Self.customerWriters)]
            if hasRow { list.append(Binding("edit", "hint.edit", .edit, needs: Self.customerWriters)) }
            list += customerFollowUpBindings
        }
        if m.kind == .opportunities, hasRow { list.append(Binding("edit", "hint.edit", .edit, help: "action.edit-opportunity", needs: [.editQuotes])) }
        if m.kind == .orders || m.kind == .openOrders {
            if m.kind == .orders { list.append(Binding("filter", "hint.filter", .filter, help: "action.filter-orders").unless(!m.showingResults, "reason.clear-search-first")) }
            list.append(Binding("new-record", "hint.new", .newRecord, help: "action.new-order-pick", needs: [.editSalesOrders]))
        }
        if let target = listVoidTarget() {
            list.append(Binding("delete", "hint.void", .document(.void), help: "action.void", needs: [AppModel.voidCapability(target.ref.kind)])
                .unless(target.posted, "reason.already-voided"))
        }
        if m.kind == .stock {
            list.append(Binding("filter", "hint.filter", .filter, help: "action.filter-stock").unless(!m.showingResults, "reason.clear-search-first"))
            if hasRow { list += [Binding("new-record", "hint.reorder", .newRecord, help: "action.reorder", needs: [.editPurchaseOrders])] + stockMoveBindings }
        }
        if m.kind == .suppliers { list.append(Binding("new-record", "hint.new", .newRecord, help: "editor.new-supplier", needs: [.editSuppliers])) }
        if m.kind == .purchaseOrders { list.append(Binding("new-record", "hint.new", .newRecord, help: "editor.new-po", needs: [.editPurchaseOrders])) }
        if m.kind == .shipments, hasRow { list.append(Binding("mark", "hint.mark", .list(.toggleMark), help: "action.mark")) }
        // The manager marks customers to hand over (`:handover` then moves the marked ones).
        if m.kind == .customers, hasRow { list.append(Binding("mark", m.marked.isEmpty ? "hint.mark" : "hint.marked-handover", .list(.toggleMark), help: "action.mark-handover",
                                                             needs: [.reassignCustomers])) }
        if printableRef() != nil {
            list.append(Binding("print", m.marked.isEmpty ? "hint.print" : "hint.print-marked", .print).unless(!m.marked.isEmpty || !printableIsVoid, "reason.void-not-printed"))
        }
        list.append(Binding("export", "hint.export", .export))
        if m.showingResults { list.insert(Binding("back", "hint.clear-search", .list(.clearSearch), help: "action.clear-search"), at: 0) }
        return list
    }

    /// While `/` is being typed in a list: characters are the query.
    var searchBindings: [Binding] {
        [Binding("open", "hint.accept-search", .list(.acceptSearch)), Binding("back", "hint.clear-search", .list(.clearSearch)),
         Binding("move-up", "hint.move", .list(.move(.up)), group: "move"), Binding("move-down", "hint.move", .list(.move(.down)), group: "move")]
    }

    var loginBindings: [Binding] {
        [Binding("open", "hint.log-in", .login(.submit)), Binding("next-pane", "hint.next-field", .login(.nextField)),
         Binding("previous-pane", "hint.previous-field", .login(.previousField), hint: false),
         Binding("move-down", "hint.next-field", .login(.nextField), hint: false), Binding("move-up", "hint.previous-field", .login(.previousField), hint: false),
         Binding("force-quit", "hint.quit", .confirmQuit(true))]
    }
}

extension AppModel.Overlay {
    var isPalette: Bool { if case .palette = self { return true } else { return false } }
}
