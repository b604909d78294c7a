/// What kind of thing a string in a report names, when the report knows.
enum LinkHint {
  /// An id of the books (client, project, ...), else a document number.
  case any
  case invoice
  case estimate
}

extension SiteBuilder {
  /// The page of the thing `id` names, if the site has one.
  func target(of id: String, hint: LinkHint = .any) -> String? {
    switch hint {
    case .invoice: if books.invoice(id) != nil { return SitePaths.invoice(id) }
    case .estimate: if books.estimate(id) != nil { return SitePaths.estimate(id) }
    case .any: break
    }
    if let definition = books.definition(id) {
      switch definition.kind {
      case .client: return SitePaths.client(id)
      case .contact: return SitePaths.contact(id)
      case .project: return SitePaths.project(id)
      case .service: return SitePaths.service(id)
      case .staff: return SitePaths.staff(id)
      case .resource: return SitePaths.resource(id)
      case .goal: return SitePaths.goal(id)
      case .tax: return SiteSection.tax.path
      case .recurring:
        return books.recurringInvoice(id)?.client.map { SitePaths.client($0.id) }
      }
    }
    if books.invoice(id) != nil { return SitePaths.invoice(id) }
    if books.estimate(id) != nil { return SitePaths.estimate(id) }
    return nil
  }

  /// How an id reads on a page: the entity's name, or the id itself.
  func name(of id: String) -> String {
    guard let definition = books.definition(id) else { return id }
    let index = definition.index
    switch definition.kind {
    case .client: return books.clients.indices.contains(index) ? books.clients[index].name : id
    case .contact: return books.contacts.indices.contains(index) ? books.contacts[index].name : id
    case .project: return books.projects.indices.contains(index) ? books.projects[index].name : id
    case .service: return books.services.indices.contains(index) ? books.services[index].name : id
    case .staff: return books.staff.indices.contains(index) ? books.staff[index].name : id
    case .resource:
      return books.resources.indices.contains(index) ? books.resources[index].title : id
    case .goal: return books.goals.indices.contains(index) ? books.goals[index].title : id
    case .tax: return books.taxes.indices.contains(index) ? books.taxes[index].name : id
    case .recurring:
      return books.recurringInvoices.indices.contains(index)
        ? books.recurringInvoices[index].name : id
    }
  }

  /// `id` as a link from the page at `path` to its page (escaped text when it has none).
  func link(
    _ id: String, from path: String, hint: LinkHint = .any, text: String? = nil
  ) -> String {
    let shown = HTMLRenderer.escape(text ?? name(of: id))
    guard let target = target(of: id, hint: hint) else { return shown }
    return "<a href=\"\(href(target, from: path))\">\(shown)</a>"
  }

  /// A link to one of the site's pages from the page at `path`.
  func anchor(_ target: String, _ text: String, from path: String) -> String {
    "<a href=\"\(href(target, from: path))\">\(HTMLRenderer.escape(text))</a>"
  }

  /// The relative address of `target` from the page at `path`.
  func href(_ target: String, from path: String) -> String {
    SitePaths.root(from: path) + target
  }
}
