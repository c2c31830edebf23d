import ArgumentParser
import Documents
import Domain
import Foundation
import Store
import TerminalCore

/// The program's one template library: the user's folder over the bundled defaults, columns
/// measured with the terminal's display-width table.
func templateLibrary(environment env: [String: String] = ProcessInfo.processInfo.environment) -> TemplateLibrary {
    TemplateLibrary(directory: XDG.rapport(.config, env) + "/templates", width: TextWidth({ DisplayWidth.of($0) }, clean: TextSanitizer.clean))
}

struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates", abstract: "List, copy and check print templates ($XDG_CONFIG_HOME/rapport/templates).",
        subcommands: [List.self, Copy.self, Check.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every template: bundled, or the user's file that overrides it.")
        func run() {
            let lib = templateLibrary()
            for e in lib.list() { print("\(e.name.padding(toLength: 22, withPad: " ", startingAt: 0)) \(e.overridePath ?? "(bundled)")") }
        }
    }

    struct Copy: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Copy a bundled template into the user's folder to edit it.")
        @Argument(help: "Template name, e.g. quote.txt or shipment.html.") var name: String
        func run() throws {
            do { print("copied to \(try templateLibrary().copy(name))") } catch { throw DocumentsCLIError(error.message) }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check every template; print file:line: problem and exit 1 if any.")
        func run() throws {
            let lib = templateLibrary()
            let problems = lib.check()
            if problems.isEmpty { print("ok: \(lib.list().count) templates"); return }
            for p in problems { print(p) }
            throw ExitCode(1)
        }
    }
}

struct PrintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print", abstract: "Print a document (quote, order, shipment, purchase-order) or the alignment test page.",
        discussion: "Prints through lp when config.toml's [print] names a printer, else saves the file and prints its path. `rapport print alignment` prints the test page for pre-printed forms.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "quote, order, shipment, purchase-order, or alignment.") var kind: String
    @Argument(help: "The document's number, e.g. Q-2026-00131.") var number: String?
    @Option(help: "Template name or file (default: KIND.txt).") var template: String?
    @Option(help: "Save to this file instead of printing (- for standard output).") var out: String?
    @OptionGroup var auth: AuthOptions

    func run() throws {
        let (db, actor, clock) = try global.openAuthenticated(auth)
        let today = clock.today()
        let lib = templateLibrary()
        let (settings, warnings) = LoadedConfig.printer()
        for w in warnings { FileHandle.standardError.write(Data("rapport: \(w)\n".utf8)) }
        // Through the sudo rule a saved file would be the service account's: a printer, or stdout.
        if settings.printer?.isEmpty ?? true { try SudoRule.requireStandardOutput(out, option: "--out") }
        let rendered: RenderedDocument
        let title: String
        do {
            if kind == "alignment" {
                rendered = try lib.alignmentPage(company: try db.companyParty(), printedOn: today)
                title = "alignment"
            } else {
                guard let k = PrintableDocument.Kind(rawValue: kind) else {
                    throw ValidationError("unknown document kind '\(kind)' (quote, order, shipment, purchase-order, alignment)")
                }
                guard let number else { throw ValidationError("which \(kind)? give its number") }
                rendered = try lib.render(try db.printableDocument(k, number: number, for: actor), template: template, printedOn: today)
                title = number
            }
            if out == "-" { StandardOutput.text(rendered.text); return }
            switch try PrintJob.deliver(rendered, settings: settings, out: out, title: title) {
            case .printed(let printer, let copies, let message): print("printed on \(printer), \(copies) cop\(copies == 1 ? "y" : "ies")\(message.isEmpty ? "" : ": \(message)")")
            case .saved(let path, nil): print("saved to \(path)")
            case .saved(let path, let reason?):
                print("saved to \(path)")
                FileHandle.standardError.write(Data("rapport: not printed: \(reason)\n".utf8))
                throw ExitCode(1)
            }
        } catch let e as DocumentError { throw DocumentsCLIError(e.message) }
    }
}

struct DocumentsCLIError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
