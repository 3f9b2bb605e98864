import MarkdownBridge

/// One problem found in a content or theme file, printed the way compilers print them:
/// `path:line:column: error: message`.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    /// The file's path as the user gave it (relative to where sopsite was run).
    public var path: String
    /// 1-based line and column (columns count Unicode scalars, as the YAML parser does).
    public var line: Int
    public var column: Int
    public var message: String

    public init(_ severity: Severity, _ path: String, line: Int, column: Int, _ message: String) {
        self.severity = severity
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    /// `path:line:column: error: message`; a problem with no place in a file (line 0) is
    /// `sopsite: error: message`.
    public var description: String {
        // A file or folder name can hold control characters; they must not reach the terminal.
        let path = Diagnostic.printable(self.path)
        return line == 0 ? "\(path): \(severity.rawValue): \(message)"
            : "\(path):\(line):\(column): \(severity.rawValue): \(message)"
    }

    /// Control characters written as \u{...}.
    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .control {
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// Where a value sits in a file; carried by everything loaded so later checks can point at it.
public struct SourceLocation: Sendable, Equatable {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int, column: Int) {
        self.path = path
        self.line = line
        self.column = column
    }

    func error(_ message: String) -> Diagnostic {
        Diagnostic(.error, path, line: line, column: column, message)
    }

    func warning(_ message: String) -> Diagnostic {
        Diagnostic(.warning, path, line: line, column: column, message)
    }
}

/// Collects every problem of a run, so that all of them are reported at once, not only the first.
public struct Diagnostics: Sendable {
    public private(set) var all: [Diagnostic] = []

    public init() {}

    public mutating func append(_ d: Diagnostic) { all.append(d) }
    public mutating func append(contentsOf ds: [Diagnostic]) { all.append(contentsOf: ds) }

    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }
    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// In file order, so the output reads top to bottom like a compiler's.
    public var sorted: [Diagnostic] {
        all.sorted { ($0.path, $0.line, $0.column) < ($1.path, $1.line, $1.column) }
    }
}

/// Thrown when a build or check found errors; carries every diagnostic of the run.
extension Diagnostic {
    /// An I/O or tool failure as a diagnostic: the file or folder it is about, with no line
    /// (`path: error: message`), or at line 1 for a file's own trouble (`path:1:1: error:`).
    static func failure(_ path: String, _ message: String, atFileStart: Bool = false) -> Diagnostic {
        Diagnostic(.error, path, line: atFileStart ? 1 : 0, column: atFileStart ? 1 : 0, message)
    }
}

public struct BuildFailed: Error, Sendable {
    public var diagnostics: [Diagnostic]
}

extension MarkdownLimits.Problem {
    /// The problem in a file whose text starts at `firstLine` (its body after the front matter).
    func diagnostic(path: String, firstLine: Int) -> Diagnostic {
        Diagnostic(.error, path, line: firstLine + line - 1, column: column, message)
    }
}
