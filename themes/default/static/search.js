/* vaultc: the search page (search.html). Needs search-engine.js, loaded before it.

   The index (search-index.js, a script assigning window.VAULTC_SEARCH_INDEX, so it loads from
   file:// where fetch() of JSON is refused) is added here, only on this page, then the page
   searches as you type. Results are built with DOM nodes and textContent, never innerHTML.

   Keyboard: "/" focuses the search box, ArrowDown/ArrowUp move through results (Home/End: first
   and last; ArrowUp from the first goes back to the box), Enter opens one.
   The query lives in the address (?q=...&kind=...) so a search can be shared and reloaded. */
(function () {
  "use strict";

  var engine = window.vaultcSearch;
  if (!engine) return;
  var Index = engine.Index, marks = engine.marks, highlighted = engine.highlighted;
  var PAGE_SIZE = 50;
  var KINDS = ["question", "term", "note"];

  /* ---- The page ---------------------------------------------------------------------------- */

  function SearchPage(form) {
    this.form = form;
    this.input = document.getElementById("search-input");
    this.list = document.getElementById("search-results");
    this.status = document.getElementById("search-status");
    this.more = document.getElementById("search-more");
    this.badges = document.getElementById("search-badges");
    this.index = null;
    this.found = null;
    this.shown = 0;
    this.timer = 0;
  }

  SearchPage.prototype.start = function () {
    var params = new URLSearchParams(window.location.search);
    this.input.value = params.get("q") || "";
    this.setKind(params.get("kind") || "");
    this.listen();
    this.loadIndex();
  };

  SearchPage.prototype.kind = function () {
    var checked = this.form.querySelector('input[name="kind"]:checked');
    return checked ? checked.value : "";
  };

  SearchPage.prototype.setKind = function (kind) {
    var radio = this.form.querySelector('input[name="kind"][value="' + (KINDS.indexOf(kind) >= 0 ? kind : "") + '"]');
    if (radio) radio.checked = true;
  };

  SearchPage.prototype.loadIndex = function () {
    var page = this;
    if (window.VAULTC_SEARCH_INDEX) return page.ready(window.VAULTC_SEARCH_INDEX);
    this.status.textContent = "Loading the search index…";
    var script = document.createElement("script");
    script.src = this.form.getAttribute("data-index");
    script.onload = function () { page.ready(window.VAULTC_SEARCH_INDEX); };
    script.onerror = function () {
      page.status.textContent = "The search index (search-index.js) could not be loaded.";
    };
    document.head.appendChild(script);
  };

  SearchPage.prototype.ready = function (raw) {
    if (!raw || !raw.postings) {
      this.status.textContent = "The search index is missing or damaged.";
      return;
    }
    this.index = new Index(raw);
    this.run();
  };

  SearchPage.prototype.listen = function () {
    var page = this;
    this.input.addEventListener("input", function () {
      window.clearTimeout(page.timer);
      page.timer = window.setTimeout(function () { page.run(); }, 120);
    });
    this.form.addEventListener("change", function (event) {
      if (event.target.name === "kind") page.run();
    });
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      window.clearTimeout(page.timer);
      page.run();
    });
    this.more.addEventListener("click", function () { page.showMore(true); });
    this.list.addEventListener("keydown", function (event) { page.onResultKey(event); });
    this.input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && page.focusResult(0)) event.preventDefault();
    });
    document.addEventListener("keydown", function (event) { page.onSlash(event); });
  };

  /* "/" anywhere except where text is typed goes to the search box (as on many sites). */
  SearchPage.prototype.onSlash = function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target || {};
    var typing = target.isContentEditable || /^(TEXTAREA|SELECT)$/.test(target.tagName) ||
      (target.tagName === "INPUT" && !/^(radio|checkbox|button|submit|reset)$/.test(target.type));
    if (typing) return;
    event.preventDefault();
    this.input.focus();
    this.input.select();
  };

  SearchPage.prototype.titleLinks = function () {
    return Array.prototype.slice.call(this.list.querySelectorAll("a.result-title"));
  };

  SearchPage.prototype.focusResult = function (position) {
    var links = this.titleLinks();
    if (!links.length) return false;
    links[Math.max(0, Math.min(position, links.length - 1))].focus();
    return true;
  };

  /* ArrowDown/ArrowUp move between result titles (ArrowUp from the first goes back to the box);
     Home/End jump to the first and last; Enter follows the link as usual. */
  SearchPage.prototype.onResultKey = function (event) {
    var links = this.titleLinks();
    var current = links.indexOf(document.activeElement);
    if (current < 0 && event.target.closest) {
      var item = event.target.closest("li");
      current = item ? links.indexOf(item.querySelector("a.result-title")) : -1;
    }
    if (current < 0) return;
    var moves = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: links.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    if (moves[event.key] < 0) this.input.focus();
    else this.focusResult(moves[event.key]);
  };

  SearchPage.prototype.run = function () {
    var query = this.input.value;
    this.keepInAddress(query, this.kind());
    if (!this.index) return;
    var found = this.index.search(query);
    var counts = { "": found.results.length, question: 0, term: 0, note: 0 };
    found.results.forEach(function (result) { counts[result.kind]++; });
    var kind = this.kind();
    this.found = {
      query: query,
      terms: found.terms,
      results: kind ? found.results.filter(function (r) { return r.kind === kind; }) : found.results,
      counts: counts
    };
    this.showCounts(query.trim() ? counts : null);
    this.list.textContent = "";
    this.shown = 0;
    this.showMore(false);
    this.announce();
  };

  SearchPage.prototype.keepInAddress = function (query, kind) {
    var params = new URLSearchParams();
    if (query) params.set("q", query);
    if (kind) params.set("kind", kind);
    var search = params.toString();
    try {
      window.history.replaceState(null, "", search ? "?" + search : window.location.pathname);
    } catch (error) {
      /* some browsers refuse to change the address of file:// pages: searching still works */
    }
  };

  SearchPage.prototype.showCounts = function (counts) {
    Array.prototype.forEach.call(this.form.querySelectorAll('input[name="kind"]'), function (radio) {
      var label = radio.parentNode;
      var count = label.querySelector(".kind-count");
      if (!count) {
        count = document.createElement("span");
        count.className = "kind-count";
        label.appendChild(count);
      }
      count.textContent = counts ? " (" + counts[radio.value] + ")" : "";
    });
  };

  SearchPage.prototype.announce = function () {
    var found = this.found;
    var total = found.results.length;
    var what = found.query.trim();
    if (!what) this.status.textContent = "";
    else if (!found.terms.length) this.status.textContent = "Type a less common word: “" + what + "” is too common to search for.";
    else if (!total) this.status.textContent = "No results for “" + what + "”.";
    else this.status.textContent = total + (total === 1 ? " result" : " results") + " for “" + what + "”.";
  };

  SearchPage.prototype.showMore = function (focusFirstNew) {
    var results = this.found.results;
    var end = Math.min(results.length, this.shown + PAGE_SIZE);
    var first = this.shown;
    for (var i = first; i < end; i++) this.list.appendChild(this.item(results[i]));
    engine.aroundMatches(this.list, this.found.terms, this.index.raw.maxToken);
    this.shown = end;
    this.more.hidden = end >= results.length;
    if (focusFirstNew && end > first) this.focusResult(first);
  };

  SearchPage.prototype.item = function (result) {
    var docs = this.index.raw.docs;
    var row = docs[result.doc];
    var terms = this.found.terms, maxToken = this.index.raw.maxToken;
    var item = document.createElement("li");
    item.className = "search-result result-" + result.kind;
    var link = document.createElement("a");
    link.className = "result-title";
    link.href = this.index.url(result.doc);
    link.appendChild(highlighted(row[1], marks(row[1], terms, maxToken)));
    item.appendChild(link);
    item.appendChild(document.createTextNode(" "));
    var kind = document.createElement("span");
    kind.className = "result-kind";
    kind.textContent = result.kind;
    item.appendChild(kind);
    var status = this.index.raw.statuses[row[3]];
    if (status) item.appendChild(document.createTextNode(" "));
    if (status) item.appendChild(this.badge(status));
    if (row[4]) item.appendChild(this.paragraph("result-snippet", highlighted(row[4], marks(row[4], terms, maxToken))));
    if (row[5] >= 0) item.appendChild(this.where(docs[row[5]]));
    return item;
  };

  SearchPage.prototype.badge = function (status) {
    var badge = this.badges.content.querySelector(".badge-" + status);
    if (badge) return badge.cloneNode(true);
    var span = document.createElement("span");
    span.className = "badge badge-" + status;
    span.textContent = status;
    return span;
  };

  SearchPage.prototype.paragraph = function (className, content) {
    var paragraph = document.createElement("p");
    paragraph.className = className;
    paragraph.appendChild(content);
    return paragraph;
  };

  SearchPage.prototype.where = function (note) {
    var fragment = document.createDocumentFragment();
    fragment.appendChild(document.createTextNode("in "));
    var link = document.createElement("a");
    link.href = note[2];
    link.textContent = note[1];
    fragment.appendChild(link);
    return this.paragraph("result-where", fragment);
  };

  function start() {
    var form = document.getElementById("search-form");
    if (form && document.getElementById("search-input")) new SearchPage(form).start();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
