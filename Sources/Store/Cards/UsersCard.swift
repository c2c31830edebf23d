import Domain
import GRDB

/// `:users` (the manager's): every user — login, name, role, whether they may log in (or wait
/// to set their own password after a one-time one), the operating-system accounts that log in
/// as them. `a` adds a user, `e` (or Enter) edits one.
enum UsersCard: CardBuilder {
    static func header(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> RecordCard {
        guard actor.can(.manageUsers) else { throw StoreError.forbidden("only a manager sees the users") }
        let counts = try Row.fetchOne(db, sql: "SELECT COUNT(*), coalesce(SUM(active), 0) FROM users")
        var card = RecordCard(ref: RecordRef(.users, 0), title: "title.users",
                              fields: [.init("field.users", .integer(counts?[0] ?? 0)), .init("field.active-users", .integer(counts?[1] ?? 0))], sections: [])
        card.tabbed = true
        return card
    }

    static func sections(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> [CardSectionQuery] {
        guard actor.can(.manageUsers) else { throw StoreError.forbidden("only a manager sees the users") }
        let rows = try Row.fetchAll(db, sql: """
            SELECT u.id, u.login, u.display_name, u.role, u.active, u.password_once, (SELECT group_concat(os_user, ', ') FROM os_accounts WHERE user_id = u.id)
            FROM users u ORDER BY u.active DESC, u.role, u.login
            """).map { r -> (cells: [CellValue], ref: RecordRef) in
            let state: CellValue = !(r[4] as Bool) ? .warning(.status("user.disabled")) : (r[5] as Bool) ? .status("user.one-time") : .status("user.active")
            return ([.text(r[1]), .text(r[2]), .status("role.\(r[3] as String)"), state, .text(orEmpty: r[6])], RecordRef(.user, r[0]))
        }
        return [CardSectionQuery(title: "title.users", columns: [.text("col.login"), .name("col.name"), .text("col.role"), .text("col.status"), .text("col.os-accounts")],
                                 count: { _ in rows.count }) { _, offset, limit in
            let page = rows.dropFirst(offset).prefix(limit ?? rows.count)
            return CardPage(rows: page.map(\.cells), refs: page.map(\.ref))
        }]
    }
}
