import Domain

/// A command of the `:` palette. `capability` nil means every role may run it.
public struct PaletteCommand: Sendable, Equatable {
    public var name: String
    public var titleKey: String
    public var capabilities: [Capability]
    /// When set, only these roles are offered the command (a rep's own screens).
    public var roles: [Role]? = nil

    public static let all: [PaletteCommand] = [
        PaletteCommand(name: "home", titleKey: "screen.home", capabilities: []),
        PaletteCommand(name: "reminders", titleKey: "screen.reminders", capabilities: []),
        PaletteCommand(name: "customers", titleKey: "screen.customers", capabilities: [.viewOwnCustomers, .viewAllCustomers]),
        PaletteCommand(name: "orders", titleKey: "list.orders", capabilities: [.viewAllCustomers, .viewOwnCustomers]),
        PaletteCommand(name: "deliveries", titleKey: "title.deliveries", capabilities: [.postShipments, .editSalesOrders]),
        PaletteCommand(name: "shipments", titleKey: "list.shipments", capabilities: [.viewAllCustomers, .viewOwnCustomers]),
        PaletteCommand(name: "open-orders", titleKey: "list.open-orders", capabilities: [.editSalesOrders, .postShipments]),
        PaletteCommand(name: "performance", titleKey: "screen.performance", capabilities: [.viewOwnPerformance], roles: [.salesRep]),
        PaletteCommand(name: "new-customer", titleKey: "editor.new-customer", capabilities: [.editOwnCustomers, .editAllCustomers]),
        PaletteCommand(name: "quotes", titleKey: "screen.quotes", capabilities: [.editQuotes]),
        PaletteCommand(name: "opportunities", titleKey: "list.opportunities", capabilities: [.editQuotes, .viewAllKPIs]),
        PaletteCommand(name: "contact-log", titleKey: "list.contact-log", capabilities: [.logContacts, .viewAllKPIs]),
        PaletteCommand(name: "new-quote", titleKey: "editor.new-quote", capabilities: [.editQuotes]),
        PaletteCommand(name: "new-order", titleKey: "editor.new-order", capabilities: [.editSalesOrders]),
        PaletteCommand(name: "new-shipment", titleKey: "editor.new-shipment", capabilities: [.postShipments]),
        PaletteCommand(name: "team-performance", titleKey: "title.team-performance", capabilities: [.viewDepartmentPerformance, .viewAllKPIs]),
        PaletteCommand(name: "kpi", titleKey: "title.kpi", capabilities: [.viewAllKPIs]),
        PaletteCommand(name: "kpi-reps", titleKey: "title.kpi-reps", capabilities: [.viewAllKPIs]),
        PaletteCommand(name: "kpi-trend", titleKey: "title.kpi-trend", capabilities: [.viewAllKPIs]),
        PaletteCommand(name: "users", titleKey: "title.users", capabilities: [.manageUsers]),
        PaletteCommand(name: "feedback", titleKey: "title.feedback", capabilities: [.viewAllKPIs]),
        PaletteCommand(name: "audit", titleKey: "list.audit", capabilities: [.manageUsers]),
        PaletteCommand(name: "settings", titleKey: "editor.settings", capabilities: [.editSettings]),
        PaletteCommand(name: "quotas", titleKey: "title.quotas", capabilities: [.viewAllKPIs]),
        PaletteCommand(name: "handover", titleKey: "editor.handover", capabilities: [.reassignCustomers]),
        PaletteCommand(name: "department", titleKey: "title.department", capabilities: [.viewDepartmentPerformance, .viewAllKPIs]),
        PaletteCommand(name: "new-receipt", titleKey: "editor.new-receipt", capabilities: [.postReceipts]),
        PaletteCommand(name: "new-payment", titleKey: "editor.new-payment", capabilities: [.postPayments]),
        PaletteCommand(name: "new-expense", titleKey: "editor.new-expense", capabilities: [.editExpenses]),
        PaletteCommand(name: "new-expense-category", titleKey: "editor.new-expense-category", capabilities: [.editExpenses]),
        PaletteCommand(name: "expense-stats", titleKey: "title.expense-stats", capabilities: [.editExpenses, .viewAllKPIs]),
        PaletteCommand(name: "receivables", titleKey: "title.receivables", capabilities: [.viewAllReceivables]),
        PaletteCommand(name: "commissions", titleKey: "title.commissions", capabilities: [.editExpenses, .viewAllKPIs]),
        PaletteCommand(name: "cash", titleKey: "title.cash", capabilities: [.viewCashStatistics, .viewAllKPIs]),
        PaletteCommand(name: "money", titleKey: "list.money", capabilities: [.viewCashStatistics, .viewAllKPIs]),
        PaletteCommand(name: "expenses", titleKey: "list.expenses", capabilities: [.editExpenses, .viewAllKPIs]),
        PaletteCommand(name: "aging", titleKey: "title.aging", capabilities: [.viewAllReceivables]),
        PaletteCommand(name: "payables-aging", titleKey: "title.payables-aging", capabilities: [.viewPayables]),
        PaletteCommand(name: "new-po", titleKey: "editor.new-po", capabilities: [.editPurchaseOrders]),
        PaletteCommand(name: "new-goods-receipt", titleKey: "editor.new-goods-receipt", capabilities: [.postGoodsReceipts]),
        PaletteCommand(name: "purchases", titleKey: "title.purchases", capabilities: [.editPurchaseOrders, .viewAllKPIs]),
        PaletteCommand(name: "suppliers", titleKey: "list.suppliers", capabilities: [.viewSuppliers]),
        PaletteCommand(name: "new-supplier", titleKey: "editor.new-supplier", capabilities: [.editSuppliers]),
        PaletteCommand(name: "stock", titleKey: "list.stock", capabilities: [.viewStock, .editPurchaseOrders, .editQuotes]),
        PaletteCommand(name: "purchase-orders", titleKey: "list.purchase-orders", capabilities: [.editPurchaseOrders, .viewSuppliers]),
        PaletteCommand(name: "refresh", titleKey: "command.refresh", capabilities: []),
        PaletteCommand(name: "help", titleKey: "command.help", capabilities: []),
        PaletteCommand(name: "password", titleKey: "editor.change-password", capabilities: []),
        PaletteCommand(name: "logout", titleKey: "command.logout", capabilities: []),
        PaletteCommand(name: "quit", titleKey: "command.quit", capabilities: []),
    ]

    /// What this role may run: a command is offered only if the role holds one of its capabilities.
    public static func available(to role: Role) -> [PaletteCommand] {
        all.filter { ($0.capabilities.isEmpty || $0.capabilities.contains(where: role.can)) && ($0.roles?.contains(role) ?? true) }
    }
}

public struct PaletteModel: Sendable, Equatable {
    public var query = ""
    public var selected = 0
    public var commands: [PaletteCommand]

    public init(role: Role) { commands = PaletteCommand.available(to: role) }

    public enum Action: Sendable, Equatable {
        case type(Character)
        case backspace
        /// Ctrl-U: the query erased, the palette still open.
        case erase
        case move(Int)
        case run
    }

    /// What the palette reports to the shell: stay open, close, or run a command.
    public enum Outcome: Sendable, Equatable { case stay, close, run(String) }

    public mutating func handle(_ action: Action) -> Outcome {
        switch action {
        case .type(let c): query.append(c); selected = 0
        case .backspace:
            if query.isEmpty { return .close }
            query.removeLast(); selected = 0
        case .erase:
            query = ""; selected = 0
        case .move(let d): selected = max(0, min(matches.count - 1, selected + d))
        case .run: return matches.indices.contains(selected) ? .run(matches[selected].name) : .close
        }
        return .stay
    }

    /// Commands whose name starts with the query, then those that contain it.
    public var matches: [PaletteCommand] {
        let q = query.lowercased()
        if q.isEmpty { return commands }
        return commands.filter { $0.name.hasPrefix(q) } + commands.filter { !$0.name.hasPrefix(q) && $0.name.contains(q) }
    }
}
