import Domain
import Store

/// A form that writes something: what it is for, the form itself, and what the last save
/// attempt said (a field error, a race lost to another user, possible duplicates).
public struct EditorModel: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        case logContact(customerId: Int64)
        case postpone(customerId: Int64)
        case newCustomer
        case editCustomer(id: Int64, version: Int64)
        case claim(customerId: Int64)
        case newContact(customerId: Int64)
        case editContact(id: Int64, customerId: Int64, version: Int64)
        case newOpportunity(customerId: Int64)
        case editOpportunity(id: Int64, version: Int64)
        case newQuote(customerId: Int64)
        case editQuote(id: Int64, customerId: Int64, version: Int64)
        case acceptQuote(id: Int64, version: Int64)
        case rejectQuote(id: Int64)
        case newFeedback(customerId: Int64)
        case newOrder(customerId: Int64)
        case editOrder(id: Int64, customerId: Int64, version: Int64)
        case cancelOrder(id: Int64)
        case newShipment(orderId: Int64)
        case newReceipt(customerId: Int64)
        case newPayment(supplierId: Int64)
        case newExpense
        /// A category added to the company's list of expense categories.
        case newExpenseCategory
        case newPurchaseOrder(supplierId: Int64)
        case editPurchaseOrder(id: Int64, supplierId: Int64, version: Int64)
        case cancelPurchaseOrder(id: Int64)
        case newGoodsReceipt(poId: Int64)
        /// A stock count (what each warehouse held when the form opened, so a count is not
        /// taken against a figure that moved since).
        case countStock(productId: Int64, onHand: [Int64: Quantity])
        case transferStock(productId: Int64)
        case newSupplier(acceptSimilar: Bool)
        case editSupplier(id: Int64, version: Int64, acceptSimilar: Bool)
        case newSupplierContact(supplierId: Int64)
        case editSupplierContact(id: Int64, supplierId: Int64, version: Int64)
        /// The company's settings (the manager's).
        case editSettings
        /// A user added, or changed, by the manager; your own password.
        case newUser, editUser(id: Int64, version: Int64), changePassword
        /// A complaint's status and handler.
        case editComplaint(id: Int64, version: Int64)
        /// A rep's monthly quotas for a year.
        case editQuotas(rep: Int64, year: Int)
        /// Not a write: whose customers are handed over.
        case pickLeavingRep
        /// Handing a rep's customers to the active reps (`takers`) or one of them.
        case handover(from: Int64, takers: [Int64])
        /// Handing the customers marked on the customer list to the active reps or one of them.
        case handoverSelection(customers: [Int64], takers: [Int64])
        /// A receipt's (payment's) unapplied credit allocated later.
        case allocateCredit(RecordRef)
        /// Voiding a posted shipment or receipt, with a reason.
        case voidDocument(RecordRef, number: String)
        /// Not a write: the customer list's filters.
        case filterCustomers
        /// Not a write: which customer a new order or quote is for.
        case pickCustomer(then: CustomerPickTarget)
        /// Not a write: the orders list's filters.
        case filterOrders
        /// Not a write: which open order a new shipment is from.
        case pickOrder
        /// Not a write: which supplier a new payment (or purchase order) is to.
        case pickSupplier(then: SupplierPickTarget)
        /// Not a write: the stock list's filters.
        case filterStock
        /// Not a write: which purchase order goods are received against.
        case pickPurchaseOrder
        /// Not a write: the period a report card shows (its id, the tab to open it on).
        case reportPeriod(Int64, section: String)

        var isReportPeriod: Bool { if case .reportPeriod = self { true } else { false } }
    }

    /// A message above the form: a catalog key with an argument, or text from the Store.
    public struct Notice: Sendable, Equatable {
        public var key: String
        public var argument: String
        /// Further values for `%2`, `%3` … of the key's text.
        public var more: [String] = []
        public var isError: Bool
        public init(key: String, argument: String = "", isError: Bool) { self.key = key; self.argument = argument; self.isError = isError }
        public init(_ m: UserMessage, isError: Bool) {
            self.init(key: m.key, argument: m.arguments.first ?? "", isError: isError)
            more = Array(m.arguments.dropFirst())
        }
        public init(key: String, arguments: [String], isError: Bool) {
            self.key = key; argument = arguments.first ?? ""; more = Array(arguments.dropFirst()); self.isError = isError
        }
    }

    public var purpose: Purpose
    /// Catalog key of the title.
    public var title: String
    /// What the form is about, as data (a customer's name).
    public var subject: String
    public var form: FormModel
    public var saving = false
    public var notice: Notice?
    /// Customers this one may duplicate; while there are some, the form waits for a decision.
    public var hints: [DuplicateHint] = []
    public var blocking = false
    public var hintSelected = 0
    /// A document's lines (quote, shipment, receipt …); nil for a plain form.
    public var lines: DocumentLines?
    /// An expense: each category's items, the first of which the item field starts at.
    public var itemsByCategory: [String: [String]] = [:]
    /// The settings form: each rep's commission rate as shown, so only a changed one is written.
    public var settingsRates: [Int64: BasisPoints] = [:]

    public init(purpose: Purpose, title: String, subject: String, form: FormModel) {
        self.purpose = purpose; self.title = title; self.subject = subject; self.form = form
    }

    public var reviewingHints: Bool { !hints.isEmpty }

    public enum Action: Sendable, Equatable {
        case form(FormModel.Action)
        case failed(field: String?, message: UserMessage)
        /// Someone saved the record meanwhile: keep the input, take their version number.
        case conflict(message: UserMessage, version: Int64)
        case duplicates([DuplicateHint], blocking: Bool)
        case moveHint(Int)
        /// Ask the manager for the highlighted look-alike customer.
        case claimHint
        case saveAnyway
        case backToForm
        /// The Store's answer to what a remote look-up field said (`query`).
        case lookupResults(field: String, query: String, options: [FieldRule.Option])
    }

    /// What the app should do after an action.
    public enum Outcome: Sendable, Equatable {
        case stay
        case close
        case save(acceptSimilar: Bool)
        case claim(DuplicateHint)
    }

    public mutating func handle(_ action: Action) -> Outcome {
        switch action {
        case .form(let a):
            guard !saving, !reviewingHints else { return .stay }
            if lines != nil { return handleDocument(a) }
            // Enter or Tab before the Store has answered what was typed: taken when the answer comes.
            if a == .enter || a == .next, awaitAnswer() { return .stay }
            let stageBefore = OpportunityStage(rawValue: form.value("stage")), categoryBefore = form.value("category")
            defer { followStage(from: stageBefore); followCategory(from: categoryBefore) }
            switch form.handle(a) {
            case .stay: return .stay
            case .close: return .close
            case .submit:
                saving = true
                // A refusal said before goes; what the form says about its figures stays.
                if notice?.isError == true { notice = nil }
                return .save(acceptSimilar: false)
            }
        case .failed(var field, let message):
            saving = false
            // A like-named supplier: said above the form (its whole line), the next Ctrl-S keeps both.
            if message.key == "error.supplier-similar" {
                acceptSimilarSupplierNext()
                notice = Notice(message, isError: true)
                return .stay
            }
            // A line's quantity or allocation refused by the Store belongs beside the line's entry.
            if let lines, lines.mode != .free, field == "quantity" || field == "allocation" { field = DocumentLines.valueKey }
            if let field, form.fields.contains(where: { $0.key == field }) {
                form.setError(field, FieldError(message))
            } else {
                notice = Notice(message, isError: true)
            }
        case .conflict(let message, let version):
            saving = false
            notice = Notice(message, isError: true)
            switch purpose {
            case .editCustomer(let id, _): purpose = .editCustomer(id: id, version: version)
            case .editContact(let id, let customer, _): purpose = .editContact(id: id, customerId: customer, version: version)
            case .editOpportunity(let id, _): purpose = .editOpportunity(id: id, version: version)
            case .editQuote(let id, let customer, _): purpose = .editQuote(id: id, customerId: customer, version: version)
            case .acceptQuote(let id, _): purpose = .acceptQuote(id: id, version: version)
            case .editOrder(let id, let customer, _): purpose = .editOrder(id: id, customerId: customer, version: version)
            case .editSupplier(let id, _, let accept): purpose = .editSupplier(id: id, version: version, acceptSimilar: accept)
            case .editSupplierContact(let id, let supplier, _): purpose = .editSupplierContact(id: id, supplierId: supplier, version: version)
            default: break
            }
        case .duplicates(let found, let block):
            saving = false
            hints = found
            blocking = block
            hintSelected = 0
        case .moveHint(let d):
            hintSelected = max(0, min(hints.count - 1, hintSelected + d))
        case .claimHint:
            guard hints.indices.contains(hintSelected) else { return .stay }
            return .claim(hints[hintSelected])
        case .saveAnyway:
            guard reviewingHints, !blocking else { return .stay }
            hints = []
            saving = true
            return .save(acceptSimilar: true)
        case .backToForm:
            hints = []
        case .lookupResults(let field, let query, let options):
            // Enter typed before the answer came: it takes the answer's first match now.
            if apply(lookup: field, query: query, options: options) { return handle(.form(.enter)) }
        }
        return .stay
    }

    public func value(_ key: String) -> String { form.value(key) }

    /// Changing an opportunity's stage moves its probability to the stage's usual one, unless
    /// the user had typed their own.
    mutating func followStage(from before: OpportunityStage?) {
        guard let before, let after = OpportunityStage(rawValue: form.value("stage")), before != after,
              (try? BasisPoints.parsePercent(form.value("probability"))) == Opportunity.defaultProbability(before) else { return }
        form.set("probability", Opportunity.defaultProbability(after).plain)
    }
}

extension EditorModel {
    static func choice<T: RawRepresentable & CaseIterable>(_ type: T.Type, prefix: String) -> FieldRule where T.RawValue == String {
        .choice(T.allCases.map { FieldRule.Option(value: $0.rawValue, label: "\(prefix).\($0.rawValue)") })
    }

    /// Log a call, e-mail, IM, visit or meeting; the next contact defaults to the company's interval.
    public static func logContact(customerId: Int64, name: String, today: DateOnly, settings: CompanySettings, contacts: [ContactOption] = []) -> EditorModel {
        // With whom: one of the customer's contacts, or nobody in particular.
        let people = [FieldRule.Option(value: "", label: "contact.anyone")]
            + contacts.map { FieldRule.Option(value: String($0.id), label: $0.title.isEmpty ? $0.name : $0.name + " (" + $0.title + ")", search: $0.name) }
        return EditorModel(purpose: .logContact(customerId: customerId), title: "editor.log-contact", subject: name, form: FormModel(fields: [
            .init("kind", label: "field.kind", rule: choice(ContactKind.self, prefix: "contact-kind"), value: ContactKind.call.rawValue),
            .init("contact", label: "field.contact", rule: .choice(people), value: contacts.count == 1 ? String(contacts[0].id) : ""),
            .init("happened_on", label: "field.happened-on", rule: .pastDate(required: true), value: today.iso),
            .init("summary", label: "field.summary", rule: .text(required: true, max: 2000)),
            .init("outcome", label: "field.outcome", rule: .text(required: false, max: 500)),
            .init("next_contact_on", label: "field.next-contact", rule: .date(required: false),
                  value: ContactLogEntry.defaultNextContact(today: today, settings: settings).iso),
        ], today: today))
    }

    public static func postpone(customerId: Int64, name: String, current: DateOnly?, today: DateOnly) -> EditorModel {
        EditorModel(purpose: .postpone(customerId: customerId), title: "editor.postpone", subject: name, form: FormModel(fields: [
            .init("next_contact_on", label: "field.next-contact", rule: .date(required: true), value: max(current ?? today, today).adding(days: 1).iso),
        ], today: today))
    }

    public static func claim(_ hint: DuplicateHint, today: DateOnly) -> EditorModel {
        EditorModel(purpose: .claim(customerId: hint.customerId), title: "editor.claim", subject: hint.name, form: FormModel(fields: [
            .init("reason", label: "field.reason", rule: .text(required: true, max: 500)),
        ], today: today))
    }

    public static func customer(_ c: Customer?, code: String, name: String = "", today: DateOnly) -> EditorModel {
        let c = c ?? Customer(code: code, name: name)
        let purpose: Purpose = c.id.map { .editCustomer(id: $0, version: c.version) } ?? .newCustomer
        return EditorModel(purpose: purpose, title: c.id == nil ? "editor.new-customer" : "editor.edit-customer", subject: c.id == nil ? "" : c.name, form: FormModel(fields: [
            .init("name", label: "field.name", rule: .text(required: true, max: 200), value: c.name),
            .init("code", label: "field.code", rule: .text(required: true, max: 32), value: c.code),
            .init("short_name", label: "field.short-name", rule: .text(required: false, max: 200), value: c.shortName ?? ""),
            .init("status", label: "field.status", rule: choice(CustomerStatus.self, prefix: "status"), value: c.status.rawValue),
            .init("contact_person", label: "field.contact-person", rule: .text(required: false, max: 200), value: c.contactPerson ?? ""),
            .init("phone", label: "field.phone", rule: .phone, value: c.phone ?? ""),
            .init("email", label: "field.email", rule: .email, value: c.email ?? ""),
            .init("address", label: "field.address", rule: .text(required: false, max: 200), value: c.address ?? ""),
            .init("region", label: "field.region", rule: .text(required: false, max: 200), value: c.region ?? ""),
            .init("industry", label: "field.industry", rule: .text(required: false, max: 200), value: c.industry ?? ""),
            .init("source", label: "field.source", rule: .text(required: false, max: 200), value: c.source ?? ""),
            .init("tags", label: "field.tags", rule: .text(required: false, max: 200), value: c.tags.replacingOccurrences(of: ",", with: ", ")),
            .init("credit_limit", label: "field.credit-limit", rule: .money, value: c.creditLimit.formatted(grouping: false)),
            .init("payment_terms_days", label: "field.payment-terms", rule: .integer(0...365), value: String(c.paymentTermsDays)),
            .init("next_contact_on", label: "field.next-contact", rule: .date(required: false), value: c.nextContactOn?.iso ?? ""),
        ], today: today))
    }

    /// The customer the form describes, for the Store to validate and save.
    public func customerValue(id: Int64?, version: Int64) -> Customer {
        func opt(_ k: String) -> String? { let v = value(k).trimmingSpaces(); return v.isEmpty ? nil : v }
        return Customer(id: id, code: value("code"), name: value("name"), shortName: opt("short_name"),
                        status: CustomerStatus(rawValue: value("status")) ?? .lead, region: opt("region"), industry: opt("industry"),
                        source: opt("source"), contactPerson: opt("contact_person"), phone: opt("phone"), email: opt("email"),
                        address: opt("address"), creditLimit: (try? Money.parse(value("credit_limit"))) ?? .zero,
                        paymentTermsDays: Int(value("payment_terms_days").trimmingSpaces()) ?? 30,
                        nextContactOn: FieldRule.date(value("next_contact_on"), today: form.today), tags: value("tags"), version: version)
    }

    public func contactLogValue(customerId: Int64) -> ContactLogEntry {
        let outcome = value("outcome").trimmingSpaces()
        return ContactLogEntry(customerId: customerId, contactId: Int64(value("contact")), kind: ContactKind(rawValue: value("kind")) ?? .call,
                               happenedOn: FieldRule.date(value("happened_on"), today: form.today) ?? form.today, summary: value("summary"),
                               outcome: outcome.isEmpty ? nil : outcome, nextContactOn: FieldRule.date(value("next_contact_on"), today: form.today))
    }
}

extension EditorModel {
    /// A person's card: name, title, mobile, phone, e-mail, WeChat (a customer's or a supplier's contact).
    static func personFields(name: String?, title: String?, mobile: String?, phone: String?, email: String?, wechat: String?) -> [FormModel.Field] {
        [.init("name", label: "field.name", rule: .text(required: true, max: 100), value: name ?? ""),
         .init("title", label: "field.title", rule: .text(required: false, max: 100), value: title ?? ""),
         .init("mobile", label: "field.mobile", rule: .phone, value: mobile ?? ""),
         .init("phone", label: "field.phone", rule: .phone, value: phone ?? ""),
         .init("email", label: "field.email", rule: .email, value: email ?? ""),
         .init("wechat", label: "field.wechat", rule: .text(required: false, max: 64), value: wechat ?? "")]
    }

    public static func contact(_ c: Contact?, customerId: Int64, customerName: String, today: DateOnly) -> EditorModel {
        let purpose: Purpose = c?.id.map { .editContact(id: $0, customerId: customerId, version: c?.version ?? 1) } ?? .newContact(customerId: customerId)
        return EditorModel(purpose: purpose, title: c == nil ? "editor.new-contact" : "editor.edit-contact", subject: customerName, form: FormModel(fields:
            personFields(name: c?.name, title: c?.title, mobile: c?.mobile, phone: c?.phone, email: c?.email, wechat: c?.wechat) + [
            .init("qq", label: "field.qq", rule: .qq, value: c?.qq ?? ""),
            .init("birthday", label: "field.birthday", rule: .birthday, value: c?.birthday?.description ?? ""),
            .init("notes", label: "field.notes", rule: .text(required: false, max: 1000), value: c?.notes ?? ""),
        ], today: today))
    }

    public func contactValue(id: Int64?, customerId: Int64, version: Int64) -> Contact {
        func opt(_ k: String) -> String? { let v = value(k).trimmingSpaces(); return v.isEmpty ? nil : v }
        return Contact(id: id, customerId: customerId, name: value("name"), title: opt("title"), mobile: opt("mobile"), phone: opt("phone"),
                       email: opt("email"), wechat: opt("wechat"), qq: opt("qq"), birthday: try? Birthday.parse(value("birthday")),
                       notes: opt("notes"), version: version)
    }

    public static func opportunity(_ o: Opportunity?, customerId: Int64, customerName: String, today: DateOnly) -> EditorModel {
        let purpose: Purpose = o?.id.map { .editOpportunity(id: $0, version: o?.version ?? 1) } ?? .newOpportunity(customerId: customerId)
        let stage = o?.stage ?? .qualification
        return EditorModel(purpose: purpose, title: o == nil ? "editor.new-opportunity" : "editor.edit-opportunity", subject: customerName, form: FormModel(fields: [
            .init("title", label: "field.opportunity", rule: .text(required: true, max: 200), value: o?.title ?? ""),
            .init("stage", label: "field.stage", rule: choice(OpportunityStage.self, prefix: "stage"), value: stage.rawValue),
            .init("amount", label: "field.amount", rule: .money, value: o?.amount.formatted(grouping: false) ?? ""),
            .init("probability", label: "field.probability", rule: .percent, value: (o?.probability ?? Opportunity.defaultProbability(stage)).plain),
            .init("expected_close", label: "field.expected-close", rule: .date(required: false), value: o?.expectedClose?.iso ?? today.adding(days: 30).iso),
            .init("lost_reason", label: "field.lost-reason", rule: .text(required: false, max: 500), value: o?.lostReason ?? ""),
        ], today: today))
    }

    public func opportunityValue(id: Int64?, customerId: Int64, version: Int64) -> Opportunity {
        let stage = OpportunityStage(rawValue: value("stage")) ?? .qualification
        let typed = value("probability").trimmingSpaces()
        return Opportunity(id: id, customerId: customerId, title: value("title"), stage: stage,
                           amount: (try? Money.parse(value("amount"))) ?? .zero,
                           probability: typed.isEmpty ? Opportunity.defaultProbability(stage) : ((try? BasisPoints.parsePercent(typed)) ?? Opportunity.defaultProbability(stage)),
                           expectedClose: FieldRule.date(value("expected_close"), today: form.today), lostReason: value("lost_reason"), version: version)
    }
}

extension EditorModel {
    public static func customerFilter(_ f: CustomerFilter, regions: [String], tags: [String], today: DateOnly) -> EditorModel {
        let all = FieldRule.Option(value: "", label: "filter.all")
        return EditorModel(purpose: .filterCustomers, title: "editor.filter", subject: "", form: FormModel(fields: [
            .init("status", label: "field.status", rule: .choice([all] + CustomerStatus.allCases.map { .init(value: $0.rawValue, label: "status.\($0.rawValue)") }),
                  value: f.status?.rawValue ?? ""),
            .init("tag", label: "field.tags", rule: .choice([all] + tags.map { .init(value: $0, label: $0) }), value: f.tag),
            .init("region", label: "field.region", rule: .choice([all] + regions.map { .init(value: $0, label: $0) }), value: f.region),
        ], today: today))
    }

    public var filterValue: CustomerFilter {
        CustomerFilter(status: CustomerStatus(rawValue: value("status")), tag: value("tag"), region: value("region"))
    }
}

extension EditorModel {
    /// What a customer said: CSAT (1–5), NPS (0–10) or a complaint in words.
    public static func feedback(customerId: Int64, name: String, today: DateOnly) -> EditorModel {
        EditorModel(purpose: .newFeedback(customerId: customerId), title: "editor.new-feedback", subject: name, form: FormModel(fields: [
            .init("kind", label: "field.kind", rule: choice(FeedbackKind.self, prefix: "feedback"), value: FeedbackKind.csat.rawValue),
            .init("score", label: "field.score", rule: .text(required: false, max: 2)),
            .init("received_on", label: "field.date", rule: .pastDate(required: true), value: today.iso),
            .init("note", label: "field.note", rule: .text(required: false, max: 1000)),
        ], today: today))
    }

    public func feedbackValue(customerId: Int64) -> Feedback {
        let note = value("note").trimmingSpaces()
        return Feedback(customerId: customerId, kind: FeedbackKind(rawValue: value("kind")) ?? .csat, score: Int(value("score").trimmingSpaces()),
                        receivedOn: FieldRule.date(value("received_on"), today: form.today) ?? form.today, note: note.isEmpty ? nil : note)
    }
}
