import Domain
import Store

/// The login form: two fields, a message, and a wait after three refused attempts.
public struct LoginViewModel: Sendable, Equatable {
    public var login = ""
    public var password = ""
    /// 0 = login, 1 = password.
    public var focus = 0
    /// A catalog key plus arguments, for the screen to word.
    public var message: Message?
    public var failures = 0
    /// Until then (epoch seconds) the form refuses to try again.
    public var waitUntil: Int64 = 0
    public var busy = false

    public struct Message: Sendable, Equatable {
        public var key: String
        public var argument: String
        public var isError: Bool
        public init(key: String, argument: String = "", isError: Bool) { self.key = key; self.argument = argument; self.isError = isError }
    }

    public static let attemptsBeforeWait = 3
    public static let waitSeconds: Int64 = 30

    public init(login: String = "") { self.login = login; focus = login.isEmpty ? 0 : 1 }

    public enum Action: Sendable, Equatable {
        case type(Character), backspace, clearField, nextField, previousField, submit
        case result(AuthResult, now: Int64)
        case failed(String)
        case tick(now: Int64)
    }

    public mutating func handle(_ action: Action, now: Int64) -> [Effect] {
        switch action {
        case .type(let c):
            if focus == 0 { login.append(c) } else { password.append(c) }
        case .backspace:
            if focus == 0 { if !login.isEmpty { login.removeLast() } } else if !password.isEmpty { password.removeLast() }
        case .clearField:
            if focus == 0 { login = "" } else { password = "" }
        case .nextField, .previousField:
            focus = 1 - focus
        case .submit:
            if focus == 0 && password.isEmpty { focus = 1; return [] }
            if busy { return [] }
            if now < waitUntil {
                message = Message(key: "login.wait", argument: String(waitUntil - now), isError: true)
                return []
            }
            guard !login.isEmpty else { message = Message(key: "login.enter-login", argument: "", isError: true); focus = 0; return [] }
            busy = true
            message = Message(key: "login.checking", argument: "", isError: false)
            return [.authenticate(login: login, password: password)]
        case .result(let result, let at):
            busy = false
            password = ""
            switch result {
            case .success, .changePassword:
                message = nil
                failures = 0
            case .refused:
                failures += 1
                if failures >= LoginViewModel.attemptsBeforeWait {
                    waitUntil = at + LoginViewModel.waitSeconds
                    message = Message(key: "login.wait", argument: String(LoginViewModel.waitSeconds), isError: true)
                } else {
                    message = Message(key: "login.refused", argument: "", isError: true)
                }
                focus = 1
            }
        case .failed(let text):
            busy = false
            message = Message(key: "error.generic", argument: text, isError: true)
        case .tick(let t):
            if waitUntil > 0, t >= waitUntil, message?.key == "login.wait" {
                message = Message(key: "login.try-again", argument: "", isError: false)
                waitUntil = 0
                failures = 0
            } else if waitUntil > t, message?.key == "login.wait" {
                message = Message(key: "login.wait", argument: String(waitUntil - t), isError: true)
            }
        }
        return []
    }
}
