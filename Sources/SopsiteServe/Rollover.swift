import Foundation
import SopsiteKit

/// A long-running portal (`serve`, `publish`) made again just after midnight in Asia/Bangkok,
/// when its as-of date is "today": a step falls due when its day passes, with no change to the
/// content, and a portal built on Monday must not say "in progress" on Wednesday.
enum Rollover {
    /// Runs until cancelled; `after` gets each new day's outcome (to report it, write build.json,
    /// index for search).
    static func run(_ site: LiveSite, clock: PortalClock, log: @escaping @Sendable (String) -> Void,
                    after: @escaping @Sendable (LiveSite.Outcome) async -> Void) async {
        while !Task.isCancelled {
            // A moment past midnight, so that the clock surely reads the new day.
            let wait = clock.secondsToMidnight() + 0.5
            do { try await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000)) } catch { return }
            let day = clock.today()
            guard day != (await site.asOf) else { continue }
            log("new day: making the portal as of \(day)")
            await after(await site.rollOver(to: day))
        }
    }
}
