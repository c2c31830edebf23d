import Domain
import Store

extension EditorModel {
    /// A complaint's status and who handles it (`e` or Enter on a complaint of :feedback).
    /// `said`: when it came and what the customer said, above the form.
    public static func complaint(id: Int64, version: Int64, customer: String, said: String, resolved: Bool, handler: Int64?, users: [UserAccount], today: DateOnly) -> EditorModel {
        let handlers = users.filter(\.active).map { FieldRule.Option(value: String($0.id), label: $0.displayName) }
        var model = EditorModel(purpose: .editComplaint(id: id, version: version), title: "editor.complaint", subject: customer, form: FormModel(fields: [
            .init("status", label: "col.status", rule: .choice([.init(value: "open", label: "complaint.open"), .init(value: "resolved", label: "complaint.resolved")]),
                  value: resolved ? "resolved" : "open"),
            .init("handler", label: "col.handler", rule: .choice(handlers), value: handler.map(String.init) ?? handlers.first?.value ?? ""),
        ], today: today))
        model.notice = Notice(key: "", argument: said, isError: false)
        return model
    }

    var complaintCommand: WriteCommand? {
        guard case .editComplaint(let id, let version) = purpose else { return nil }
        let resolved = value("status") == "resolved", handler = Int64(value("handler"))
        return .saying("saved.complaint", subject) { (store, c) throws(StoreError) in
            try store.updateComplaint(id: id, version: version, resolved: resolved, handlerId: handler, by: c.actor, today: c.today, at: c.now)
        }
    }
}
