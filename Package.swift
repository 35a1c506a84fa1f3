// swift-tools-version:6.0
// StripeBridge: four bounded contexts (ConnectAuth, SyncEngine, RevenueQuery, PlatformBilling),
// each its own executable with its own SQLite file, talking protobuf-c over Unix sockets.
import PackageDescription

/// A Debian C library reached through pkg-config, wrapped as a system-library target.
func systemLibrary(_ name: String, pkgConfig: String, apt: String) -> Target {
    .systemLibrary(
        name: name,
        path: "Sources/C/\(name)",
        pkgConfig: pkgConfig,
        providers: [.apt([apt])]
    )
}

func runtime(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .target(name: name, dependencies: dependencies, path: "Sources/Runtime/\(name)")
}

func context(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .target(name: name, dependencies: dependencies, path: "Sources/Contexts/\(name)")
}

func executable(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .executableTarget(name: name, dependencies: dependencies, path: "Sources/Executables/\(name)")
}

let serviceRuntime: [Target.Dependency] = [
    "BridgeLog", "BridgeConfig", "BridgeStore", "BridgeRPC", "Contracts", "ProtoBridge", "Outbox",
    "AccessControl",
]

let package = Package(
    name: "StripeBridge",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "connect-auth", targets: ["connect-auth"]),
        .executable(name: "sync-engine", targets: ["sync-engine"]),
        .executable(name: "revenue-query", targets: ["revenue-query"]),
        .executable(name: "platform-billing", targets: ["platform-billing"]),
        .executable(name: "stripe-emulator", targets: ["stripe-emulator"]),
        .executable(name: "stripe-dataset", targets: ["stripe-dataset"]),
        .executable(name: "stripebridge", targets: ["stripebridge"]),
    ],
    targets: [
        // C libraries from Debian, one target each, and the shims Swift cannot do without.
        systemLibrary("CProtobufC", pkgConfig: "libprotobuf-c", apt: "libprotobuf-c-dev"),
        systemLibrary("CCurl", pkgConfig: "libcurl", apt: "libcurl4-openssl-dev"),
        systemLibrary("CSQLite", pkgConfig: "sqlite3", apt: "libsqlite3-dev"),
        systemLibrary("CYAML", pkgConfig: "yaml-0.1", apt: "libyaml-dev"),
        systemLibrary("CCrypto", pkgConfig: "libcrypto", apt: "libssl-dev"),
        systemLibrary("CMicroHTTPD", pkgConfig: "libmicrohttpd", apt: "libmicrohttpd-dev"),
        .target(
            name: "CShims",
            dependencies: ["CCurl", "CMicroHTTPD", "CSQLite"],
            path: "Sources/C/CShims"
        ),
        .target(
            name: "CContracts",
            dependencies: ["CProtobufC"],
            path: "Sources/C/CContracts",
            sources: ["generated"],
            cSettings: [.headerSearchPath("include")]
        ),

        // The runtime every context shares.
        runtime("BridgeLog", []),
        runtime("BridgeConfig", ["CYAML"]),
        runtime("BridgeStore", ["CSQLite", "CShims", "BridgeLog"]),
        runtime("BridgeCrypto", ["CCrypto"]),
        runtime("ProtoBridge", ["CProtobufC"]),
        runtime("Contracts", ["ProtoBridge", "CContracts", "CProtobufC"]),
        runtime("BridgeRPC", ["ProtoBridge", "Contracts", "CContracts", "CProtobufC", "BridgeLog"]),
        runtime("StripeClient", ["CCurl", "CShims", "BridgeLog"]),
        runtime("HTTPServe", ["CMicroHTTPD", "CShims"]),
        runtime("Outbox", ["BridgeStore", "BridgeRPC", "BridgeLog"]),
        runtime("AccessControl", ["BridgeCrypto", "BridgeRPC"]),
        runtime("StripeWebhooks", ["BridgeCrypto"]),
        runtime("ServiceKit", ["BridgeConfig", "BridgeStore", "BridgeRPC", "BridgeLog", "StripeClient"]),

        // The four bounded contexts.
        context("ConnectAuth", serviceRuntime + ["BridgeCrypto", "StripeClient", "StripeWebhooks"]),
        context("SyncEngine", serviceRuntime + ["StripeClient"]),
        context("RevenueQuery", serviceRuntime + ["BridgeCrypto"]),
        context("PlatformBilling", serviceRuntime + ["BridgeCrypto", "StripeClient", "StripeWebhooks"]),

        // The Stripe emulator and its dataset generator: the demo's Stripe and the tests' peer.
        .target(
            name: "StripeEmulatorKit",
            dependencies: ["HTTPServe", "BridgeLog", "StripeWebhooks"],
            path: "Sources/Emulator/StripeEmulatorKit",
            resources: [.copy("Fixtures")]
        ),

        // Runs the whole system on one machine: the demo and the integration tests use it.
        .target(
            name: "LocalCluster",
            dependencies: [
                "BridgeRPC", "BridgeLog", "Contracts", "ProtoBridge", "StripeClient", "AccessControl",
                "StripeEmulatorKit",
            ],
            path: "Sources/Operations/LocalCluster"
        ),

        // What the benchmarks share: timing, the plain-socket reference, CPU pinning, targets.
        .target(name: "BenchKit", dependencies: ["BridgeRPC", "CShims"], path: "Sources/Operations/BenchKit"),

        // Thin executables.
        executable("connect-auth", ["ConnectAuth", "ServiceKit", "StripeClient"] + serviceRuntime),
        executable("sync-engine", ["SyncEngine", "ServiceKit", "StripeClient"] + serviceRuntime),
        executable("revenue-query", ["RevenueQuery", "ServiceKit"] + serviceRuntime),
        executable("platform-billing", ["PlatformBilling", "ServiceKit"] + serviceRuntime),
        executable("revenue-bench", ["RevenueQuery", "LocalCluster", "BenchKit"] + serviceRuntime),
        executable("rpc-bench", ["BridgeRPC", "BridgeLog", "Contracts", "ProtoBridge", "BenchKit", "LocalCluster"]),
        executable("stripe-emulator", ["StripeEmulatorKit", "BridgeLog"]),
        executable("stripe-dataset", ["StripeEmulatorKit"]),
        executable(
            "sync-bench",
            [
                "SyncEngine", "StripeClient", "BridgeStore", "BridgeLog", "BridgeRPC", "Contracts", "BenchKit",
                "LocalCluster",
            ]
        ),
        executable(
            "stripebridge",
            [
                "LocalCluster", "StripeClient", "BridgeRPC", "BridgeLog", "BridgeConfig", "Contracts", "ProtoBridge",
                "StripeEmulatorKit",
            ]
        ),

        // Tests.
        .target(
            name: "TestSupport",
            dependencies: ["BridgeRPC", "BridgeLog", "Contracts", "ProtoBridge", "StripeEmulatorKit", "LocalCluster"],
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "RuntimeTests",
            dependencies: [
                "TestSupport", "BridgeLog", "BridgeConfig", "BridgeStore", "BridgeCrypto",
                "ProtoBridge", "Contracts", "BridgeRPC", "StripeClient", "HTTPServe", "Outbox", "AccessControl",
            ]
        ),
        .testTarget(
            name: "EmulatorTests",
            dependencies: ["TestSupport", "StripeEmulatorKit", "StripeClient"]
        ),
        .testTarget(
            name: "ContextTests",
            dependencies: ["TestSupport", "ConnectAuth", "SyncEngine", "RevenueQuery", "PlatformBilling"]
        ),
        .testTarget(
            name: "IntegrationTests",
            dependencies: [
                "TestSupport", "BridgeRPC", "BridgeStore", "BridgeLog", "Contracts", "StripeClient",
                "StripeEmulatorKit", "LocalCluster", "AccessControl",
                "connect-auth", "sync-engine", "revenue-query", "platform-billing",
                "stripe-emulator", "stripe-dataset", "stripebridge", "revenue-bench",
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
