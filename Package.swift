// swift-tools-version:6.0
import PackageDescription

/// Settings every Swift target shares: Swift 6 language mode, warnings as errors in CI builds.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "tcms",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tcms", targets: ["tcms"]),
        .executable(name: "tcms-bench", targets: ["tcms-bench"]),
    ],
    targets: [
        // C libraries from Debian, reached through module maps.
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),
        .systemLibrary(name: "CCrypt", path: "Sources/CCrypt"),
        .systemLibrary(name: "CEdit", path: "Sources/CEdit"),

        // Layers, arrows pointing one way: System, JSON, Domain -> Storage -> RPC -> Services
        // -> Daemon; Client and Shell use System, JSON and RPC types only.
        .target(name: "CLinux"),
        .target(name: "TCMSSystem", dependencies: ["CLinux"], swiftSettings: strictSettings),
        .target(
            name: "TCMSJSON", swiftSettings: strictSettings,
            linkerSettings: [.linkedLibrary("m")]),
        .target(name: "TCMSDomain", swiftSettings: strictSettings),
        .target(
            name: "TCMSStorage", dependencies: ["CSQLite"], swiftSettings: strictSettings),
        .target(
            name: "TCMSRPC", dependencies: ["TCMSJSON"],
            swiftSettings: strictSettings),
        .target(
            name: "TCMSServices",
            dependencies: [
                "TCMSStorage", "TCMSRPC", "TCMSDomain", "TCMSJSON", "TCMSSystem", "CCrypt",
            ],
            swiftSettings: strictSettings),
        .target(
            name: "TCMSDaemon",
            dependencies: [
                "TCMSSystem", "TCMSServices", "TCMSRPC", "TCMSStorage", "TCMSJSON", "TCMSDomain",
            ],
            swiftSettings: strictSettings),
        .target(
            name: "TCMSTerminal", swiftSettings: strictSettings),
        .target(
            name: "TCMSClient",
            dependencies: ["TCMSSystem", "TCMSJSON", "TCMSTerminal", "CEdit"],
            swiftSettings: strictSettings),
        .executableTarget(
            name: "tcms",
            dependencies: [
                "TCMSDaemon", "TCMSClient", "TCMSStorage", "TCMSSystem", "TCMSJSON", "TCMSTerminal",
            ],
            swiftSettings: strictSettings),
        .executableTarget(
            name: "tcms-bench",
            dependencies: [
                "TCMSClient", "TCMSSystem", "TCMSJSON", "TCMSStorage", "TCMSServices", "CSQLite",
            ],
            swiftSettings: strictSettings),

        .testTarget(name: "TCMSJSONTests", dependencies: ["TCMSJSON"]),
        .testTarget(name: "TCMSSystemTests", dependencies: ["TCMSSystem"]),
        .testTarget(name: "TCMSDomainTests", dependencies: ["TCMSDomain"]),
        .testTarget(name: "TCMSStorageTests", dependencies: ["TCMSStorage"]),
        .testTarget(name: "TCMSRPCTests", dependencies: ["TCMSRPC", "TCMSJSON"]),
        .testTarget(name: "TCMSServicesTests", dependencies: ["TCMSServices", "TCMSSystem"]),
        .testTarget(name: "TCMSTerminalTests", dependencies: ["TCMSTerminal"]),
        .testTarget(
            name: "TCMSIntegrationTests",
            dependencies: [
                "TCMSJSON", "TCMSSystem", "TCMSClient", "TCMSDomain", "TCMSStorage", "TCMSServices",
            ]),
    ],
    swiftLanguageModes: [.v6]
)
