// vaultc serve: reload the page when the site is rebuilt; show a failed build's problem.
// Added only to pages served by `vaultc serve`, never to `vaultc build` output.
(() => {
  "use strict";
  const since = (document.currentScript && document.currentScript.dataset.generation) || "0";
  const source = new EventSource("/__vaultc/events?since=" + encodeURIComponent(since));
  let notice = null;
  const show = (message) => {
    if (!notice) {
      notice = document.createElement("div");
      notice.setAttribute("role", "alert");
      notice.className = "vaultc-serve-notice";
      Object.assign(notice.style, {
        position: "fixed", insetInline: "0", bottom: "0", zIndex: "1000", padding: "0.75rem 1rem",
        background: "#7f1d1d", color: "#fff", font: "0.9rem/1.4 system-ui, sans-serif", whiteSpace: "pre-wrap",
      });
      document.body.append(notice);
    }
    notice.textContent = "vaultc: the last build failed; the page shows the build before it.\n" + message;
  };
  source.addEventListener("reload", () => window.location.reload());
  source.addEventListener("problem", (event) => show(JSON.parse(event.data)));
})();
