import Domain
import Store

extension EditorModel {
    /// The company's settings (`:settings`, the manager): each as it is typed on the command line
    /// (`rapport settings set KEY VALUE`), checked by the same rules when saved — a bad value is
    /// refused beside its field and nothing is written. After the company's commission rate,
    /// each active rep's rate in force today (a changed one applies from today, as in `:users`);
    /// last, a new expense category to add to the list.
    public static func settings(_ s: CompanySettings, extras: SettingsExtras, today: DateOnly) -> EditorModel {
        var fields: [FormModel.Field] = []
        for key in CompanySettings.keys {
            fields.append(.init(key, label: "setting.\(key)", rule: rule(key), value: s.value(of: key) ?? ""))
            guard key == "commission_on_revenue" else { continue }
            // A rep's name is data, not a catalog key: the label is the name and the unit.
            fields += extras.reps.map { .init("rate.\($0.id)", label: $0.name + " %", rule: .percent, value: $0.rate.plain) }
        }
        fields.append(.init("new_category", label: "setting.new-category", rule: .text(required: false, max: 40), value: ""))
        var model = EditorModel(purpose: .editSettings, title: "editor.settings", subject: s.companyName, form: FormModel(fields: fields, today: today))
        model.settingsRates = Dictionary(uniqueKeysWithValues: extras.reps.map { ($0.id, $0.rate) })
        return model
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
        let values = form.fields.filter { CompanySettings.keys.contains($0.key) }.map { ($0.key, $0.value) }
        let category = value("new_category"), shown = settingsRates
        // Only the rates that changed are written (each from today).
        let rates = form.fields.compactMap { f -> (Int64, String)? in
            guard f.key.hasPrefix("rate."), let id = Int64(f.key.dropFirst(5)) else { return nil }
            return (id, f.value)
        }
        return .saying("saved.settings", "") { (store, c) throws(StoreError) in
            var s = try store.settings()
            for (key, value) in values {
                do throws(DomainError) { s = try s.setting(key, to: value) } catch { throw .invalid(error) }
            }
            var changed: [Int64: BasisPoints] = [:]
            for (id, text) in rates {
                let rate: BasisPoints
                do throws(DomainError) { rate = try BasisPoints.parsePercent(text) } catch {
                    var named = error
                    named.field = "rate.\(id)"
                    throw .invalid(named)
                }
                if rate != shown[id] { changed[id] = rate }
            }
            try store.saveSettings(s, rates: changed, newCategory: category, by: c.actor, today: c.today, at: c.now)
        }
    }
}
