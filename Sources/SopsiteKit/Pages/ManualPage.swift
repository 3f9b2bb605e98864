import BusinessTime

/// `/cases/<id>/manual/`: the handover manual, made to be printed. Its running header needs
/// the system's name in CSS, so each manual gets a small stylesheet of its own (`page.css`),
/// which keeps the pages free of inline styles.
struct ManualPage {
    let context: PageContext

    func render(_ view: CaseView, _ manual: Manual, theme: Theme) -> [Page] {
        let words = context.words
        let url = view.url + "manual/"
        var values = context.common(url: url, title: manual.system)
        let caseURL = context.site.baseURL + view.url
        let surveyURL = context.site.surveyURL(for: view.c.id)
        var cover: [String: Any] = [
            "system": manual.system,
            "version": manual.version,
            "prepared_by": manual.preparedBy,
            "unit": view.c.unit,
            "case_id": view.c.id,
            "case_title": view.c.title,
        ]
        if let handover = handoverDay(view) {
            cover["handover"] = words.day(handover)
            cover["handover_iso"] = handover.description
        }
        values["manual"] = cover
        values["toc"] = manual.body.headings.filter { $0.level <= 3 }.map {
            ["level": String($0.level), "text": $0.text, "id": $0.id] as [String: String]
        }
        values["body"] = manual.body.html
        values["signoff"] = [
            "handed_over_by": signatory(manual.handedOverBy, unit: manual.preparedBy),
            "received_by": signatory(manual.receivedBy, unit: view.c.unit),
        ]
        values["qr"] = [
            ["title": words["manual_qr_survey"], "url": surveyURL, "svg": qr(surveyURL, words["manual_qr_survey"])],
            ["title": words["manual_qr_case"], "url": caseURL, "svg": qr(caseURL, words["manual_qr_case"])],
        ]
        values["case_url"] = "../"
        let html = theme.page(url + "index.html", "manual", values)
        let css = Page(path: url + "page.css", text: pageCSS(manual, words))
        return [html, css]
    }

    /// The day of the handover step's event (SW01 step 8): the last step that is not ongoing.
    private func handoverDay(_ view: CaseView) -> Day? {
        guard let step = view.sop.steps.last(where: { !$0.ongoing }) else { return nil }
        return view.progress.records.first { $0.step.id == step.id }?.end?.day
    }

    private func signatory(_ s: Signatory?, unit: String) -> [String: String] {
        var values = ["unit": unit]
        if let s {
            values["name"] = s.name
            values["position"] = s.position
        }
        return values
    }

    private func qr(_ url: String, _ label: String) -> String {
        QRCode(url)?.svg(width: "32mm", label: "\(label): \(url)") ?? ""
    }

    /// The running header (the system's name) and "หน้า X / Y" on every page but the cover.
    /// The cover counts as page 1, so that Y is the number of sheets a reader holds.
    private func pageCSS(_ manual: Manual, _ words: Words) -> String {
        let page = words["manual_page"]
        return """
        /* Made by sopsite for this manual: the running header carries the system's name. */
        @page {
          @top-center { content: \(cssString(manual.system)); }
          @bottom-center { content: \(cssString(page + " ")) counter(page) " / " counter(pages); }
        }
        @page cover {
          @top-center { content: none; }
          @bottom-center { content: none; }
        }

        """
    }

    /// A CSS string literal: quotes, backslashes and line breaks escaped.
    private func cssString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n", "\r": out += "\\A "
            case "<": out += "\\3C "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
