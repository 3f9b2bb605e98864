import Foundation

/// What the browser runs while `sopsite serve` serves a page: it listens to the server's events
/// and reloads after a rebuild has finished, swaps stylesheets when only CSS changed, and shows
/// build errors over the page until they are fixed. It reaches pages only through the
/// server; `sopsite build` never writes it.
///
/// A page listens only while it is shown: a browser opens at most six connections to one
/// server, and each listening page holds one. A tab brought back asks again and reloads if a
/// rebuild happened while it was hidden.
enum LiveClient {
    static let scriptPath = "/_sopsite/live.js"
    static let eventsPath = "/_sopsite/live"

    /// Adds the script before `</body>`, telling it which build the page comes from.
    static func inject(into page: Data, version: Int = 0) -> Data {
        let tag = Data("<script src=\"\(scriptPath)\" data-build=\"\(version)\"></script>\n".utf8)
        guard let end = page.range(of: Data("</body>".utf8), options: .backwards) else { return page + tag }
        var out = page
        out.insert(contentsOf: tag, at: end.lowerBound)
        return out
    }

    static let script = """
    // sopsite serve: live reload and the build-error overlay.
    (function () {
      "use strict";
      var me = document.currentScript;
      var build = Number(me && me.dataset.build);
      var overlay = null;

      function showErrors(errors) {
        if (!overlay) {
          overlay = document.createElement("div");
          overlay.id = "sopsite-errors";
          overlay.setAttribute("role", "alert");
          var s = overlay.style;
          s.position = "fixed"; s.inset = "0"; s.zIndex = "2147483647"; s.overflow = "auto";
          s.background = "rgba(20, 20, 20, .94)"; s.color = "#fff"; s.padding = "2rem";
          s.font = "15px/1.5 monospace";
          document.body.appendChild(overlay);
        }
        overlay.textContent = "";
        var title = document.createElement("h1");
        title.textContent = "sopsite: the build failed (the last good portal is still served)";
        title.style.font = "bold 18px sans-serif"; title.style.color = "#ff8a80";
        var list = document.createElement("pre");
        list.style.whiteSpace = "pre-wrap";
        list.textContent = errors.join("\\n");
        overlay.appendChild(title);
        overlay.appendChild(list);
      }

      function clearErrors() {
        if (overlay) { overlay.remove(); overlay = null; }
      }

      function reloadStyles() {
        document.querySelectorAll("link[rel=stylesheet]").forEach(function (link) {
          var url = new URL(link.href);
          url.searchParams.set("sopsite", Date.now());
          link.href = url.toString();
        });
      }

      var events = null;

      function listen() {
        if (events) { return; }
        events = new EventSource("\(eventsPath)");
        events.onmessage = function (event) {
          var message = JSON.parse(event.data);
          if (message.type === "hello" && message.build !== build && message.errors.length === 0) {
            location.reload();
          } else if (message.type === "reload") {
            location.reload();
          } else if (message.type === "styles") {
            clearErrors();
            build = message.build;
            reloadStyles();
          } else if (message.type === "errors" || message.type === "hello") {
            if (message.errors.length) { showErrors(message.errors); } else { clearErrors(); }
          }
        };
      }

      function stop() {
        if (events) { events.close(); events = null; }
      }

      document.addEventListener("visibilitychange", function () {
        if (document.visibilityState === "hidden") { stop(); } else { listen(); }
      });
      window.addEventListener("pagehide", stop);
      window.addEventListener("pageshow", listen);
      if (document.visibilityState !== "hidden") { listen(); }
    })();

    """
}
