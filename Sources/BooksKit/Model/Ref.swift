/// A reference to an id or document number, as written, with where it was written.
///
/// References are resolved by the checks, not by the builder, so that every unknown id in
/// every file is reported in one run.
public struct Ref: Hashable, Sendable, CustomStringConvertible {
  public var id: String
  public var range: SourceRange

  public init(_ id: String, at range: SourceRange) {
    self.id = id
    self.range = range
  }

  public var description: String { id }
}

/// A value of a vocabulary (a stage, class, category, medium...) with where it was written.
public typealias Word = Ref

/// A value with the place it was written, for checks that must point at it.
public struct Located<Value: Sendable>: Sendable {
  public var value: Value
  public var range: SourceRange

  public init(_ value: Value, at range: SourceRange) {
    self.value = value
    self.range = range
  }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
