// swift-tools-version:6.0
// The libFuzzer target for SafetyPlanner, kept apart from the root package so that the
// root's build, tests and CI never see it. Build it only through run.sh (see README.md).
import PackageDescription

let package = Package(
    name: "SafetyPlannerFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "SafetyPlanner", path: "../..")
    ],
    targets: [
        .target(name: "CLibFuzzer"),
        .executableTarget(
            name: "FuzzSafetyPlanner",
            dependencies: ["CLibFuzzer", .product(name: "SafetyPlanner", package: "SafetyPlanner")]
        ),
    ]
)
