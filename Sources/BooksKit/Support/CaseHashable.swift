/// A raw-value enum hashed by its case: the standard library's default for a raw-value
/// enum hashes the raw string, and the builder and checks look kinds up once per entry.
///
/// Only for enums without payloads and with at most 256 cases, whose whole value is the
/// one byte that tells the case (the tests check the size of each adopter): for any other
/// type, equal values need not have equal first bytes.
public protocol CaseHashable: Hashable, RawRepresentable where RawValue == String {}

extension CaseHashable {
  /// Hashes the case's tag byte (every case of these enums fits in one byte); equal
  /// values have equal bytes, so equal values hash alike.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(withUnsafeBytes(of: self) { $0.first ?? 0 })
  }
}
