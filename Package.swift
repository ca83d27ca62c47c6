// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "RareShare",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "rareshare", targets: ["rareshare"]),
        .library(name: "RareShare", targets: ["RareShare"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(
            name: "CISAL",
            pkgConfig: "libisal",
            providers: [.apt(["libisal-dev"])]
        ),
        .target(name: "CMemoryHints"),
        .target(
            name: "RareShare",
            dependencies: ["CLibXML2", "CZlib", "CISAL", "CMemoryHints"],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "rareshare",
            dependencies: [
                "RareShare",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "RareShareTests",
            dependencies: ["RareShare"]
        ),
    ]
)
