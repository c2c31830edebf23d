import Domain

/// The bindings of overlays and forms: each can be rebound in `keys.toml` like any screen's.
extension AppModel {
    func overlayBindings(_ overlay: Overlay) -> [Binding] {
        switch overlay {
        case .help:
            return [Binding("back", "hint.close", .closeOverlay), Binding("help", "hint.close", .closeOverlay, hint: false),
                    Binding("quit", "hint.close", .closeOverlay, hint: false), Binding("open", "hint.close", .closeOverlay, hint: false)]
        case .palette:
            return [Binding("open", "hint.run", .palette(.run)), Binding("move-up", "hint.move", .palette(.move(-1)), group: "move"),
                    Binding("move-down", "hint.move", .palette(.move(1)), group: "move"), Binding("next-pane", "hint.move", .palette(.move(1)), hint: false),
                    Binding("previous-pane", "hint.move", .palette(.move(-1)), hint: false), Binding("back", "hint.close", .closeOverlay)]
        case .confirmQuit:
            return [Binding("yes", "hint.yes", .confirmQuit(true)), Binding("no", "hint.no", .confirmQuit(false)),
                    Binding("back", "hint.no", .confirmQuit(false), hint: false), Binding("force-quit", "hint.yes", .confirmQuit(true), hint: false)]
        case .claimDecision:
            return [Binding("yes", "hint.approve", .decideClaim(approve: true)), Binding("no", "hint.reject", .decideClaim(approve: false)),
                    Binding("back", "hint.later", .closeOverlay)]
        case .preview(let p):
            return [Binding("open", p.printer == nil ? "hint.save-file" : "hint.print", .preview(.send(toFile: false))),
                    Binding("print", "hint.print", .preview(.send(toFile: false)), hint: false),
                    Binding("save-file", "hint.save-file", .preview(.send(toFile: true)), hint: p.printer != nil),
                    Binding("move-up", "hint.scroll", .preview(.scroll(-1)), group: "move"), Binding("move-down", "hint.scroll", .preview(.scroll(1)), group: "move"),
                    Binding("page-down", "hint.page", .preview(.scroll(20))), Binding("page-up", "hint.page", .preview(.scroll(-20)), hint: false),
                    Binding("back", "hint.close", .closeOverlay), Binding("quit", "hint.close", .closeOverlay, hint: false)]
        case .explanation:
            return [Binding("back", "hint.close", .closeOverlay), Binding("open", "hint.close", .closeOverlay, hint: false),
                    Binding("help", "hint.help", .showHelp), Binding("quit", "hint.close", .closeOverlay, hint: false)]
        case .oneTimePassword:
            return [Binding("open", "hint.close", .closeOverlay), Binding("back", "hint.close", .closeOverlay, hint: false)]
        case .exportChoice:
            return [Binding("export-xlsx", "hint.xlsx", .exportAs(.xlsx)), Binding("export-csv", "hint.csv", .exportAs(.csv)),
                    Binding("open", "hint.xlsx", .exportAs(.xlsx), hint: false), Binding("back", "hint.cancel", .closeOverlay)]
        }
    }

    /// A form: characters are typed into the field; these keys move, save and cancel.
    func editorBindings(_ editor: EditorModel) -> [Binding] {
        if editor.form.askingDiscard {
            return [Binding("yes", "hint.discard", .editor(.form(.confirmDiscard(true)))), Binding("no", "hint.keep-editing", .editor(.form(.confirmDiscard(false)))),
                    Binding("back", "hint.keep-editing", .editor(.form(.confirmDiscard(false))), hint: false)]
        }
        if editor.reviewingHints {
            return [Binding("move-up", "hint.move", .editor(.moveHint(-1)), group: "move"), Binding("move-down", "hint.move", .editor(.moveHint(1)), group: "move"),
                    Binding("claim", "hint.claim", .editor(.claimHint)), Binding("save-anyway", "hint.save-anyway", .editor(.saveAnyway)).unless(!editor.blocking, "reason.duplicate-blocks"),
                    Binding("back", "hint.back-to-form", .editor(.backToForm))]
        }
        // A year of quotas: a month's figure copied to the months after it.
        let fill: [Binding] = if case .editQuotas = editor.purpose { [Binding("fill-down", "hint.fill-down", .editor(.form(.fillDown)), help: "action.fill-down")] } else { [] }
        return fill + [Binding("save", "hint.save", .editor(.form(.save))), Binding("back", "hint.cancel", .editor(.form(.cancel))),
                Binding("open", "hint.next-field", .editor(.form(.enter)), hint: false), Binding("next-pane", "hint.next-field", .editor(.form(.next)), hint: false),
                Binding("previous-pane", "hint.previous-field", .editor(.form(.previous)), hint: false),
                Binding("move-down", "hint.move", .editor(.form(.down)), hint: false), Binding("move-up", "hint.move", .editor(.form(.up)), hint: false),
                Binding("force-quit", "hint.cancel", .editor(.form(.cancel)), hint: false)]
    }
}

extension EditorModel {
    /// Whether printable keys are text here (not while a y/n question or the similar-customer
    /// list is up).
    public var takesText: Bool { !form.askingDiscard && !reviewingHints }
}
