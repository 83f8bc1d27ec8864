// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "SafetyPlanner",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "SafetyPlanner", targets: ["SafetyPlanner"]),
        .executable(name: "safetyplan", targets: ["safetyplan"]),
        // The tool's I/O (signal cleanup, the PDF engine), for the web app's own package
        // (WebApp/), which keeps SwiftNIO and Hummingbird out of this package's graph.
        .library(name: "SafetyPlanIO", targets: ["SafetyPlanIO"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // `swift package generate-documentation --target SafetyPlanner` (DocC); a plugin only:
        // nothing of it is built into the tool.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // The system's libedit, for line editing in the terminal interview.
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"]), .brew(["libedit"])]
        ),
        // glibc's mallopt for `batch` (no library to link: it is part of the C library).
        .systemLibrary(name: "CMalloc"),
        .target(name: "SafeXML", dependencies: ["CLibXML2"]),
        .target(
            name: "SafetyPlanner",
            dependencies: ["SafeXML"],
            // Each language folder of Templates/ is embedded through BundledTranslations/
            // (links named es.stages.xml): SwiftPM flattens names, and es/catalog/stages.xml
            // would collide with catalog/stages.xml (Tests/bundle-templates.py).
            exclude: ["BundledTemplates/es"],
            resources: [.embedInCode("BundledTemplates"), .embedInCode("BundledTranslations")]
        ),
        // The tool's I/O: where outputs go, atomic files, signal cleanup, the PDF engine,
        // batch threads. Package-internal: the library's stages never run a process.
        // It imports FoundationEssentials (the PDF engine), so it is compiled as the tool is.
        .target(
            name: "SafetyPlanIO",
            dependencies: ["SafetyPlanner", "SafeXML", "CEditLine"],
            swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]
        ),
        .executableTarget(
            name: "safetyplan",
            dependencies: [
                "SafetyPlanner",
                "SafetyPlanIO",
                "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // On Linux the release tool carries its own Swift runtime (and FoundationEssentials,
            // which ArgumentParser uses): loading the shared libraries was most of a
            // one-document run (Benchmarks/README.md, start-up). The compiler gets the flag
            // too, so this module's objects name the static libraries' own dependencies
            // (_FoundationCShims…) for the linker. Only the tool has it: the library
            // products stay free of unsafe flags.
            swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))],
            linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]
        ),
        .testTarget(name: "SafeXMLTests", dependencies: ["SafeXML"], exclude: ["Fixtures"]),
        .testTarget(name: "SafetyPlannerTests", dependencies: ["SafetyPlanner"], exclude: ["Fixtures"]),
        .testTarget(name: "SafetyPlanIOTests", dependencies: ["SafetyPlanIO"]),
        .testTarget(name: "safetyplanTests", dependencies: ["safetyplan"], exclude: ["Fixtures"]),
    ]
)
