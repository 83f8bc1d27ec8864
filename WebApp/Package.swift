// swift-tools-version:6.0
import PackageDescription

// The local web app (`safetyplan serve`), a package of its own beside the tool's: its
// server (Hummingbird 2, SwiftNIO) is never resolved, built or loaded by the plain
// `safetyplan` tool. It depends on the tool's package (`..`) for the library and the I/O.
let package = Package(
    name: "SafetyPlanWebApp",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "safetyplan-serve", targets: ["safetyplan-serve"])
    ],
    dependencies: [
        .package(name: "SafetyPlanner", path: ".."),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // glibc's malloc_trim (no library to link: it is part of the C library).
        .systemLibrary(name: "CMallocTrim"),
        // Routes, the security guard, sessions and pages over the library's interview.
        .target(
            name: "SafetyPlanWeb",
            dependencies: [
                .product(name: "SafetyPlanner", package: "SafetyPlanner"),
                .product(name: "SafetyPlanIO", package: "SafetyPlanner"),
                // Memory freed by expired sessions goes back to the system.
                "CMallocTrim",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .executableTarget(
            name: "safetyplan-serve",
            dependencies: ["SafetyPlanWeb", .product(name: "SafetyPlanIO", package: "SafetyPlanner")]
        ),
        .testTarget(
            name: "SafetyPlanWebTests",
            dependencies: [
                "SafetyPlanWeb",
                .product(name: "SafetyPlanner", package: "SafetyPlanner"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ]
)
