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

    /// The day the portal is made as of.
    public var asOf: Day { options.asOf }

    /// `/build.json` as things stand: the last good portal's counts, and the errors standing.
    public func writeBuildInfo(clock: PortalClock) throws {
        let content = renderer?.content
        let info = BuildInfo(built: clock.stamp(), asOf: options.asOf, commit: BuildInfo.commit(of: options.contentFolder),
                             sops: content?.sops.count ?? 0, cases: content?.cases.count ?? 0,
                             errors: errors.map(\.description))
        _ = try LiveSite.write(Page(path: BuildInfo.path, text: info.json), into: options.outputFolder, previous: nil)
    }
}
