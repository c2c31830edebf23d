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

    var supplierCommand: WriteCommand? {
        let supplier = supplierValue(), name = value("name")
        switch purpose {
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
