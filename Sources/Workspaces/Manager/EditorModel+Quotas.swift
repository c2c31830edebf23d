import Domain
import Store

extension EditorModel {
    /// A rep's twelve monthly quotas for a year, Enter moving from month to month; an empty month
    /// has none. Saved at once; the quotas card shows the attainment that follows.
    public static func quotas(_ q: QuotaYear, repName: String, today: DateOnly) -> EditorModel {
        EditorModel(purpose: .editQuotas(rep: q.repId, year: q.year), title: "editor.quotas", subject: "\(repName) · \(q.year)", form: FormModel(fields: (1...12).map { m in
            .init("m\(QuotaYear.monthKey(m))", label: "month.\(QuotaYear.monthKey(m))", rule: .text(required: false, max: 20),
                  value: q.months[m - 1]?.formatted(grouping: false) ?? "")
        }, today: today))
    }

    var quotasCommand: WriteCommand? {
        guard case .editQuotas(let rep, let year) = purpose else { return nil }
        let typed = (1...12).map { value("m\(QuotaYear.monthKey($0))") }
        return .saying("saved.quotas", String(year)) { (store, c) throws(StoreError) in
            var months: [Money?] = []
            for (i, text) in typed.enumerated() {
                do throws(DomainError) { months.append(try QuotaYear.parse(text, month: i + 1, year: year)) } catch { throw .invalid(error) }
            }
            try store.saveQuotaYear(QuotaYear(repId: rep, year: year, months: months), by: c.actor, at: c.now)
        }
    }
}
