import BusinessTime
import MarkdownBridge

/// One request going through an SOP, from `content/cases/<id>/index.md`.
public struct Case: Sendable {
    /// The folder's name: the case's id and URL (/cases/<id>/).
    public var id: String
    /// The code of the SOP it follows.
    public var sop: String
    public var title: String
    /// The requesting unit.
    public var unit: String
    /// Who to ask at the requesting unit; optional.
    public var contact: String?
    /// When the request came in: step 1's clock starts here.
    public var opened: Moment
    public var openedLocation: SourceLocation
    public var events: [Event]
    /// The case report, rendered.
    public var report: Markdown.Rendered
    /// The system's handover manual, when the folder has a `manual.md`.
    public var manual: Manual?
    /// Files in the case's folder other than index.md and manual.md, by name, sorted.
    public var attachments: [String]
    /// The folder, as the user's path names it.
    public var folder: String
    public var path: String
    /// Where the front matter's mapping starts, for errors about the case as a whole.
    public var location: SourceLocation
}

/// That a step was done: the unit of a case's history.
public struct Event: Sendable {
    public var step: String
    public var date: Moment
    public var by: String?
    /// Inline Markdown.
    public var note: String?
    public var documents: [Document]
    /// The answer on a decision step: true for yes.
    public var answer: Bool?
    /// Due dates agreed at this event for per-scope steps: step id → day.
    public var due: [(step: String, day: Day, location: SourceLocation)]
    public var location: SourceLocation
    public var stepLocation: SourceLocation
    public var dateLocation: SourceLocation
    public var answerLocation: SourceLocation?
}

/// A document that goes with an event: a title and where to find it.
public struct Document: Sendable, Equatable {
    public var title: String
    /// An attachment's name inside the case's folder, or an http(s) URL.
    public var link: String?
}
