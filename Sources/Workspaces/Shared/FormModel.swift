import Domain

/// A form's state: typed fields, the focused one, an error beside each field, whether anything
/// changed, and the question "discard your changes?". Editing is text editing; what a value
/// means is checked by `FieldRule` (Domain parsing) when the field is left and before saving.
public struct FormModel: Sendable, Equatable {
    public struct Field: Sendable, Equatable {
        public var key: String
        /// Catalog key of the label.
        public var label: String
        public var rule: FieldRule
        public var value: String
        /// A catalog key and the offending value, for the screen to word.
        public var error: FieldError?
        public var cursor: Int
        /// Highlighted option of a lookup's match list.
        public var pick = 0
        /// The value was filled in for the user (a list price): the first key typed replaces it.
        public var defaulted = false
        /// A look-up whose options the Store finds as the user types (customers, open orders: too
        /// many to hold), and which; its options are the last answer, already matched, as they are.
        public var remote: RemoteLookup?
        /// What the options of a remote look-up answer: until the answer to the text now typed
        /// arrives, there are no matches (Enter never takes a customer of an older answer).
        public var answered: String?
        /// Enter was pressed before the answer to the text typed arrived.
        public var enterPending = false
        /// May be left empty though its rule would ask for a value (a filter's customer).
        public var optional = false

        /// The field's value against its rule (an optional field left empty passes).
        func check(today: DateOnly) -> FieldError? {
            optional && value.trimmingSpaces().isEmpty ? nil : rule.check(value, today: today)
        }

        public init(_ key: String, label: String, rule: FieldRule, value: String = "") {
            self.key = key; self.label = label; self.rule = rule; self.value = value; cursor = value.count
        }

        /// Lookup options matching what is typed (prefix first, then substring; case-insensitive),
        /// at most `FormModel.matchLimit` of them: a look-up over thousands of products stays
        /// quick per keystroke.
        public var matches: [FieldRule.Option] {
            guard case .lookup(let options) = rule else { return [] }
            if remote != nil { return answered == value.trimmingSpaces() ? Array(options.prefix(FormModel.matchLimit)) : [] }
            let q = Array(value.lowercased().utf8)
            if q.isEmpty { return Array(options.prefix(FormModel.matchLimit)) }
            var prefix: [FieldRule.Option] = [], inside: [FieldRule.Option] = []
            for o in options {
                if o.foldedLabel.starts(with: q) || o.foldedSearch.starts(with: q) {
                    prefix.append(o)
                    if prefix.count == FormModel.matchLimit { break }
                } else if inside.count < FormModel.matchLimit, FieldRule.Option.bytes(o.foldedLabel, contain: q) || FieldRule.Option.bytes(o.foldedSearch, contain: q) {
                    inside.append(o)
                }
            }
            return Array((prefix + inside).prefix(FormModel.matchLimit))
        }
    }

    public enum Action: Sendable, Equatable {
        case type(Character), backspace, delete, left, right, home, end, clear
        case next, previous
        /// ↓ / ↑: the lookup's next or previous match while typing in one; else next or previous field.
        case down, up
        /// Enter: next field, or save on the last one.
        case enter
        /// Ctrl-S: save from anywhere.
        case save
        /// Esc: leave (asks first when something changed).
        case cancel
        case confirmDiscard(Bool)
        /// Ctrl-D: the focused value into every field after it (a quota for the rest of the year).
        case fillDown
    }

    /// What the owner of the form should do after an action.
    public enum Outcome: Sendable, Equatable { case stay, submit, close }

    public var fields: [Field]
    /// The focused field. A field the user has just arrived at shows its value whole: the first
    /// character typed replaces it (as a date `+1` replaces `2026-12-06`), Backspace clears it,
    /// ←/→/Home/End start editing it in place.
    public var focus = 0 { didSet { if focus != oldValue { touched = nil } } }
    /// The field being edited in place since the focus arrived (nil: not yet).
    var touched: Int?
    public var isDirty = false
    public var askingDiscard = false
    public var today: DateOnly

    public init(fields: [Field], today: DateOnly) { self.fields = fields; self.today = today }

    /// How many look-up matches are kept (and how far ↓ goes in them).
    public static let matchLimit = 50

    public func value(_ key: String) -> String { fields.first { $0.key == key }?.value ?? "" }

    public mutating func set(_ key: String, _ value: String) {
        if let i = fields.firstIndex(where: { $0.key == key }) { fields[i].value = value; fields[i].cursor = value.count }
    }

    public mutating func setError(_ key: String, _ error: FieldError?) {
        if let i = fields.firstIndex(where: { $0.key == key }) { fields[i].error = error; if error != nil { focus = i } }
    }

    public var hasErrors: Bool { fields.contains { $0.error != nil } }

    /// Marks a value the form filled in itself, so typing replaces it instead of appending.
    public mutating func markDefaulted(_ key: String) {
        if let i = fields.firstIndex(where: { $0.key == key }) { fields[i].defaulted = true }
    }

    public mutating func handle(_ action: Action) -> Outcome {
        if askingDiscard {
            guard case .confirmDiscard(let yes) = action else { return .stay }
            askingDiscard = false
            return yes ? .close : .stay
        }
        guard fields.indices.contains(focus) else { return action == .cancel ? .close : .stay }
        if action == .fillDown {
            let value = fields[focus].value
            for i in fields.indices.dropFirst(focus + 1) where fields[i].value != value {
                fields[i].value = value; fields[i].cursor = value.count; fields[i].error = nil; isDirty = true
            }
            return .stay
        }
        var f = fields[focus]
        switch action {
        case .cancel:
            if isDirty { askingDiscard = true; return .stay }
            return .close
        case .confirmDiscard:
            return .stay
        case .save:
            return validateAll() ? .submit : .stay
        case .enter, .next:
            if case .lookup = f.rule, let m = f.matches.dropFirst(f.pick).first, !f.value.isEmpty || action == .enter {
                if m.label != f.value { isDirty = true }
                f.value = m.label; f.cursor = m.label.count; f.pick = 0
            }
            f.error = f.check(today: today)
            fields[focus] = f
            if action == .enter && focus == fields.count - 1 { return validateAll() ? .submit : .stay }
            if f.error == nil || action == .next { focus = min(fields.count - 1, focus + 1) }
            return .stay
        case .down, .up:
            if case .lookup = f.rule, !f.value.isEmpty, !f.matches.isEmpty {
                fields[focus].pick = max(0, min(f.matches.count - 1, f.pick + (action == .down ? 1 : -1)))
                return .stay
            }
            return handle(action == .down ? .next : .previous)
        case .previous:
            fields[focus].error = f.check(today: today)
            focus = max(0, focus - 1)
            return .stay
        default:
            if touched != focus {
                touched = focus
                // Arriving at a filled field: typing replaces it, Backspace clears it.
                if case .type = action, !f.rule.isChoice { f.defaulted = true }
                if action == .backspace || action == .delete, !f.rule.isChoice, !f.value.isEmpty { f.value = ""; f.cursor = 0; f.defaulted = false; break }
            }
            guard FormModel.edit(&f, action) else { return .stay }
        }
        f.defaulted = false
        f.enterPending = false
        f.error = nil
        isDirty = isDirty || f.value != fields[focus].value
        fields[focus] = f
        return .stay
    }

    /// Text editing and choosing in one field; false when the key changes nothing.
    static func edit(_ f: inout Field, _ action: Action) -> Bool {
        switch action {
        case .left:
            if case .choice(let options) = f.rule { f.value = FormModel.cycle(options, from: f.value, by: -1) } else { f.cursor = max(0, f.cursor - 1) }
        case .right:
            if case .choice(let options) = f.rule { f.value = FormModel.cycle(options, from: f.value, by: 1) } else { f.cursor = min(f.value.count, f.cursor + 1) }
        case .home:
            f.cursor = 0
        case .end:
            f.cursor = f.value.count
        case .backspace:
            guard f.cursor > 0, !f.rule.isChoice else { return false }
            f.value.remove(at: f.value.index(f.value.startIndex, offsetBy: f.cursor - 1)); f.cursor -= 1; f.pick = 0
        case .delete:
            guard f.cursor < f.value.count, !f.rule.isChoice else { return false }
            f.value.remove(at: f.value.index(f.value.startIndex, offsetBy: f.cursor))
        case .clear:
            guard !f.rule.isChoice else { return false }
            f.value = ""; f.cursor = 0; f.pick = 0
        case .type(let c):
            if case .choice(let options) = f.rule {
                // Type-ahead: the next option (after the current one) whose value starts with the
                // letter — not an id (a digit typed there is not a warehouse's id) — or its code.
                let l = String(c).lowercased()
                let start = (options.firstIndex { $0.value == f.value } ?? -1) + 1
                let order = Array(options[min(start, options.count)...]) + Array(options[..<min(start, options.count)])
                guard let hit = order.first(where: { ($0.value.first?.isNumber != true && $0.value.lowercased().hasPrefix(l)) || $0.search.lowercased().hasPrefix(l) })
                else { return false }
                f.value = hit.value
            } else {
                if f.defaulted { f.value = ""; f.cursor = 0 }
                f.value.insert(c, at: f.value.index(f.value.startIndex, offsetBy: f.cursor))
                f.cursor += 1; f.pick = 0
            }
        default:
            return false
        }
        return true
    }

    /// Checks every field; focuses the first one in error. True when all are valid.
    public mutating func validateAll() -> Bool {
        for i in fields.indices { fields[i].error = fields[i].check(today: today) }
        if let first = fields.firstIndex(where: { $0.error != nil }) { focus = first; return false }
        return true
    }

    static func cycle(_ options: [FieldRule.Option], from value: String, by step: Int) -> String {
        guard !options.isEmpty else { return value }
        let i = options.firstIndex { $0.value == value } ?? 0
        return options[(i + step + options.count) % options.count].value
    }
}

/// What a remote look-up asks the Store for.
public enum RemoteLookup: Sendable, Equatable { case customers, openOrders }

/// What went wrong with a field: a catalog key (`error.date`, `error.required` …) and the value.
public struct FieldError: Sendable, Equatable {
    public var key: String
    public var argument: String
    /// Further values for `%2`, `%3` … of the key's text.
    public var more: [String] = []
    public init(_ key: String, _ argument: String = "") { self.key = key; self.argument = argument }
    /// A refusal from the Store or a Domain rule, as the field's error.
    public init(_ m: UserMessage) {
        self.init(m.key, m.arguments.first ?? "")
        more = Array(m.arguments.dropFirst())
    }
}

/// The type of a form field and the check it gets, implemented with Domain's parsers so a value
/// the form accepts is a value the Store accepts.
public enum FieldRule: Sendable, Equatable {
    public struct Option: Sendable, Equatable {
        /// Stored value (a raw enum value, or an id as text).
        public var value: String
        /// What the user sees (a catalog key for choices; the text itself for lookups).
        public var label: String
        /// Extra text a lookup or type-ahead also matches (code, pinyin).
        public var search: String
        /// Shown beside the label in a look-up's match list, to tell options apart (a product's
        /// unit and list price); not part of the value.
        public var detail: [CellValue] = []
        /// Lower-cased UTF-8, made once, so matching a keystroke against thousands of options is
        /// a byte search (UTF-8 never matches inside a character).
        let foldedLabel: [UInt8]
        let foldedSearch: [UInt8]
        public init(value: String, label: String, search: String = "", detail: [CellValue] = []) {
            self.value = value; self.label = label; self.search = search; self.detail = detail
            foldedLabel = Array(label.lowercased().utf8); foldedSearch = Array(search.lowercased().utf8)
        }

        static func bytes(_ haystack: [UInt8], contain needle: [UInt8]) -> Bool {
            guard needle.count <= haystack.count, let first = needle.first else { return needle.isEmpty }
            var i = 0
            let last = haystack.count - needle.count
            while i <= last {
                if haystack[i] == first {
                    var j = 1
                    while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                    if j == needle.count { return true }
                }
                i += 1
            }
            return false
        }
    }

    case text(required: Bool, max: Int)
    case phone, email, qq
    case integer(ClosedRange<Int>)
    case money
    case quantity
    case percent
    case date(required: Bool)
    /// A date not after today (birthdays, when a contact happened).
    case pastDate(required: Bool)
    /// A money document's date: required, not more than `daysAhead` days after today (the
    /// company's `money_future_days`).
    case moneyDate(daysAhead: Int)
    case choice([Option])
    case lookup([Option])
    /// A day of the year, with the year only if given (`05-12`, `1980-05-12`).
    case birthday
    /// A password: shown as stars, at least 4 characters.
    case password

    public var isChoice: Bool { if case .choice = self { return true } else { return false } }

    public func check(_ raw: String, today: DateOnly) -> FieldError? {
        let v = raw.trimmingSpaces()
        switch self {
        case .text(let required, let max):
            if required && v.isEmpty { return FieldError("error.required") }
            return v.count > max ? FieldError("error.too-long", String(max)) : nil
        case .phone:
            if v.isEmpty { return nil }
            do { _ = try Contact.validatePhone(v, field: "phone"); return nil } catch { return FieldError("error.phone", v) }
        case .email:
            if v.isEmpty { return nil }
            do { _ = try Contact.validateEmail(v, field: "email"); return nil } catch { return FieldError("error.email", v) }
        case .qq:
            if v.isEmpty { return nil }
            return v.allSatisfy({ $0.isASCII && $0.isNumber }) && (5...12).contains(v.count) ? nil : FieldError("error.qq", v)
        case .integer(let range):
            guard let n = Int(v) else { return FieldError("error.integer", v) }
            return range.contains(n) ? nil : FieldError("error.range", "\(range.lowerBound)–\(range.upperBound)")
        case .money:
            guard let m = try? Money.parse(v) else { return FieldError("error.money", v) }
            return m.isNegative ? FieldError("error.negative", v) : nil
        case .quantity:
            if v.isEmpty { return FieldError("error.required") }
            guard let q = try? Quantity.parse(v) else { return FieldError("error.quantity", v) }
            return q.thousandths > 0 ? nil : FieldError("error.positive", v)
        case .percent:
            if v.isEmpty { return nil }
            do { _ = try BasisPoints.parsePercent(v); return nil } catch {
                return v.filter({ $0 != "%" && $0 != " " }).allSatisfy({ $0.isNumber || $0 == "." }) && !v.hasPrefix("-") ? FieldError("error.percent-range", v) : FieldError("error.percent", v)
            }
        case .date(let required), .pastDate(let required):
            if v.isEmpty { return required ? FieldError("error.required") : nil }
            guard let d = try? DateOnly.parse(v, today: today) else { return FieldError("error.date", v) }
            if case .pastDate = self, d > today { return FieldError("error.future-date", d.iso) }
            return nil
        case .moneyDate(let days):
            if v.isEmpty { return FieldError("error.required") }
            guard let d = try? DateOnly.parse(v, today: today) else { return FieldError("error.date", v) }
            do { try MoneyDate.check(d, today: today, futureDays: days); return nil } catch {
                if days <= 0 { return FieldError("error.future-date", d.iso) }
                var e = FieldError("error.date-beyond-future-days", d.iso)
                e.more = [String(days)]
                return e
            }
        case .choice(let options):
            return options.contains { $0.value == v } ? nil : FieldError("error.required")
        case .password:
            return raw.count < 4 ? FieldError("error.password-short") : nil
        case .birthday:
            if v.isEmpty { return nil }
            guard let b = try? Birthday.parse(v) else { return FieldError("error.birthday", v) }
            return b.isInFuture(today) ? FieldError("error.future-date", b.description) : nil
        case .lookup(let options):
            if v.isEmpty { return FieldError("error.required") }
            return options.contains { $0.label == raw } ? nil : FieldError("error.unknown", v)
        }
    }

    /// The parsed date of a date field (nil when empty).
    public static func date(_ raw: String, today: DateOnly) -> DateOnly? {
        let v = raw.trimmingSpaces()
        return v.isEmpty ? nil : try? DateOnly.parse(v, today: today)
    }
}
