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
    .testTarget(
      name: "BooksKitTests",
      dependencies: ["BooksKit"],
      path: "Tests/BooksKitTests",
      exclude: ["Snapshots", "Catalogue"]
    ),
  ]
)
