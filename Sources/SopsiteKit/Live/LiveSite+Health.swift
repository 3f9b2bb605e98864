import BusinessTime
import Foundation

extension BuildInfo {
    /// Where the file goes in the portal.
    public static let path = "build.json"
}

extension LiveSite {
    /// The portal as of another day, everything made again: what a long-running sopsite does at
    /// midnight, when the content has not changed but every open case's time has.
    public func rollOver(to day: Day) -> Outcome {
        options.asOf = day
        return buildAll()
    }

    /// The parts of the search index, as the portal stands (see `SearchShard`).
    public func searchShards() -> [SearchShard] {
        renderer.map(SearchShard.shards) ?? []
    }

    /// The day the portal is made as of.
    public var asOf: Day { options.asOf }

    /// `/build.json` as things stand: the last good portal's counts, and the errors standing.
    public func writeBuildInfo(clock: PortalClock) throws {
        let info = BuildInfo(renderer?.content, options: options, errors: errors, clock: clock)
        _ = try SiteWriter(root: options.outputFolder, mode: .live(written: [:])).write([Page(path: BuildInfo.path, text: info.json)])
    }
}
