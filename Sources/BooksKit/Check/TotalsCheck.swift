/// The money of each currency adds up within what can be computed exactly.
///
/// Each amount is below 2^127 in its last digit, but the reports add amounts up: the
/// income of a year, the expenses of a category, the invoiced total of a client, a running
/// balance. Every such sum is a sum of some of the books' amounts of one currency, so it
/// fits when the amounts' magnitudes, all added up, fit. This check adds them up per
/// currency — incomes with their fees, expenses, invoice totals and what credit notes take
/// off them — and reports the entry where the sum passes the limit, once per currency.
/// Books that pass it never reach the reports' overflow fallbacks.
enum TotalsCheck {
  static let name = "totals"

  static func run(_ context: CheckContext) -> [Diagnostic] {
    // A million amounts are added up in a few milliseconds: per currency and scale, as
    // integers. Only books whose sums do not fit are read again, in order, to find where.
    var sums = Sums()
    visit(context) { money, _ in sums.add(money) }
    guard sums.overflows else { return [] }
    return located(context)
  }

  /// Every amount the check adds up, with the range of its entry.
  private static func visit(_ context: CheckContext, _ body: (Money, SourceRange) -> Void) {
    let books = context.books
    books.incomes.forEachAddress { _, income in
      body(income.pointee.amount, income.pointee.range)
      if let fee = income.pointee.fee { body(fee, income.pointee.range) }
    }
    books.expenses.forEachAddress { _, expense in
      body(expense.pointee.amount, expense.pointee.range)
    }
    for (invoice, state) in zip(books.invoices, context.ledger.invoices) {
      if let total = state.total { body(total, invoice.numberRange) }
      if let credited = state.credited { body(credited, invoice.numberRange) }
    }
  }

  /// The running sums in the order `visit` reads the amounts: a diagnostic at the entry
  /// where each currency's sum first does not fit.
  private static func located(_ context: CheckContext) -> [Diagnostic] {
    var sums: [Currency: DecimalNumber] = [:]
    var reported: Set<Currency> = []
    var out: [Diagnostic] = []
    visit(context) { money, range in
      guard !reported.contains(money.currency) else { return }
      // From the currency's minor units: reports add amounts to totals rounded to them.
      let start =
        DecimalNumber(significand: 0, scale: money.currency.minorUnits) ?? DecimalNumber.zero
      if let after = (sums[money.currency] ?? start).adding(money.amount.magnitude) {
        sums[money.currency] = after
        return
      }
      reported.insert(money.currency)
      out.append(
        .error(
          name,
          "the \(money.currency) amounts of the books add up to more than can be computed exactly",
          at: range,
          fix:
            "amounts are exact up to about 1.7 × 10^38 in their last digit, and reports add them up; check this amount for a typing mistake, or write fewer decimals"
        ))
    }
    return out
  }

  /// The magnitudes of the amounts per currency, one integer per scale (0 to 18 decimal
  /// places): their sum at the largest scale is the sum `located` would reach.
  struct Sums {
    private static let scales = DecimalNumber.maximumScale + 1
    private var currencies: [Currency] = []
    private var slots: [UInt128] = []
    /// Per currency, the largest scale of its amounts, zeros included (`adding` moves a sum
    /// to the larger scale of the two, so a `0.00` raises it as any amount does), and at
    /// least its minor units.
    private var tops: [Int] = []
    private var last = 0
    /// A slot went past 2^128, or an amount could not be read as a magnitude.
    private var slotOverflow = false

    mutating func add(_ money: Money) {
      var index = last
      if !currencies.indices.contains(index) || currencies[index] != money.currency {
        if let found = currencies.firstIndex(of: money.currency) {
          index = found
        } else {
          index = currencies.count
          currencies.append(money.currency)
          slots += [UInt128](repeating: 0, count: Self.scales)
          // Reports add amounts to totals rounded to the minor units: at least that scale.
          tops.append(min(max(money.currency.minorUnits, 0), Self.scales - 1))
        }
        last = index
      }
      let scale = money.amount.scale
      let slot = index * Self.scales + scale
      guard (0..<Self.scales).contains(scale), slots.indices.contains(slot) else {
        slotOverflow = true
        return
      }
      let (sum, overflow) = slots[slot].addingReportingOverflow(money.amount.significand.magnitude)
      slots[slot] = sum
      if overflow { slotOverflow = true }
      if tops.indices.contains(index), scale > tops[index] { tops[index] = scale }
    }

    /// True when some currency's sum, at its largest scale, is past 2^127 − 1 (where a
    /// `DecimalNumber` ends).
    var overflows: Bool {
      if slotOverflow { return true }
      for index in currencies.indices {
        let base = index * Self.scales
        guard tops.indices.contains(index), slots.indices.contains(base + Self.scales - 1) else {
          return true
        }
        let top = tops[index]
        var total: UInt128 = 0
        for scale in 0...top where slots[base + scale] != 0 {
          guard let factor = powerOfTen(top - scale) else { return true }
          let (scaled, overflow) = slots[base + scale].multipliedReportingOverflow(by: factor)
          guard !overflow else { return true }
          let (sum, carry) = total.addingReportingOverflow(scaled)
          guard !carry else { return true }
          total = sum
        }
        if total > UInt128(Int128.max) { return true }
      }
      return false
    }
  }
}
