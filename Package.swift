// swift-tools-version:6.0
import PackageDescription

// Import directions follow docs/architecture.md's layer table; `LayerImportTests` checks that no source
// file imports a module its target may not see (SwiftPM alone lets transitive modules through).
let package = Package(
    name: "Rapport",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "rapport", targets: ["rapport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncurses-dev"])]),
        .systemLibrary(name: "CCrypt", providers: [.apt(["libcrypt-dev"])]),
        .target(name: "TerminalCore"),
        .target(name: "NcursesBackend", dependencies: ["TerminalCore", "CNcursesw"]),
        .target(name: "Widgets", dependencies: ["TerminalCore"]),
        .target(name: "Domain"),
        .target(name: "Store", dependencies: ["Domain", "CCrypt", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(
            name: "Documents",
            dependencies: ["Domain", .product(name: "Mustache", package: "swift-mustache"), .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "Workspaces", dependencies: ["Domain", "Store", "Documents"]),
        .target(name: "Screens", dependencies: ["Widgets", "Workspaces", "TerminalCore"]),
        .target(name: "DemoData", dependencies: ["Store", "Domain"]),
        .executableTarget(
            name: "rapport",
            dependencies: [
                "Screens", "NcursesBackend", "DemoData", "Workspaces", "Store", "Domain", "TerminalCore", "Documents",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .target(name: "TestSupport", dependencies: ["TerminalCore", "DemoData", "Store", "Domain"], path: "Tests/TestSupport"),
        .testTarget(name: "TerminalCoreTests", dependencies: ["TerminalCore"]),
        .testTarget(name: "WidgetsTests", dependencies: ["Widgets", "TerminalCore", "TestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "DomainTests", dependencies: ["Domain"]),
        .testTarget(name: "DocumentsTests", dependencies: ["Documents", "Domain", "TerminalCore", "TestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Domain", "DemoData", "TestSupport"]),
        .testTarget(name: "WorkspacesTests", dependencies: ["Workspaces", "Store", "Domain", "DemoData", "TestSupport", "Documents", "TerminalCore"]),
        .testTarget(name: "ScreensTests", dependencies: ["TestSupport", "Screens", "Workspaces", "Widgets", "TerminalCore", "Store", "Domain", "DemoData", "Documents"], exclude: ["Snapshots"]),
        .testTarget(name: "rapportTests", dependencies: ["rapport", "Store", "Domain", .product(name: "GRDB", package: "GRDB.swift")]),
    ],
    swiftLanguageModes: [.v6]
)
