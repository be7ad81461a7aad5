/* vaultc: the search engine behind search.html and the search dialog (search.js is the page,
   search-overlay.js the dialog; the only DOM code here is highlighted(), which builds nodes, and
   aroundMatches(), which gives note hits the text around their match).

   The index is built by vaultc/render/search/search_index.py and shipped as search-index.js, a script
   assigning window.VAULTC_SEARCH_INDEX. This file exposes window.vaultcSearch: the tokeniser, the
   Index (query and ranking), marks(), which characters of a text the query matched, and
   highlighted(), those characters in <mark>.

   Tokenisation: the SAME rules as vaultc/render/search/search_tokens.py (change both together):
   1. Normalise: NFKD, drop combining marks (\p{M}), NFC, lower case, then ß -> ss and ς -> σ.
   2. Words are runs of letters and digits (\p{L}\p{N}); anything else separates.
   3. Inside a word, CJK runs (Han, Hiragana, Katakana, Hangul: the CJK ranges below) become
      overlapping character bigrams; a one-character run stays one token.
   4. Tokens are cut to index.maxToken characters.  5. index.stopwords are ignored.

   Querying (reference implementation: vaultc/render/search/search_query.py):
   - every query token must match (AND); the last one is a prefix when it has 2+ characters
     ("embed" finds "embedding"); a single CJK character matches every bigram containing it;
   - a document's score is the sum over query tokens of its weight (title 16+, alias 8, headings,
     body); weight >= index.titleWeight means "in the title";
   - order: exact title matches first (term, then question, then note), then score, then title
     (document ids are in title order); a title is exact when every query token matched in it and
     it has no other words. */
(function () {
  "use strict";

  var CJK = "\u1100-\u11ff\u2e80-\u2fdf\u3005-\u3007\u3021-\u3029\u3040-\u30ff\u3130-\u318f" +
    "\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\u{20000}-\u{3ffff}";
  var CJK_CHAR = new RegExp("^[" + CJK + "]", "u");
  var SEGMENT = new RegExp("[" + CJK + "]+|[^" + CJK + "]+", "gu");
  var WORD = /[\p{L}\p{N}]+/gu;
  var MARKS = /\p{M}/gu;
  var EXACT_RANK = { term: 3, question: 2, note: 1 };

  /* ---- Tokens (mirror of search_tokens.py) ------------------------------------------------ */

  function normalize(text) {
    return text.normalize("NFKD").replace(MARKS, "").normalize("NFC").toLowerCase()
      .replace(/ß/g, "ss").replace(/ς/g, "σ");
  }

  function isCjk(token) {
    return CJK_CHAR.test(token);
  }

  function wordTokens(word, maxToken, out) {
    var segments = word.match(SEGMENT) || [];
    segments.forEach(function (segment) {
      var chars = Array.from(segment);
      if (chars.length > 1 && isCjk(segment)) {
        for (var i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
      } else {
        out.push(chars.slice(0, maxToken).join(""));
      }
    });
  }

  function tokens(text, maxToken) {
    var out = [];
    (normalize(text).match(WORD) || []).forEach(function (word) { wordTokens(word, maxToken, out); });
    return out;
  }

  /* ---- The index ------------------------------------------------------------------------- */

  function Index(raw) {
    this.raw = raw;
    this.stopwords = new Set(raw.stopwords);
    this.sorted = Object.keys(raw.postings).sort();
    this.cjk = this.sorted.filter(isCjk);
    this.decoded = new Map();
    this.digitValues = {};
    for (var i = 0; i < raw.postingDigits.length; i++) this.digitValues[raw.postingDigits.charCodeAt(i)] = i;
  }

  Index.prototype.queryTokens = function (text) {
    var stop = this.stopwords;
    var kept = tokens(text, this.raw.maxToken).filter(function (token) { return !stop.has(token); });
    return Array.from(new Set(kept));
  };

  /* token -> {ids: Int32Array, weights: Uint8Array}, unpacked on first use. The packed string
     (see search_index.py): per document, (gap from the previous id) * weightBits + weight in base
     44; the first 44 characters of postingDigits end a number, the other 44 are leading digits. */
  Index.prototype.postings = function (token) {
    var found = this.decoded.get(token);
    if (found) return found;
    var packed = this.raw.postings[token] || "";
    var values = this.digitValues;
    var base = this.raw.postingDigits.length / 2;
    var weightBits = this.raw.weightBits;
    var ids = new Int32Array(packed.length);
    var weights = new Uint8Array(packed.length);
    var count = 0;
    for (var i = 0, doc = 0, value = 0; i < packed.length; i++) {
      var digit = values[packed.charCodeAt(i)];
      value = value * base + (digit % base);
      if (digit < base) {
        doc += Math.floor(value / weightBits);
        ids[count] = doc;
        weights[count++] = value % weightBits;
        value = 0;
      }
    }
    found = { ids: ids.subarray(0, count), weights: weights.subarray(0, count) };
    if (this.decoded.size >= 4096) this.decoded.clear();  /* bound the memory prefix searches take */
    this.decoded.set(token, found);
    return found;
  };

  Index.prototype.url = function (doc) {
    var row = this.raw.docs[doc];
    return row[2].charAt(0) === "#" ? this.raw.docs[row[5]][2] + row[2] : row[2];
  };

  var MIN_TYPO_LENGTH = 4, TWO_TYPOS_LENGTH = 8;

  /* Whether `token` is at most `limit` typos from `written` (optimal string alignment: a character
     left out, added or changed, or two neighbours swapped), as search_query.typos_within. */
  function typosWithin(written, token, limit) {
    var a = Array.from(written), b = Array.from(token);
    if (Math.abs(a.length - b.length) > limit) return false;
    var before = null, previous = [];
    for (var j = 0; j <= b.length; j++) previous.push(j);
    for (var i = 1; i <= a.length; i++) {
      var current = [i], lowest = i;
      for (j = 1; j <= b.length; j++) {
        var cost = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cost = Math.min(cost, before[j - 2] + 1);
        current.push(cost);
        if (cost < lowest) lowest = cost;
      }
      if (lowest > limit) return false;
      before = previous;
      previous = current;
    }
    return previous[b.length] <= limit;
  }

  /* The index tokens a query token stands for (see "Querying" above): itself (the last one: the
     tokens it begins), else, for a word of 4+ characters the index lacks, those a typo or two away. */
  Index.prototype.expand = function (term, last) {
    var found = this.written(term, last), postings = this.raw.postings;
    var length = Array.from(term).length;
    if (found.some(function (token) { return Object.prototype.hasOwnProperty.call(postings, token); }) ||
        isCjk(term) || length < MIN_TYPO_LENGTH) return found;
    var limit = length >= TWO_TYPOS_LENGTH ? 2 : 1;
    return this.sorted.filter(function (token) { return typosWithin(term, token, limit); });
  };

  Index.prototype.written = function (term, last) {
    if (!last) return [term];
    if (isCjk(term) && Array.from(term).length === 1) {
      return this.cjk.filter(function (token) { return token.indexOf(term) >= 0; });
    }
    if (Array.from(term).length < 2) return [term];
    var low = 0, high = this.sorted.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (this.sorted[middle] < term) low = middle + 1; else high = middle;
    }
    var matches = [];
    while (low < this.sorted.length && this.sorted[low].startsWith(term)) matches.push(this.sorted[low++]);
    return matches;
  };

  /* For one query token, the best weight of each document among the tokens it stands for:
     {ids, weights} with the ids in `touched` order, weights read from `best`. */
  Index.prototype.weights = function (term, last, best) {
    var tokens = this.expand(term, last);
    if (tokens.length === 1) return this.postings(tokens[0]);
    var touched = [];
    tokens.forEach(function (token) {
      var list = this.postings(token);
      for (var i = 0; i < list.ids.length; i++) {
        var doc = list.ids[i];
        if (!best[doc]) touched.push(doc);
        if (best[doc] < list.weights[i]) best[doc] = list.weights[i];
      }
    }, this);
    var weights = new Uint8Array(touched.length);
    touched.forEach(function (doc, i) { weights[i] = best[doc]; best[doc] = 0; });
    return { ids: touched, weights: weights };
  };

  /* AND of the query tokens: per document, how many tokens matched so far (`matched`), the sum
     of their weights (`score`) and how many matched in the title (`titled`). */
  Index.prototype.search = function (query) {
    var terms = this.queryTokens(query);
    if (!terms.length) return { terms: terms, results: [] };
    var count = this.raw.docs.length;
    var matched = new Uint16Array(count), titled = new Uint16Array(count);
    var score = new Int32Array(count), best = new Uint8Array(count);
    var titleWeight = this.raw.titleWeight;
    terms.forEach(function (term, position) {
      var list = this.weights(term, position === terms.length - 1, best);
      for (var i = 0; i < list.ids.length; i++) {
        var doc = list.ids[i];
        if (matched[doc] !== position) continue;
        matched[doc] = position + 1;
        score[doc] += list.weights[i];
        if (list.weights[i] >= titleWeight && titled[doc] === position) titled[doc] = position + 1;
      }
    }, this);
    return { terms: terms, results: this.ranked(terms, matched, titled, score) };
  };

  /* Matching documents, best first. A title is exact when every query token matched in it and it
     has no other words (stopwords aside). A title's word count is computed once and kept. */
  Index.prototype.ranked = function (terms, matched, titled, score) {
    var docs = this.raw.docs, kinds = this.raw.kinds, results = [];
    for (var doc = 0; doc < docs.length; doc++) {
      if (matched[doc] !== terms.length) continue;
      var kind = kinds[docs[doc][0]];
      var exact = titled[doc] === terms.length && this.titleWords(doc) === terms.length ? EXACT_RANK[kind] : 0;
      results.push({ doc: doc, score: score[doc], exact: exact, kind: kind });
    }
    return results.sort(function (a, b) {  /* document ids are in title order */
      return b.exact - a.exact || b.score - a.score || a.doc - b.doc;
    });
  };

  Index.prototype.titleWords = function (doc) {
    if (!this.wordCounts) this.wordCounts = new Int16Array(this.raw.docs.length).fill(-1);
    if (this.wordCounts[doc] < 0) this.wordCounts[doc] = this.queryTokens(this.raw.docs[doc][1]).length;
    return this.wordCounts[doc];
  };

  /* ---- Which characters of a text a query matched (search.js wraps them in <mark>) --------- */

  /* What to mark for the query `terms`: its tokens, words starting with its last token when that
     is a prefix (2+ characters), and a single CJK character wherever it stands. */
  function matcher(terms) {
    var last = terms.length ? terms[terms.length - 1] : "";
    var length = Array.from(last).length;
    var cjkChar = length === 1 && isCjk(last);
    return {
      exact: new Set(terms),
      prefix: length >= 2 && !isCjk(last) ? last : null,
      cjkChar: cjkChar ? last : null
    };
  }

  /* For each character (code point) of `text`, whether the query `terms` matched it. */
  function marks(text, terms, maxToken) {
    var query = matcher(terms);
    var flags = [];
    (text.match(/[\p{L}\p{N}\p{M}]+|[^\p{L}\p{N}\p{M}]+/gu) || []).forEach(function (piece) {
      markedChars(piece, query, maxToken).forEach(function (flag) { flags.push(flag); });
    });
    return flags;
  }

  /* Flags for the characters of `piece` (a word, or the text between words): CJK and other
     segments are told apart after normalising each character, combining marks go with theirs. */
  function markedChars(piece, query, maxToken) {
    var normal = Array.from(piece).map(normalize);
    var marked = normal.map(function () { return false; });
    var start = 0;
    while (start < normal.length) {
      var cjk = isCjk(normal[start]);
      var end = start + 1;
      while (end < normal.length && (normal[end] === "" || isCjk(normal[end]) === cjk)) end++;
      if (cjk) markCjk(normal, marked, start, end, query);
      else markWord(normal, marked, start, end, query, maxToken);
      start = end;
    }
    return marked;
  }

  /* A whole word is marked when one of its tokens matched. */
  function markWord(normal, marked, start, end, query, maxToken) {
    var hit = tokens(normal.slice(start, end).join(""), maxToken).some(function (token) {
      return query.exact.has(token) || (query.prefix !== null && token.startsWith(query.prefix));
    });
    for (var i = start; i < end && hit; i++) marked[i] = true;
  }

  /* In CJK text, the two characters of a matching bigram, a matching lone character, and every
     occurrence of a single-character query. */
  function markCjk(normal, marked, start, end, query) {
    for (var i = start; i < end; i++) {
      if (normal[i] === query.cjkChar) marked[i] = true;
      if (end - start === 1 && query.exact.has(normal[i])) marked[i] = true;
      if (i + 1 < end && query.exact.has(normal[i] + normal[i + 1])) marked[i] = marked[i + 1] = true;
    }
  }

  /* `text` as DOM nodes, the characters flagged in `flags` (one per code point, as marks() gives)
     inside <mark>; text nodes only, never HTML. For the search page and the search dialog. */
  function highlighted(text, flags) {
    var fragment = document.createDocumentFragment(), run = "", inMark = false;
    function flush() {
      if (!run) return;
      if (inMark) {
        var mark = document.createElement("mark");
        mark.textContent = run;
        fragment.appendChild(mark);
      } else {
        fragment.appendChild(document.createTextNode(run));
      }
      run = "";
    }
    Array.from(text).forEach(function (ch, i) {
      if (Boolean(flags[i]) !== inMark) { flush(); inMark = Boolean(flags[i]); }
      run += ch;
    });
    flush();
    return fragment;
  }

  /* ---- Snippets around the match ---------------------------------------------------------
     A note's snippet in the index is its first lines (the index stays small). Over http(s) a note
     hit, once it is on screen, fetches its own page (once, cached) and shows the text around its
     first match instead; from file:// fetch() is refused and the first lines stay. */
  var SNIPPET_BEFORE = 70, SNIPPET_AFTER = 110;
  var NOT_TEXT = ".question-marks, .code-bar, .footnote-backref, script, style";
  var notePages = {}, pending = typeof WeakMap === "function" ? new WeakMap() : null;

  function aroundMatch(text, terms, maxToken) {  /* {text, flags} around the first match, or null */
    var flags = marks(text, terms, maxToken), chars = Array.from(text), first = flags.indexOf(true);
    if (first < 0) return null;
    var start = Math.max(0, first - SNIPPET_BEFORE), end = Math.min(chars.length, first + SNIPPET_AFTER);
    var before = start > 0, after = end < chars.length;
    return {
      text: (before ? "…" : "") + chars.slice(start, end).join("") + (after ? "…" : ""),
      flags: (before ? [false] : []).concat(flags.slice(start, end), after ? [false] : [])
    };
  }

  function noteText(url) {
    if (!notePages[url]) {
      notePages[url] = fetch(url).then(function (response) { return response.ok ? response.text() : ""; })
        .then(function (html) {
          var body = new DOMParser().parseFromString(html, "text/html").querySelector(".note-content");
          if (!body) return "";
          /* the page's own marks are not the note's words: question badges and permalinks, code
             bars, footnotes' back links */
          Array.prototype.forEach.call(body.querySelectorAll(NOT_TEXT), function (node) { node.remove(); });
          return body.textContent.replace(/\s+/g, " ").trim();
        }).catch(function () { return ""; });
    }
    return notePages[url];
  }

  function showAround(entry, job) {
    var url = entry.querySelector("a.result-title").href.split("#")[0];
    noteText(url).then(function (text) {
      var found = text && entry.isConnected && aroundMatch(text, job.terms, job.maxToken);
      if (!found) return;
      var snippet = entry.querySelector(".result-snippet");
      if (!snippet) {
        snippet = document.createElement("p");
        snippet.className = "result-snippet";
        entry.insertBefore(snippet, entry.querySelector(".result-where"));
      }
      snippet.textContent = "";
      snippet.appendChild(highlighted(found.text, found.flags));
    });
  }

  var watcher = typeof IntersectionObserver === "function" && pending ? new IntersectionObserver(function (records) {
    records.forEach(function (record) {
      if (!record.isIntersecting) return;
      watcher.unobserve(record.target);
      if (record.target.isConnected) showAround(record.target, pending.get(record.target));
    });
  }) : null;

  /* The note hits (li.result-note) in `list` not yet seen get their snippet around the match. */
  function aroundMatches(list, terms, maxToken) {
    if (!terms.length || !/^https?:$/.test(window.location.protocol)) return;
    Array.prototype.forEach.call(list.querySelectorAll(".result-note:not([data-around])"), function (entry) {
      var job = { terms: terms, maxToken: maxToken };
      entry.setAttribute("data-around", "");
      if (!watcher) return showAround(entry, job);
      pending.set(entry, job);
      watcher.observe(entry);
    });
  }

  window.vaultcSearch = {
    normalize: normalize, tokens: tokens, isCjk: isCjk, Index: Index, marks: marks, highlighted: highlighted,
    aroundMatches: aroundMatches
  };
})();
