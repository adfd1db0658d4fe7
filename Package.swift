// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "stacksfit",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "StacksFit", targets: ["StacksFit"]),
        .executable(name: "stacksfit", targets: ["stacksfit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .target(
            name: "StacksFit",
            dependencies: ["CLibXML2", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources/taxonomy.json")],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
        .executableTarget(
            name: "stacksfit",
            dependencies: [
                "StacksFit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
        .executableTarget(
            name: "stacksfit-bench",
            dependencies: ["StacksFit"],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
        .testTarget(
            name: "StacksFitTests",
            dependencies: ["StacksFit", "CLibXML2"],
            exclude: ["Snapshots"],
            resources: [.copy("Fixtures")],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
