// swift-tools-version:6.0
// Fuzz targets for RareShare's readers, built with libFuzzer:
//   Scripts/fuzz/run TARGET SECONDS
import PackageDescription

let package = Package(
    name: "RareShareFuzz",
    dependencies: [.package(name: "RareShare", path: "../..")],
    targets: [
        .executableTarget(
            name: "RareShareFuzz",
            dependencies: [.product(name: "RareShare", package: "RareShare")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)
