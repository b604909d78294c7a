// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "books",
  products: [
    .library(name: "BooksKit", targets: ["BooksKit"]),
    .executable(name: "books", targets: ["books"]),
  ],
  targets: [
    .target(name: "BooksKit", path: "Sources/BooksKit"),
    .executableTarget(name: "books", dependencies: ["BooksKit"], path: "Sources/books"),
    .executableTarget(name: "books-bench", path: "Sources/books-bench"),
    // The fuzz target (`.ci/fuzz`); without `-DFUZZING` it replays the files it is given.
    .executableTarget(name: "books-fuzz", dependencies: ["BooksKit"], path: "Sources/books-fuzz"),
    .testTarget(
      name: "BooksKitTests",
      dependencies: ["BooksKit", "books-fuzz"],
      path: "Tests/BooksKitTests",
      exclude: ["Snapshots", "Catalogue", "Hostile", "Robustness/FuzzCrashes"]
    ),
  ]
)
