import Domain
import Store

extension EditorModel {
    static var roleOptions: [FieldRule.Option] { Role.allCases.map { .init(value: $0.rawValue, label: "role.\($0.rawValue)") } }
    static var yesNo: [FieldRule.Option] { [.init(value: "1", label: "user.may-log-in"), .init(value: "0", label: "user.disabled")] }

    /// A new user (`a` on :users): login, name, role, the operating-system accounts that log in
    /// as them. Saved, they get a one-time password, shown once.
    public static func newUser(today: DateOnly) -> EditorModel {
        EditorModel(purpose: .newUser, title: "editor.new-user", subject: "", form: FormModel(fields: [
            .init("login", label: "field.login", rule: .text(required: true, max: 64)),
            .init("name", label: "field.name", rule: .text(required: true, max: 100)),
            .init("role", label: "field.role", rule: .choice(roleOptions), value: Role.salesRep.rawValue),
            .init("os_accounts", label: "field.os-accounts", rule: .text(required: false, max: 300)),
        ], today: today))
    }

    /// A user's name, role, access and mapped accounts; "new one-time password" makes one.
    public static func editUser(_ f: UserForm, today: DateOnly) -> EditorModel {
        let user = f.account
        // A rep's commission rate in force today; changed, it applies from today.
        let rate: [FormModel.Field] = f.commissionRate.map { [.init("commission", label: "field.commission-rate", rule: .percent, value: $0.plain)] } ?? []
        return EditorModel(purpose: .editUser(id: user.id, version: f.version), title: "editor.edit-user", subject: user.login, form: FormModel(fields: [
            .init("name", label: "field.name", rule: .text(required: true, max: 100), value: user.displayName),
            .init("role", label: "field.role", rule: .choice(roleOptions), value: user.role.rawValue),
            .init("active", label: "field.access", rule: .choice(yesNo), value: user.active ? "1" : "0"),
            .init("os_accounts", label: "field.os-accounts", rule: .text(required: false, max: 300), value: f.osAccounts.joined(separator: " ")),
            .init("password", label: "field.password", rule: .choice([.init(value: "keep", label: "user.keep-password"), .init(value: "new", label: "user.new-password")]),
                  value: "keep"),
        ] + rate, today: today))
    }

    /// Your own password (`:password`; first thing after a one-time password): typed twice.
    public static func changePassword(login: String, required: Bool, today: DateOnly) -> EditorModel {
        var model = EditorModel(purpose: .changePassword, title: "editor.change-password", subject: login, form: FormModel(fields: [
            .init("password", label: "field.new-password", rule: .password),
            .init("repeat", label: "field.repeat-password", rule: .password),
        ], today: today))
        if required { model.notice = Notice(key: "user.set-own-password", arguments: [], isError: false) }
        return model
    }

    var userCommand: WriteCommand? {
        let accounts = value("os_accounts").split { $0 == " " || $0 == "," || $0 == "，" }.map(String.init)
        switch purpose {
        case .newUser:
            let login = value("login").trimmingSpaces()
            let edit = UserEdit(displayName: value("name"), role: Role(rawValue: value("role")) ?? .salesRep, active: true, osAccounts: accounts)
            return WriteCommand { (store, c) throws(StoreError) in
                [.oneTimePassword(login: login, password: try store.addUser(login: login, edit, by: c.actor, at: c.now))]
            }
        case .editUser(let id, let version):
            let login = subject
            let rate = form.fields.contains { $0.key == "commission" } ? value("commission") : ""
            let edit = UserEdit(displayName: value("name"), role: Role(rawValue: value("role")) ?? .salesRep, active: value("active") == "1", osAccounts: accounts,
                                newPassword: value("password") == "new")
            return WriteCommand { (store, c) throws(StoreError) in
                var edit = edit
                if !rate.isEmpty { do throws(DomainError) { edit.commissionRate = try BasisPoints.parsePercent(rate) } catch { throw .invalid(error) } }
                guard let password = try store.updateUser(id: id, version: version, edit, by: c.actor, today: c.today, at: c.now) else { return [.saved(toastKey: "saved.user", argument: login)] }
                return [.oneTimePassword(login: login, password: password)]
            }
        case .changePassword:
            let password = value("password"), again = value("repeat"), login = subject
            return .saying("saved.password", login) { (store, c) throws(StoreError) in
                guard password == again else { throw .invalid(DomainError("the two passwords differ", field: "repeat", code: "error.passwords-differ")) }
                try store.setPassword(login: c.actor.login, password: password, by: c.actor, at: c.now)
            }
        default:
            return nil
        }
    }
}
