import Domain
import Store

extension EditorModel {
    /// An expense: the date (today), the category (←→ over the company's list), the item (the
    /// category's first item to start with; typing another adds it to the list), the amount, the
    /// method, the rep it is for (salaries, commissions, travel; none by default) and a note.
    /// A category for the company's list (`:new-expense-category`): its name, as the expense
    /// form will offer it.
    public static func expenseCategory(today: DateOnly) -> EditorModel {
        EditorModel(purpose: .newExpenseCategory, title: "editor.new-expense-category", subject: "", form: FormModel(fields: [
            .init("category", label: "field.category", rule: .text(required: true, max: 40)),
        ], today: today))
    }

    public static func expense(_ source: ExpenseSource, futureDays: Int = 0, today: DateOnly) -> EditorModel {
        // A standard category by its catalog key, one the company added as typed.
        let categories = source.categories.map { FieldRule.Option(value: $0, label: ExpenseCategory(rawValue: $0).map { "expense.\($0.rawValue)" } ?? $0) }
        let reps = [FieldRule.Option(value: "", label: "expense.no-rep")] + source.reps.map { FieldRule.Option(value: String($0.id), label: $0.name) }
        let first = source.categories.first ?? ""
        var model = EditorModel(purpose: .newExpense, title: "editor.new-expense", subject: "", form: FormModel(fields: [
            .init("date", label: "field.date", rule: .moneyDate(daysAhead: futureDays), value: today.iso),
            .init("category", label: "field.category", rule: .choice(categories), value: first),
            .init("item", label: "field.item", rule: .text(required: true, max: 80), value: source.items[first]?.first ?? ""),
            .init("amount", label: "field.amount", rule: .money),
            .init("method", label: "field.pay-method", rule: choice(PaymentMethod.self, prefix: "method"), value: PaymentMethod.bankTransfer.rawValue),
            .init("rep", label: "field.rep", rule: .choice(reps), value: ""),
            .init("note", label: "field.note", rule: .text(required: false, max: 1000)),
        ], today: today))
        model.itemsByCategory = source.items
        model.form.markDefaulted("item")
        model.form.focus = 1
        return model
    }

    /// The category changed: an item not typed by the user follows it.
    mutating func followCategory(from before: String) {
        guard purpose == .newExpense, form.value("category") != before else { return }
        let items = itemsByCategory[before] ?? []
        guard form.value("item").isEmpty || items.contains(form.value("item")) else { return }
        form.set("item", itemsByCategory[form.value("category")]?.first ?? "")
        form.markDefaulted("item")
    }

    public func expenseEntry() -> ExpenseEntry {
        ExpenseEntry(date: FieldRule.date(value("date"), today: form.today) ?? form.today, category: value("category"), item: value("item"),
                     amount: (try? Money.parse(value("amount").trimmingSpaces())) ?? .zero, method: PaymentMethod(rawValue: value("method")) ?? .other,
                     repId: Int64(value("rep")), note: value("note"))
    }
}
