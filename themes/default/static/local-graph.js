/* vaultc: a note's local graph is a thumbnail in the rail on wide screens, too small for its labels;
   "Enlarge" shows it at full size in a modal dialog (Escape, Close or a click beside it closes).
   Without JavaScript the thumbnail's nodes keep their tooltips and the caption links to the whole
   graph. */
(function () {
  "use strict";

  var section = document.querySelector(".note-rail .note-graph");
  var figure = section && section.querySelector(".local-graph");
  if (!figure || typeof HTMLDialogElement === "undefined") return;
  var heading = section.querySelector("h2");
  var dialog = null;

  function build() {
    dialog = document.createElement("dialog");
    dialog.className = "graph-dialog";
    dialog.setAttribute("aria-label", heading ? heading.textContent + ": " + document.title : document.title);
    var close = document.createElement("button");
    close.type = "button";
    close.className = "drawer-close";
    close.textContent = "Close";
    close.addEventListener("click", function () { dialog.close(); });
    dialog.appendChild(close);
    var copy = figure.cloneNode(true);
    copy.querySelectorAll("[id]").forEach(function (node) { node.removeAttribute("id"); });
    copy.querySelectorAll("[aria-labelledby]").forEach(function (node) { node.removeAttribute("aria-labelledby"); });
    dialog.appendChild(copy);
    dialog.addEventListener("click", function (event) { if (event.target === dialog) dialog.close(); });
    document.body.appendChild(dialog);
  }

  var enlarge = document.createElement("button");
  enlarge.type = "button";
  enlarge.className = "graph-enlarge";
  enlarge.textContent = "Enlarge";
  enlarge.addEventListener("click", function () {
    if (!dialog) build();
    dialog.showModal();
  });
  section.insertBefore(enlarge, section.firstChild);
})();
