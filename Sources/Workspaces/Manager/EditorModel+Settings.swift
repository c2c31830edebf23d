import Domain
import Store

extension EditorModel {
    /// The company's settings (`:settings`, the manager): each as it is typed on the command line
    /// (`rapport settings set KEY VALUE`), checked by the same rules when saved — a bad value is
    /// refused beside its field and nothing is written.
    public static func settings(_ s: CompanySettings, today: DateOnly) -> EditorModel {
        EditorModel(purpose: .editSettings, title: "editor.settings", subject: s.companyName, form: FormModel(fields: CompanySettings.keys.map { key in
            .init(key, label: "setting.\(key)", rule: rule(key), value: s.value(of: key) ?? "")
        }, today: today))
    }

    /// Two-way settings are chosen with ← →; the rest typed as the command line takes them.
    private static func rule(_ key: String) -> FieldRule {
        switch key {
        case "commission_on_revenue": .choice([.init(value: "false", label: "setting.on-collections"), .init(value: "true", label: "setting.on-revenue")])
        case "negative_stock": .choice([.init(value: "refused", label: "setting.refused"), .init(value: "allowed", label: "setting.allowed")])
        default: .text(required: ["company_name", "currency", "payment_terms_days", "aging_bounds", "dormant_days", "next_contact_days", "commission"].contains(key), max: 300)
        }
    }

    var settingsCommand: WriteCommand? {
        guard purpose == .editSettings else { return nil }
        let values = form.fields.map { ($0.key, $0.value) }
        return .saying("saved.settings", "") { (store, c) throws(StoreError) in
            var s = try store.settings()
            for (key, value) in values {
                do throws(DomainError) { s = try s.setting(key, to: value) } catch { throw .invalid(error) }
            }
            try store.saveSettings(s, by: c.actor, at: c.now)
        }
    }
}
