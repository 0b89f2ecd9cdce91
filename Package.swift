// swift-tools-version: 6.0
import PackageDescription

// Numeric code (the generator, the trainer's kernels) is optimised in every configuration, so that
// `swift test` in debug still trains in seconds. SIMD FMA needs the target CPU set, or each lane
// becomes a library call (~100x slower): Haswell (AVX2 + FMA) on x86-64; arm64 needs nothing.
#if arch(x86_64)
  let fastMath: [SwiftSetting] = [.unsafeFlags(["-O", "-target-cpu", "haswell"])]
#else
  let fastMath: [SwiftSetting] = [.unsafeFlags(["-O"])]
#endif

let package = Package(
  name: "HemoLab",
  platforms: [.macOS(.v15)],
  products: [.executable(name: "hemolab", targets: ["hemolab"])],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
  ],
  targets: [
    .systemLibrary(name: "CNCurses", path: "Sources/CNCurses"),
    .target(name: "CTerminal", path: "Sources/CTerminal"),
    .target(
      name: "CImageCodecs",
      path: "Sources/CImageCodecs",
      cSettings: [
        .unsafeFlags(
          ["-I/opt/homebrew/include", "-I/usr/local/include"], .when(platforms: [.macOS]))
      ],
      linkerSettings: [
        .linkedLibrary("jpeg"), .linkedLibrary("png16"), .linkedLibrary("z"),
        .unsafeFlags(["-L/opt/homebrew/lib", "-L/usr/local/lib"], .when(platforms: [.macOS])),
      ]
    ),
    .target(
      name: "HemoCore",
      dependencies: ["CImageCodecs", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
      swiftSettings: fastMath
    ),
    .target(name: "HemoTrain", dependencies: ["HemoCore"], swiftSettings: fastMath),
    .target(
      name: "HemoAssets", path: "Assets", resources: [.copy("experiments"), .copy("lesson")]),
    .target(name: "HemoLesson", dependencies: ["HemoCore", "HemoTrain", "HemoAssets"]),
    .target(
      name: "HemoTUI",
      dependencies: ["CNCurses", "CTerminal", "HemoCore", "HemoTrain", "HemoLesson"]),
    .executableTarget(
      name: "hemolab",
      dependencies: [
        "HemoCore", "HemoTrain", "HemoLesson", "HemoTUI",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .target(name: "HemoTestSupport", path: "Tests/HemoTestSupport"),
    .testTarget(name: "HemoCoreTests", dependencies: ["HemoCore", "HemoTestSupport"]),
    .testTarget(
      name: "HemoTrainTests", dependencies: ["HemoTrain", "HemoCore", "HemoTestSupport"]),
    .testTarget(
      name: "HemoLessonTests",
      dependencies: ["HemoLesson", "HemoTrain", "HemoCore", "HemoTestSupport"]),
    .testTarget(
      name: "HemoTUITests",
      dependencies: ["HemoTUI", "HemoLesson", "HemoTrain", "HemoCore", "HemoTestSupport"],
      // Golden screens, read from the source tree (and rewritten in record mode).
      exclude: ["Goldens"]),
  ],
  swiftLanguageModes: [.v6]
)
