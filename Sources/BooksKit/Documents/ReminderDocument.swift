/// A payment reminder for one invoice as of a day: the invoice document (parties, dates,
/// balance, payment details) with how late it is and the late fee accrued so far.
///
/// A plain value: `ReminderRenderer` only lays it out.
public struct Reminder: Sendable {
  /// Why the letter is written: a reminder only for `overdue`; otherwise the letter says
  /// there is nothing to remind of.
  public enum Situation: String, Sendable {
    /// A balance is due and the due date has passed.
    case overdue
    /// A balance is due, but not before the due date.
    case notYetDue = "not-yet-due"
    /// Nothing is left to pay.
    case paid
    /// The invoice has not been sent.
    case draft
    /// The invoice is void.
    case void
  }

  /// The invoice as of `asOf`.
  public var invoice: Document
  public var situation: Situation
  /// Days past the due date (0 unless overdue).
  public var daysOverdue: Int
  /// The business's policy in words, nil when it has none.
  public var policy: String?
  /// The fee accrued as of `asOf`; nil without a policy or when not overdue.
  public var lateFee: LateFee?
  /// `balance + late fee`.
  public var totalDue: Money?

  public var asOf: CalendarDate { invoice.asOf }
}

extension Reminder {
  /// The reminder for invoice `number` as of `asOf`.
  public static func make(_ number: String, in books: Books, asOf: CalendarDate) -> Result<
    Reminder, DocumentProblem
  > {
    let document: Document
    switch Document.invoice(number, in: books, asOf: asOf) {
    case .success(let made): document = made
    case .failure(let problem): return .failure(problem)
    }
    guard let index = books.invoiceIndex(number), books.invoices.indices.contains(index) else {
      return .failure(.unknownNumber(number))
    }
    let invoice = books.invoices[index]
    let ledger = InvoiceLedger(books, asOf: asOf)
    guard ledger.invoices.indices.contains(index) else { return .failure(.unknownNumber(number)) }
    let state = ledger.invoices[index]
    let situation: Situation
    switch state.standing(invoice, asOf: asOf) {
    case .overdue: situation = .overdue
    case .sent, .partiallyPaid: situation = .notYetDue
    case .paid: situation = .paid
    case .draft: situation = .draft
    case .void: situation = .void
    }
    var reminder = Reminder(
      invoice: document, situation: situation,
      daysOverdue: state.daysOverdue(invoice, asOf: asOf),
      policy: books.business?.lateFee.map(LateFee.describe))
    reminder.totalDue = document.balance
    if situation == .overdue, let policy = books.business?.lateFee {
      guard
        let fee = LateFee.accrued(state: state, invoice: invoice, policy: policy, asOf: asOf)
      else { return .failure(.totals("the late fee is too large to compute")) }
      reminder.lateFee = fee
      if let balance = document.balance {
        guard let total = try? balance.adding(fee.total) else {
          return .failure(.totals("the late fee is too large to compute"))
        }
        reminder.totalDue = total
      }
    }
    return .success(reminder)
  }

  /// The paragraphs of the letter, plain text (the renderers escape them).
  var paragraphs: [String] {
    let number = invoice.number
    let issued = invoice.issueDate.description
    let due = invoice.dueDate?.description ?? "?"
    let balance = invoice.balance?.formatted() ?? "the balance"
    switch situation {
    case .overdue:
      let days = daysOverdue == 1 ? "1 day" : "\(daysOverdue) days"
      var paragraphs = [
        "Perhaps this slipped through the cracks: invoice \(number), issued on \(issued), "
          + "was due on \(due) and is now \(days) overdue. As of \(asOf), \(balance) "
          + "is still open."
      ]
      if let fee = lateFee, let policy {
        if fee.applies {
          paragraphs.append(
            "Under the late-fee terms (\(policy)), a late fee of \(fee.total.formatted()) "
              + "has accrued so far, so the total now due is "
              + "\((totalDue ?? fee.total).formatted()).")
        } else if let end = fee.graceEnd {
          paragraphs.append(
            "Under the late-fee terms (\(policy)), no late fee has accrued yet; fees start "
              + "after \(end).")
        }
      }
      paragraphs.append(
        "I would be grateful if you could arrange the payment at your earliest convenience. "
          + "If you have already sent it, please disregard this reminder, and thank you. "
          + "If anything about the invoice is unclear, just reply and I will be glad to help.")
      return paragraphs
    case .notYetDue:
      return [
        "Just a friendly note: invoice \(number), issued on \(issued), is not yet due. "
          + "\(balance) is open as of \(asOf), payable by \(due). No reminder is needed yet."
      ]
    case .paid:
      return [
        "Invoice \(number), issued on \(issued), is settled as of \(asOf): nothing is left to "
          + "pay. Thank you; no reminder is needed."
      ]
    case .draft:
      return [
        "Invoice \(number) is still a draft and has not been sent; there is nothing to remind of."
      ]
    case .void:
      return ["Invoice \(number) is void; nothing is due on it."]
    }
  }

  /// The facts table: label and value.
  var facts: [(label: String, value: String, strong: Bool)] {
    var rows: [(label: String, value: String, strong: Bool)] = [
      ("Invoice number", invoice.number, false),
      ("Issue date", invoice.issueDate.description, false),
    ]
    if let due = invoice.dueDate { rows.append(("Due date", due.description, false)) }
    if let po = invoice.purchaseOrder { rows.append(("Purchase order", po, false)) }
    rows.append(("Invoice total", invoice.total.formatted(), false))
    if let paid = invoice.paid, !paid.isZero {
      rows.append(("Paid", paid.formattedAsDeduction(), false))
    }
    if let credited = invoice.credited, !credited.isZero {
      rows.append(("Credited", credited.formattedAsDeduction(), false))
    }
    if situation == .overdue {
      rows.append(("Days overdue", String(daysOverdue), false))
    }
    if let balance = invoice.balance {
      rows.append(("Balance due as of \(asOf)", balance.formatted(), false))
    }
    if situation == .overdue, let fee = lateFee {
      if !fee.flat.isZero { rows.append(("Late fee, flat", fee.flat.formatted(), false)) }
      if let percent = fee.policy.percent, fee.periods > 0 {
        let unit = fee.policy.period.rawValue + (fee.periods == 1 ? "" : "s")
        rows.append(
          (
            "Interest, \(percent) × \(fee.periods) started \(unit) on \(fee.balance.formatted())",
            fee.interest.formatted(), false
          ))
      }
      rows.append(("Late fee accrued", fee.total.formatted(), false))
      if let total = totalDue { rows.append(("Total now due", total.formatted(), true)) }
    }
    return rows
  }

  /// A note under the table: a flat fee in another currency is not charged.
  var feeNote: String? {
    guard situation == .overdue, let skipped = lateFee?.skippedFlat else { return nil }
    return "The flat fee of \(skipped.formatted()) is not charged: it is in another currency "
      + "than the invoice."
  }

  /// How the letter opens: the client's contact, else its name.
  var salutation: String {
    guard let buyer = invoice.buyer else { return "Hello," }
    return "Dear \(buyer.contact ?? buyer.name),"
  }
}
