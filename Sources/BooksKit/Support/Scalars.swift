/// True for C0 and C1 control characters (and DEL): invisible, and able to drive a terminal.
func isControl(_ scalar: Unicode.Scalar) -> Bool {
  scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
}

/// Unicode noncharacters (U+FDD0…U+FDEF and the last two code points of every plane):
/// valid UTF-8, but HTML parsers reject them.
func isNoncharacter(_ scalar: Unicode.Scalar) -> Bool {
  (0xFDD0...0xFDEF).contains(scalar.value) || scalar.value & 0xFFFE == 0xFFFE
}

/// Where `needle` first starts in `haystack`, compared byte by byte; the start for an empty
/// needle.
func firstIndex<Bytes: Collection<UInt8>>(of needle: [UInt8], in haystack: Bytes)
  -> Bytes.Index?
{
  guard let first = needle.first else { return haystack.startIndex }
  var start = haystack.startIndex
  while let found = haystack[start...].firstIndex(of: first) {
    if haystack[found...].starts(with: needle) { return found }
    start = haystack.index(after: found)
  }
  return nil
}
