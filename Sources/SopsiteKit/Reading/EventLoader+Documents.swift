extension EventLoader {
    /// `documents: [{title, link}]`. A link is an http(s) URL or a file in the case's folder;
    /// nothing may point out of the folder.
    static func readDocuments(_ map: YAMLMap, _ attachments: [String], _ diagnostics: inout Diagnostics) -> [Document] {
        guard let list = map["documents"]?.list("'documents'", &diagnostics) else { return [] }
        return list.compactMap { value in
            guard let doc = value.map("a document", &diagnostics) else { return nil }
            doc.reportUnknownKeys(known: ["title", "link"], &diagnostics)
            guard let title = doc.text("title", &diagnostics) else { return nil }
            guard let linkValue = doc["link"], let link = linkValue.text("'link'", &diagnostics) else {
                return Document(title: title, link: nil)
            }
            if let problem = linkProblem(link, attachments) {
                diagnostics.append(linkValue.location.error(problem))
                return nil
            }
            return Document(title: title, link: link)
        }
    }

    /// Why a document link cannot be published, or nil when it can.
    static func linkProblem(_ link: String, _ attachments: [String]) -> String? {
        if WebAddress.isHTTP(link) { return nil }
        // A colon before any slash is a URL scheme (javascript:, data:, mailto:, C:).
        if let colon = link.firstIndex(of: ":"), !link[..<colon].contains("/") {
            return "link \"\(link)\" must be an http(s) URL or a file in the case's folder"
        }
        if link.hasPrefix("/") || link.split(separator: "/").contains("..") {
            return "link \"\(link)\" leaves the case's folder; put the file in the folder and link it by name"
        }
        guard attachments.contains(link) else {
            return "link \"\(link)\" names no file in the case's folder"
        }
        return nil
    }
}
