import Domain

/// Login, the stack of screens, the overlays, refreshes and the palette's commands.
extension AppModel {
    /// Navigation, overlays, toasts, refreshes; nil when the action is another area's.
    mutating func handleNavigation(_ action: Action, now: Int64) -> [Effect]? {
        switch action {
        case .login(let a):
            var effects = loginModel.handle(a, now: now)
            switch a {
            case .result(.success(let actor), _), .result(.changePassword(let actor), _):
                session = Session(actor: actor, today: today)
                stack = [.home]
                home = HomeViewModel()
                effects.append(.loadHome)
                // A one-time password is spent: the user sets their own first (leaving the form
                // logs out, the manager makes another).
                if case .result(.changePassword, _) = a {
                    session?.mustChangePassword = true
                    effects.append(.openEditor(.changePassword))
                }
            default:
                break
            }
            return effects
        case .home(let a):
            // Low stock's "… N more" is the stock list at or under reorder level (`a` orders from there).
            if a == .open, home.selectedItem == nil, home.rows.indices.contains(home.selected), case .group(.lowStock, _, _) = home.rows[home.selected],
               can(.viewStock) || can(.editPurchaseOrders) {
                return openList(ListQuery(.stock, sort: "code", filter: ["below": "1"]))
            }
            // Goods expected's: every PO still to come, the overdue (marked) first.
            if a == .open, home.selectedItem == nil, home.rows.indices.contains(home.selected), case .group(.goodsExpected, _, _) = home.rows[home.selected],
               can(.editPurchaseOrders) || can(.viewSuppliers) {
                return openList(ListQuery(.purchaseOrders, sort: "expected", filter: ["status": "expected"]))
            }
            return home.handle(a)
        case .list(let a):
            return updateList(nil) { $0.handle(a) }
        case .listResult(let kind, let a):
            return updateList(kind) { $0.handle(a) }
        case .back:
            steppingTo = nil
            if overlay != nil { overlay = nil } else if stack.count > 1 { stack.removeLast() }
        case .quit:
            if session == nil || stack.count <= 1 { overlay = .confirmQuit } else { stack.removeLast() }
        case .refresh:
            return refreshEffects()
        case .dataChanged:
            return session == nil ? [] : refreshEffects()
        case .dayChanged(let d):
            today = d
            session?.today = d
            return session == nil ? [] : refreshEffects()
        case .toast(let text, let isError):
            toast = ToastMessage(text: text, isError: isError, until: now + 4)
        case .tick(let t):
            if let toast, toast.until <= t { self.toast = nil }
            return loginModel.handle(.tick(now: t), now: t)
        case .open(let ref):
            return [.loadCard(ref)]
        case .notice(let key, let argument, let isError):
            say(key, argument: argument, isError: isError, now: now)
        case .refused(let message):
            refuse(message, now: now)
        case .redraw:
            break
        default:
            return handleOverlay(action, now: now)
        }
        return []
    }

    /// The palette, help and the quit question; nil when the action is another area's.
    mutating func handleOverlay(_ action: Action, now: Int64) -> [Effect]? {
        switch action {
        case .openPalette:
            if let session { overlay = .palette(PaletteModel(role: session.role)) }
        case .palette(let a):
            guard case .palette(var p)? = overlay else { return [] }
            switch p.handle(a) {
            case .stay: overlay = .palette(p)
            case .close: overlay = nil
            case .run(let command):
                overlay = nil
                return run(command: command, now: now)
            }
        case .showHelp:
            overlay = overlay == .help ? nil : .help
        case .kpiTrend:
            guard case .card(let m)? = current, m.ref.kind == .report, let trend = Report.names.firstIndex(of: "kpi-trend") else { return [] }
            let id = ReportPeriod.id(ReportPeriod.id(m.ref.id, report: trend), view: .init(rep: ReportPeriod.view(m.ref.id).rep))
            return [.loadCardAt(RecordRef(.report, id), section: "kpi-trend.sparklines")]
        case .explain:
            guard case .card(let m)? = current, let e = m.selectedExplanation, let rows = m.currentSection?.rows, rows.indices.contains(m.selectedRow),
                  case .status(let key)? = rows[m.selectedRow].first else { return [] }
            let row = rows[m.selectedRow]
            overlay = .explanation(title: key, value: row.dropFirst().first ?? .empty, e)
        case .closeOverlay:
            overlay = nil
        case .confirmQuit(let yes):
            overlay = nil
            if yes { quitting = true; return [.quit] }
        default:
            return nil
        }
        return []
    }

    /// The screen a form was opened from (forms are drawn over it), or the current screen.
    public var baseScreen: Screen? {
        stack.last { if case .editor = $0 { return false } else { return true } }
    }

    /// After a write (here or by another process), a refresh or a new day: every screen on the
    /// stack reads its data again where it stands — the home, the customer list, each card
    /// (the customer card under a quote just accepted too). Open forms keep what is typed.
    mutating func refreshEffects() -> [Effect] {
        var effects: [Effect] = [.loadHome]
        for kind in Set(stack.compactMap { if case .list(let m) = $0 { m.kind } else { nil } }) { effects += updateList(kind) { $0.handle(.refresh) } }
        var seen = Set<RecordRef>()
        for case .card(let m) in stack where seen.insert(m.ref).inserted { effects.append(.reloadCard(m.ref)) }
        return effects
    }

    mutating func run(command: String, now: Int64) -> [Effect] {
        guard let session, PaletteCommand.available(to: session.role).contains(where: { $0.name == command }) else { return [] }
        switch command {
        case "home":
            stack = [.home]
            return [.loadHome]
        case "reminders":
            return [.loadCard(RecordRef(.reminders, session.actor.userId))]
        case "team-performance", "department", "deliveries", "aging", "payables-aging", "cash", "expense-stats", "receivables", "commissions", "purchases", "kpi", "kpi-reps", "feedback", "kpi-trend":
            // :department is the sales assistant's name for the team's figures.
            let name = command == "department" ? "team-performance" : command == "expense-stats" ? "expenses" : command
            return [.loadCardAt(RecordRef(.report, Int64(Report.names.firstIndex(of: name) ?? 0)), section: Self.tableSection(ofReport: name))]
        case "customers":
            return openList(.customers)
        case "open-orders":
            return openList(.openOrders)
        case "orders":
            return openList(.orders)
        case "shipments":
            return openList(.shipments)
        case "money":
            return openList(.moneyDocuments)
        case "expenses":
            return openList(.expenses)
        case "opportunities":
            return openList(ListQuery(.opportunities, sort: "amount", filter: ["state": "open"]))
        case "contact-log":
            return openList(.contactLog)
        case "performance":
            return [.loadCard(RecordRef(.performance, session.actor.userId))]
        case "new-customer":
            return [.openEditor(.newCustomer(name: ""))]
        case "quotes":
            return [.loadCard(RecordRef(.quoteList, session.actor.userId))]
        case "new-quote":
            if let (id, name) = selectedCustomer() { return [.openEditor(.newQuote(customerId: id, name: name))] }
            stack.append(.editor(.pickCustomer(for: .quote, today: today)))
        case "new-receipt":
            if let (id, name) = selectedCustomer() { return [.openEditor(.newReceipt(customerId: id, name: name))] }
            stack.append(.editor(.pickCustomer(for: .receipt, today: today)))
        case "new-expense":
            return [.openEditor(.newExpense)]
        case "new-po":
            // On a supplier's card: a PO for that supplier; anywhere else: which one.
            if case .card(let m)? = current, m.ref.kind == .supplier, let title = m.card?.title {
                return [.openEditor(.newPurchaseOrder(supplierId: m.ref.id, name: title))]
            }
            return [.openEditor(.pickSupplier(then: .purchaseOrder))]
        case "new-goods-receipt":
            // On a PO still to receive: that PO; anywhere else: which one.
            if case .card(let m)? = current, m.ref.kind == .purchaseOrder, [.open, .partiallyReceived].contains(purchaseOrderStatus(m)) {
                return [.openEditor(.newGoodsReceipt(poId: m.ref.id))]
            }
            return [.openEditor(.pickPurchaseOrder)]
        case "purchase-orders":
            return openList(.purchaseOrders)
        case "stock":
            return openList(.stock)
        case "suppliers":
            return openList(.suppliers)
        case "audit":
            return openList(.audit)
        case "settings":
            return [.openEditor(.editSettings)]
        case "handover":
            // On the customer list with customers marked: those; else a leaving rep's.
            if let m = currentList, m.kind == .customers, !m.marked.isEmpty { return [.openEditor(.handoverSelection(m.marked.map(\.id)))] }
            return [.openEditor(.pickLeavingRep)]
        case "users":
            return [.loadCardAt(RecordRef(.users, 0), section: "title.users")]
        case "password":
            return [.openEditor(.changePassword)]
        case "quotas":
            return [.loadCardAt(RecordRef(.quotas, Int64(today.year)), section: "quotas.year")]
        case "new-supplier":
            return [.openEditor(.newSupplier)]
        case "new-expense-category":
            stack.append(.editor(.expenseCategory(today: today)))
        case "new-payment":
            if case .card(let m)? = current, m.ref.kind == .supplier, let title = m.card?.title {
                return [.openEditor(.newPayment(supplierId: m.ref.id, name: title))]
            }
            return [.openEditor(.pickSupplier(then: .payment))]
        case "new-order":
            if let (id, name) = selectedCustomer() { return [.openEditor(.newOrder(customerId: id, name: name))] }
            stack.append(.editor(.pickCustomer(for: .order, today: today)))
        case "new-shipment":
            // On an open order: that order; anywhere else: which one.
            if case .card(let m)? = current, m.ref.kind == .salesOrder, orderIsOpen(m) { return [.openEditor(.newShipment(orderId: m.ref.id))] }
            stack.append(.editor(.pickOrder(today: today)))
        case "refresh":
            return refreshEffects()
        case "help":
            overlay = .help
        case "logout":
            // The next person at this terminal starts from an empty login field.
            self = AppModel(today: today)
        case "quit":
            overlay = .confirmQuit
        default:
            break
        }
        return []
    }

    /// A report opens on its table (the parameters are on the first tab).
    static func tableSection(ofReport name: String) -> String {
        switch name {
        case "team-performance", "kpi-reps": name == "kpi-reps" ? "kpi.tab-sales" : "report.tab-sales"
        case "aging", "payables-aging": "aging.tab-1"
        case "cash": "cash.by-month"
        case "expenses": "expenses.by-category"
        case "receivables": "receivables.concentration"
        case "commissions": "title.commissions"
        case "purchases": "purchases.by-supplier"
        case "feedback": "feedback.by-rep"
        case "kpi-trend": "kpi-trend.sparklines"
        default: "title.\(name)"
        }
    }
}
