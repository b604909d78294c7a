/// Dates are in a possible order.
enum DatesCheck {
  static let name = "dates"

  static func run(_ context: CheckContext) -> [Diagnostic] {
    let books = context.books
    var out: [Diagnostic] = []
    let today = context.today
    // Only an invoice with a date to report on is copied.
    books.invoices.forEachAddress { _, address in
      let date = address.pointee.date
      let send = address.pointee.send
      guard
        address.pointee.due.map({ $0 < date }) == true || send.map({ $0 < date }) == true
          || (address.pointee.status == .draft && send != nil && today != nil)
      else { return }
      let invoice = address.pointee
      if let due = invoice.due, due < invoice.date {
        out.append(
          .error(
            name,
            "invoice `\(invoice.number)` is due \(due), before it was issued on \(invoice.date)",
            at: invoice.range, fix: "set `due` on or after \(invoice.date)"))
      }
      if let send = invoice.send, send < invoice.date {
        out.append(
          .warning(
            name, "invoice `\(invoice.number)` is scheduled to be sent \(send), before its date",
            at: invoice.range, fix: "set `send` on or after \(invoice.date)"))
      }
      // A draft whose scheduled send day has come: time to send it.
      if invoice.status == .draft, let send = invoice.send, let today, send <= today {
        let when = send == today ? "today" : "on \(send)"
        out.append(
          .note(
            name, "draft invoice `\(invoice.number)` is scheduled to be sent \(when)",
            at: invoice.statusRange ?? invoice.range,
            fix: "send it and set `status sent`, or move `send` to a later day"))
      }
    }
    books.incomes.forEachAddress { _, income in
      let date = income.pointee.date
      for allocation in income.pointee.invoices {
        guard let index = books.invoiceIndex(allocation.invoice.id),
          books.invoices.indices.contains(index), date < books.invoices[index].date,
          books.invoices[index].status != .draft
        else { continue }
        let invoice = books.invoices[index]
        out.append(
          .error(
            name,
            "payment on \(date) for invoice `\(invoice.number)` issued later, on \(invoice.date)",
            at: allocation.invoice.range,
            notes: [DiagnosticNote("the invoice is dated here", at: invoice.range)],
            fix: "check both dates; a payment cannot come before its invoice"))
      }
    }
    for credit in books.creditNotes {
      guard let ref = credit.invoice, let invoice = books.invoice(ref.id),
        credit.date < invoice.date
      else { continue }
      out.append(
        .error(
          name, "credit note `\(credit.number)` is dated before invoice `\(invoice.number)`",
          at: credit.range, fix: "date the credit note on or after \(invoice.date)"))
    }
    for project in books.projects {
      if let start = project.start, let end = project.end, end < start {
        out.append(
          .error(
            name, "project `\(project.id)` ends (\(end)) before it starts (\(start))",
            at: project.range, fix: "swap `start` and `end`, or correct one of them"))
      }
    }
    for estimate in books.estimates {
      if let valid = estimate.validUntil, valid < estimate.date {
        out.append(
          .error(
            name,
            "estimate `\(estimate.number)` expires \(valid), before its date \(estimate.date)",
            at: estimate.range, fix: "set `valid-until` after \(estimate.date)"))
      }
    }
    return out
  }
}
