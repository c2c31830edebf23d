import Domain
import Store

extension EditorModel {
    /// `:handover`, first: whose customers are handed over (every sales rep, the disabled too).
    public static func pickLeavingRep(_ reps: [UserAccount], today: DateOnly) -> EditorModel {
        let options = reps.filter { $0.role == .salesRep }.sorted { $0.displayName < $1.displayName }.map { FieldRule.Option(value: String($0.id), label: $0.displayName + ($0.active ? "" : " ✗"), search: $0.login) }
        return EditorModel(purpose: .pickLeavingRep, title: "editor.handover", subject: "", form: FormModel(fields: [
            .init("from", label: "field.leaving-rep", rule: .choice(options), value: options.first?.value ?? ""),
        ], today: today))
    }

    /// Then: what the rep leaves (said above the form), to whom — one rep, or spread over every
    /// other active rep by count or by open value — and whether to disable the rep after.
    /// Customers marked on the customer list: the same form, without disabling anyone.
    public static func handover(_ s: HandoverSource, today: DateOnly) -> EditorModel {
        let to = s.takers.map { FieldRule.Option(value: String($0.id), label: $0.displayName, search: $0.login) }
            + [.init(value: "count", label: "handover.spread-count"), .init(value: "value", label: "handover.spread-value")]
        let hand = FormModel.Field("to", label: "field.hand-to", rule: .choice(to), value: to.first?.value ?? "")
        var model: EditorModel
        if let rep = s.rep {
            model = EditorModel(purpose: .handover(from: rep.id, takers: s.takers.map(\.id)), title: "editor.handover", subject: rep.displayName, form: FormModel(fields: [
                hand,
                .init("disable", label: "field.disable-after", rule: .choice([.init(value: "yes", label: "answer.yes"), .init(value: "no", label: "answer.no")]),
                      value: rep.active ? "yes" : "no"),
            ], today: today))
        } else {
            model = EditorModel(purpose: .handoverSelection(customers: s.selection, takers: s.takers.map(\.id)), title: "editor.handover-marked", subject: String(s.selection.count),
                                form: FormModel(fields: [hand], today: today))
        }
        model.notice = Notice(key: "handover.leaves", arguments: [String(s.customers), String(s.openQuotes), String(s.openOrders), String(s.openOpportunities),
                                                                  String(s.openReceivables), s.receivablesOpen.formatted()], isError: false)
        return model
    }

    var pickedLeavingRep: EditorRequest? {
        guard purpose == .pickLeavingRep, let id = Int64(value("from")) else { return nil }
        return .handover(from: id)
    }

    var handoverCommand: WriteCommand? {
        let to = value("to"), disable = value("disable") == "yes"
        let spread: Handover.Spread = to == "value" ? .value : .count
        switch purpose {
        case .handover(let from, let takers):
            let chosen = Int64(to).map { [$0] } ?? takers
            return WriteCommand { (store, c) throws(StoreError) in
                let moved = try store.handOver(from: from, to: chosen, spread: spread, disable: disable, by: c.actor, today: c.today, at: c.now)
                return [.saved(toastKey: "saved.handover", argument: String(moved))]
            }
        case .handoverSelection(let customers, let takers):
            let chosen = Int64(to).map { [$0] } ?? takers
            return WriteCommand { (store, c) throws(StoreError) in
                let moved = try store.handOver(customers: customers, to: chosen, spread: spread, by: c.actor, today: c.today, at: c.now)
                return [.saved(toastKey: "saved.handover", argument: String(moved)), .list(.clearMarks)]
            }
        default:
            return nil
        }
    }
}
