import SVG

/// The flowchart's points in SVG's words.
extension SVGWriter {
    static func points(_ points: [Point]) -> String {
        points.map { "\(number($0.x)),\(number($0.y))" }.joined(separator: " ")
    }

    /// An orthogonal polyline as path data: "M x y L x y …".
    static func path(_ points: [Point]) -> String {
        points.enumerated().map { "\($0.offset == 0 ? "M" : "L")\(number($0.element.x)) \(number($0.element.y))" }
            .joined(separator: " ")
    }
}
