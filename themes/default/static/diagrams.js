/* vaultc: Mermaid diagrams. A ```mermaid block is published as its source in a code block (what a
   reader without JavaScript sees); here, only on a page that has one, the vendored Mermaid library
   (vendor/mermaid.min.js, pinned) is loaded and draws each block, in the page's light or dark
   colours. Mermaid runs with securityLevel "strict": no HTML or scripts from the diagram text. */
(function () {
  "use strict";

  var blocks = document.querySelectorAll("pre > code.language-mermaid");
  if (!blocks.length) return;
  var self = document.currentScript || document.querySelector("script[data-mermaid]");
  var library = self && self.getAttribute("data-mermaid");
  if (!library) return;

  function dark() {
    var chosen = document.documentElement.getAttribute("data-theme");
    if (chosen) return chosen === "dark";
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
  }

  var nodes = Array.prototype.map.call(blocks, function (code) {
    var pre = code.parentNode;
    var figure = document.createElement("div");
    figure.className = "mermaid-diagram";
    figure.setAttribute("role", "img");
    figure.setAttribute("aria-label", "Diagram");
    var source = document.createElement("div");
    source.className = "mermaid";
    source.textContent = code.textContent;
    figure.appendChild(source);
    pre.replaceWith(figure);
    return { figure: figure, source: source, pre: pre };
  });

  var script = document.createElement("script");
  script.src = library;
  script.onload = function () {
    var mermaid = window.mermaid;
    mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: dark() ? "dark" : "default" });
    mermaid.run({ nodes: nodes.map(function (node) { return node.source; }), suppressErrors: true }).catch(function () {});
  };
  script.onerror = function () {  /* no library: give the source back */
    nodes.forEach(function (node) { node.figure.replaceWith(node.pre); });
  };
  document.head.appendChild(script);
})();
