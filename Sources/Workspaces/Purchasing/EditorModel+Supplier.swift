import Domain
import Store

extension EditorModel {
    /// A supplier's master data: code, name, contact person, phone, e-mail, address and payment
    /// terms (the company's default for a new one). A name like another supplier's is refused
    /// naming it; Ctrl-S again keeps both.
    public static func supplier(_ editing: SupplierForEdit?, defaultTerms: Int, today: DateOnly) -> EditorModel {
        let s = editing?.supplier
        let purpose: Purpose = editing.map { .editSupplier(id: $0.id, version: $0.version, acceptSimilar: false) } ?? .newSupplier(acceptSimilar: false)
        return EditorModel(purpose: purpose, title: editing == nil ? "editor.new-supplier" : "editor.edit-supplier", subject: s?.name ?? "", form: FormModel(fields: [
            .init("code", label: "field.code", rule: .text(required: true, max: 32), value: s?.code ?? ""),
            .init("name", label: "field.name", rule: .text(required: true, max: 200), value: s?.name ?? ""),
            .init("contact_person", label: "field.contact-person", rule: .text(required: false, max: 100), value: s?.contactPerson ?? ""),
            .init("phone", label: "field.phone", rule: .phone, value: s?.phone ?? ""),
            .init("email", label: "field.email", rule: .email, value: s?.email ?? ""),
            .init("address", label: "field.address", rule: .text(required: false, max: 300), value: s?.address ?? ""),
            .init("payment_terms_days", label: "field.payment-terms", rule: .integer(0...365), value: String(s?.paymentTermsDays ?? defaultTerms)),
        ], today: today))
    }

    func supplierValue() -> Supplier {
        func opt(_ key: String) -> String? { let v = value(key).trimmingSpaces(); return v.isEmpty ? nil : v }
        return Supplier(code: value("code"), name: value("name"), contactPerson: opt("contact_person"), phone: opt("phone"), email: opt("email"), address: opt("address"),
                        paymentTermsDays: Int(value("payment_terms_days").trimmingSpaces()) ?? 30)
    }

    /// A person at a supplier: the fields of a customer's contact, less QQ and birthday.
    public static func supplierContact(_ c: SupplierContact?, supplierId: Int64, supplierName: String, today: DateOnly) -> EditorModel {
        let purpose: Purpose = c?.id.map { .editSupplierContact(id: $0, supplierId: supplierId, version: c?.version ?? 1) } ?? .newSupplierContact(supplierId: supplierId)
        return EditorModel(purpose: purpose, title: c == nil ? "editor.new-contact" : "editor.edit-contact", subject: supplierName, form: FormModel(fields:
            personFields(name: c?.name, title: c?.title, mobile: c?.mobile, phone: c?.phone, email: c?.email, wechat: c?.wechat)
            + [.init("notes", label: "field.notes", rule: .text(required: false, max: 1000), value: c?.notes ?? "")], today: today))
    }

    func supplierContactValue(id: Int64?, supplierId: Int64, version: Int64) -> SupplierContact {
        func opt(_ k: String) -> String? { let v = value(k).trimmingSpaces(); return v.isEmpty ? nil : v }
        return SupplierContact(id: id, supplierId: supplierId, name: value("name"), title: opt("title"), mobile: opt("mobile"), phone: opt("phone"),
                               email: opt("email"), wechat: opt("wechat"), notes: opt("notes"), version: version)
    }

    var supplierCommand: WriteCommand? {
        let supplier = supplierValue(), name = value("name")
        switch purpose {
        case .newSupplierContact(let s):
            let contact = supplierContactValue(id: nil, supplierId: s, version: 1)
            return .saying("saved.contact", name) { (store, c) throws(StoreError) in try store.saveSupplierContact(contact, by: c.actor, today: c.today, at: c.now) }
        case .editSupplierContact(let id, let s, let version):
            let contact = supplierContactValue(id: id, supplierId: s, version: version)
            return .saying("saved.contact", name) { (store, c) throws(StoreError) in try store.saveSupplierContact(contact, by: c.actor, today: c.today, at: c.now) }
        case .newSupplier(let accept):
            return WriteCommand { (s, c) throws(StoreError) in
                let id = try s.saveSupplier(supplier, id: nil, version: 1, acceptSimilar: accept, by: c.actor, at: c.now)
                return [.saved(toastKey: "saved.supplier", argument: name), .open(RecordRef(.supplier, id))]
            }
        case .editSupplier(let id, let version, let accept):
            return .saying("saved.supplier", name) { (s, c) throws(StoreError) in
                try s.saveSupplier(supplier, id: id, version: version, acceptSimilar: accept, by: c.actor, at: c.now)
            }
        default:
            return nil
        }
    }

    /// A name refused as like another supplier's: the next Ctrl-S keeps both.
    mutating func acceptSimilarSupplierNext() {
        switch purpose {
        case .newSupplier: purpose = .newSupplier(acceptSimilar: true)
        case .editSupplier(let id, let version, _): purpose = .editSupplier(id: id, version: version, acceptSimilar: true)
        default: break
        }
    }
}
