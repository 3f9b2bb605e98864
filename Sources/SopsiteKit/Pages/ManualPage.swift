import BusinessTime
import Templates

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
        values.map("manual") { cover in
            cover.text("system", manual.system)
            cover.text("version", manual.version)
            cover.text("prepared_by", manual.preparedBy)
            cover.text("unit", view.c.unit)
            cover.text("case_id", view.c.id)
            cover.text("case_title", view.c.title)
            if let handover = handoverDay(view) {
                cover.text("handover", words.day(handover))
                cover.text("handover_iso", handover.description)
            }
        }
        values.list("toc", manual.body.headings.filter { $0.level <= 3 }) { values, heading in
            values.text("level", String(heading.level))
            values.text("text", heading.text)
            values.text("id", heading.id)
        }
        values.text("body", manual.body.html)
        values.map("signoff") { values in
            values.map("handed_over_by") { signatory(manual.handedOverBy, unit: manual.preparedBy, into: &$0) }
            values.map("received_by") { signatory(manual.receivedBy, unit: view.c.unit, into: &$0) }
        }
        let codes = [(words["manual_qr_survey"], surveyURL), (words["manual_qr_case"], caseURL)]
        values.list("qr", codes) { values, code in
            values.text("title", code.0)
            values.text("url", code.1)
            values.text("svg", qr(code.1, code.0))
        }
        values.text("case_url", "../")
        let html = theme.page(url + "index.html", "manual", values)
        let css = Page(path: url + "page.css", text: pageCSS(manual, words))
        return [html, css]
    }

    /// The day of the handover step's event (SW01 step 8): the last step that is not ongoing.
    private func handoverDay(_ view: CaseView) -> Day? {
        guard let step = view.sop.steps.last(where: { !$0.ongoing }) else { return nil }
        return view.progress.records.first { $0.step.id == step.id }?.end?.day
    }

    private func signatory(_ s: Signatory?, unit: String, into values: inout TemplateMap) {
        values.text("unit", unit)
        if let s {
            values.text("name", s.name)
            values.text("position", s.position)
        }
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
