/* vaultc: search from every page. "/" or Ctrl/Cmd+K (or focusing the header's search box) opens a
   dialog that searches as you type; the engine and the index (search-engine.js, search-index.js,
   both scripts, so they load from file:// too) are added on first use only. Arrow keys move
   through the results, Enter opens one, Escape closes. Without JavaScript the header box submits
   to the search page, which stays for no-JS and for long result lists. Results are DOM nodes with
   textContent, never innerHTML. */
(function () {
  "use strict";

  var form = document.querySelector("form.site-search[data-index]");
  if (!form || document.getElementById("search-input")) return; // the search page has its own
  var MAX_RESULTS = 12;
  var dialog = null, input = null, list = null, status = null, index = null, loading = null, opener = null;

  function load(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = function () { reject(new Error("could not load " + src)); };
      document.head.appendChild(script);
    });
  }

  function ready() {
    if (!loading) {
      loading = load(form.getAttribute("data-engine"))
        .then(function () { return load(form.getAttribute("data-index")); })
        .then(function () { index = new window.vaultcSearch.Index(window.VAULTC_SEARCH_INDEX); });
    }
    return loading;
  }

  function root() {  // the site's root, from the page: every URL of the index is relative to it
    var indexUrl = form.getAttribute("data-index");
    return indexUrl.slice(0, indexUrl.length - "search-index.js".length);
  }

  function build() {
    dialog = document.createElement("div");
    dialog.className = "search-overlay";
    dialog.setAttribute("role", "dialog");
    dialog.setAttribute("aria-modal", "true");
    dialog.setAttribute("aria-label", "Search");
    var panel = element("div", "search-overlay-panel");
    var label = element("label", "visually-hidden", "Search notes, questions and terms");
    label.htmlFor = "search-overlay-input";
    input = element("input", "search-overlay-input");
    input.id = "search-overlay-input";
    input.type = "search";
    input.autocomplete = "off";
    input.spellcheck = false;
    input.placeholder = "Search notes, questions and terms";
    input.setAttribute("aria-controls", "search-overlay-results");
    status = element("p", "search-overlay-status");
    status.setAttribute("role", "status");
    list = element("ol", "search-results search-overlay-results");
    list.id = "search-overlay-results";
    list.setAttribute("aria-label", "Results");
    var more = element("p", "search-overlay-more");
    var all = element("a", "", "All results on the search page");
    all.id = "search-overlay-all";
    more.appendChild(all);
    [label, input, status, list, more].forEach(function (node) { panel.appendChild(node); });
    dialog.appendChild(panel);
    document.body.appendChild(dialog);
    input.addEventListener("input", search);
    dialog.addEventListener("keydown", onDialogKey);
    dialog.addEventListener("mousedown", function (event) { if (event.target === dialog) close(); });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function open(initial) {
    if (!dialog) build();
    opener = document.activeElement;
    dialog.hidden = false;
    document.documentElement.classList.add("search-overlay-open");
    if (initial) input.value = initial;
    input.focus();
    input.select();
    status.textContent = index ? "" : "Loading the index…";
    ready().then(search, function () {
      status.textContent = "Search could not load here; use the search page.";
    });
  }

  function close() {
    if (!dialog || dialog.hidden) return;
    dialog.hidden = true;
    document.documentElement.classList.remove("search-overlay-open");
    if (opener && opener.focus) opener.focus();
  }

  function search() {
    if (!index) return;
    var query = input.value, base = root(), engine = window.vaultcSearch;
    var found = query.trim() ? index.search(query) : { terms: [], results: [] };
    list.textContent = "";
    found.results.slice(0, MAX_RESULTS).forEach(function (result) {
      list.appendChild(item(result, found.terms, base, engine));
    });
    var total = found.results.length;
    if (!query.trim()) status.textContent = "Type words to find; the last one may be unfinished.";
    else if (!total) status.textContent = "No results for “" + query.trim() + "”.";
    else status.textContent = total + (total === 1 ? " result" : " results") + (total > MAX_RESULTS ? ", the first " + MAX_RESULTS + " shown." : ".");
    engine.aroundMatches(list, found.terms, index.raw.maxToken);
    var all = document.getElementById("search-overlay-all");
    all.href = form.getAttribute("action") + (query.trim() ? "?q=" + encodeURIComponent(query.trim()) : "");
  }

  function item(result, terms, base, engine) {
    var row = index.raw.docs[result.doc], maxToken = index.raw.maxToken;
    var entry = element("li", "search-result result-" + result.kind);
    var link = element("a", "result-title");
    link.href = base + index.url(result.doc);
    link.appendChild(engine.highlighted(row[1], engine.marks(row[1], terms, maxToken)));
    entry.appendChild(link);
    entry.appendChild(document.createTextNode(" "));
    entry.appendChild(element("span", "result-kind", result.kind));
    var state = index.raw.statuses[row[3]];
    if (state) {
      entry.appendChild(document.createTextNode(" "));
      entry.appendChild(element("span", "badge badge-" + state, state));
    }
    if (row[4]) {
      var snippet = element("p", "result-snippet");
      snippet.appendChild(engine.highlighted(row[4], engine.marks(row[4], terms, maxToken)));
      entry.appendChild(snippet);
    }
    if (row[5] >= 0) entry.appendChild(element("p", "result-where", "in " + index.raw.docs[row[5]][1]));
    return entry;
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a.result-title"));
  }

  function onDialogKey(event) {
    var all = links(), at = all.indexOf(document.activeElement);
    if (event.key === "Escape") { event.preventDefault(); close(); }
    else if (event.key === "ArrowDown" && all.length) { event.preventDefault(); all[Math.min(at + 1, all.length - 1)].focus(); }
    else if (event.key === "ArrowUp" && all.length) { event.preventDefault(); (at <= 0 ? input : all[at - 1]).focus(); }
    else if (event.key === "Enter" && document.activeElement === input && all.length) { event.preventDefault(); all[0].click(); }
    else if (event.key === "Tab") trapFocus(event);
  }

  function trapFocus(event) {  // a modal dialog keeps the focus inside
    var focusable = [input].concat(links(), [document.getElementById("search-overlay-all")]);
    var first = focusable[0], last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) { event.preventDefault(); last.focus(); }
    else if (!event.shiftKey && document.activeElement === last) { event.preventDefault(); first.focus(); }
  }

  function typing(target) {
    var tag = target && target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }

  document.addEventListener("keydown", function (event) {
    var shortcut = (event.ctrlKey || event.metaKey) && !event.altKey && (event.key === "k" || event.key === "K");
    var slash = event.key === "/" && !event.ctrlKey && !event.metaKey && !event.altKey && !typing(event.target);
    if ((shortcut || slash) && (!dialog || dialog.hidden)) {
      event.preventDefault();
      open("");
    }
  });
  var headerInput = form.querySelector("input[type=search]");
  form.addEventListener("submit", function (event) {  // with JavaScript, the box opens the dialog
    event.preventDefault();
    open(headerInput ? headerInput.value : "");
  });
  if (headerInput) {
    headerInput.addEventListener("input", function () { var text = headerInput.value; headerInput.value = ""; open(text); });
  }
})();
