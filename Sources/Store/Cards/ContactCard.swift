import Domain
import GRDB

/// A contact person (a business card) at a customer.
enum ContactCard: CardBuilder {
    static func header(_ db: Database, id: Int64, actor: Actor, today: DateOnly) throws -> RecordCard {
        guard let r = try Row.fetchOne(db, sql: """
            SELECT k.name, k.title, k.mobile, k.phone, k.email, k.wechat, k.qq, k.birthday, k.notes, c.name, c.id
            FROM contacts k JOIN customers c ON c.id = k.customer_id WHERE k.id = ?
            """, arguments: [id]) else { throw StoreError.notFound("contact \(id)") }
        try AppDatabase.requireCustomerAccess(db, customerId: r[10], actor: actor)
        return RecordCard(ref: RecordRef(.contact, id), title: r[0], fields: [
            .init("field.customer", .text(r[9] as String)), .init("field.title", .text(orEmpty: r[1])), .init("field.mobile", .text(orEmpty: r[2])),
            .init("field.phone", .text(orEmpty: r[3])), .init("field.email", .text(orEmpty: r[4])), .init("field.wechat", .text(orEmpty: r[5])),
            .init("field.qq", .text(orEmpty: r[6])), .init("field.birthday", .text(orEmpty: (r[7] as String?).flatMap { Birthday(stored: $0)?.description })), .init("field.notes", .text(orEmpty: r[8])),
        ], sections: [])
    }
}
