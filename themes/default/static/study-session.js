/* vaultc study sessions: one card at a time, graded Again / Hard / Good / Easy and scheduled with
   FSRS (vendor/ts-fsrs.umd.js, the scheduler modern Anki uses). Progress lives in this browser
   (localStorage, one entry per site), can be exported to a file and imported back, and works from
   file:// and offline. The deck page without JavaScript stays a list of cards that open. A tag
   deck's cards link to their note's deck for the answer: a session there fetches that page (the
   site's own, as link previews do), so it needs the site served (GitHub Pages, vaultc serve).
   A deck of several pages lists all its cards in a small script (data-cards): served, a session
   and its counts span the whole deck, a card on another page read from that page when its turn
   comes; from file:// they keep to this page's cards. */
(function () {
  "use strict";

  var panel = document.getElementById("study-session");
  var deck = document.getElementById("study-deck");
  var FSRS = window.FSRS;
  if (!panel || !deck) return;
  var storeKey = panel.getAttribute("data-store");
  var scheduler = FSRS ? FSRS.fsrs(FSRS.generatorParameters({ enable_fuzz: false })) : null;
  var GRADES = { 1: "Again", 2: "Hard", 3: "Good", 4: "Easy" };
  var $ = function (id) { return document.getElementById(id); };
  var session = null;

  // ---- storage: { version: 1, cards: { "<note>#<anchor>": FSRS card with ISO dates } } ----
  function load() {
    try {
      var stored = JSON.parse(localStorage.getItem(storeKey) || "null");
      if (stored && stored.version === 1 && stored.cards && typeof stored.cards === "object") return stored;
    } catch (error) { /* unreadable progress: start afresh rather than break the page */ }
    return { version: 1, cards: {} };
  }

  function save(progress) {
    try { localStorage.setItem(storeKey, JSON.stringify(progress)); return true; }
    catch (error) { say("Progress could not be saved in this browser (storage full or blocked)."); return false; }
  }

  function storageWorks() {
    try { return Boolean(window.localStorage); } catch (error) { return false; }
  }

  function say(message) {
    var live = $("study-session-live");
    if (live) live.textContent = message;
  }

  // ---- the cards of this page that have an answer to reveal ----
  var decks = {};  // deck page URL -> Promise of its document: a note's deck (a tag deck's cards), another page

  var studied = (panel.getAttribute("data-statuses") || "answered stub").split(" ");

  function pageCards() {  // the open-questions deck goes through the questions still open
    return Array.prototype.slice.call(deck.querySelectorAll("[data-card]")).filter(function (card) {
      return studied.indexOf(card.getAttribute("data-status")) >= 0;
    });
  }

  var served = /^https?:$/.test(location.protocol);
  var elsewhere = [];  // the deck's cards on its other pages: {elsewhere: page URL, id}

  function deckCards() { return pageCards().concat(elsewhere); }

  function idOf(card) { return card.elsewhere ? card.id : card.getAttribute("data-card"); }

  function loadDeckIndex(then) {  // the whole deck's cards, for a deck of several pages (served only)
    var source = panel.getAttribute("data-cards"), here = panel.getAttribute("data-page");
    if (!source || !served) return then();
    var script = document.createElement("script");
    script.src = source;
    script.onload = function () {
      var index = window.VAULTC_DECK_CARDS;
      elsewhere = index.cards.filter(function (row) {
        return index.pages[row[2]] !== here && studied.indexOf(row[1]) >= 0;
      }).map(function (row) { return { elsewhere: new URL(index.pages[row[2]], location.href).href, id: row[0] }; });
      then();
    };
    script.onerror = then;  // this page's cards still make a session
    document.head.appendChild(script);
  }

  function fromItsPage(card) {  // Promise of the card's element, read from the deck page holding it
    if (!decks[card.elsewhere]) decks[card.elsewhere] = fetched(card.elsewhere);
    return decks[card.elsewhere].then(function (page) {
      var found = Array.prototype.filter.call(page.querySelectorAll("[data-card]"), function (node) {
        return node.getAttribute("data-card") === card.id;
      })[0];
      if (!found) throw new Error("no card " + card.id);
      return found;
    });
  }

  function fetched(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.text();
    }).then(function (html) { return new DOMParser().parseFromString(html, "text/html"); });
  }

  function dueCounts(progress, now) {
    var counts = { fresh: 0, due: 0, later: 0, next: null };
    deckCards().forEach(function (card) {
      var stored = progress.cards[idOf(card)];
      if (!stored) { counts.fresh++; return; }
      var due = new Date(stored.due);
      if (due <= now) counts.due++;
      else { counts.later++; if (!counts.next || due < counts.next) counts.next = due; }
    });
    return counts;
  }

  function showCounts() {
    var counts = dueCounts(load(), new Date());
    var text = counts.fresh + " new · " + counts.due + " due · " + counts.later + " scheduled later";
    if (counts.next) text += " (next " + when(counts.next) + ")";
    $("study-due").textContent = text;
    $("study-start").disabled = counts.fresh + counts.due === 0;
  }

  function when(date) {
    var minutes = Math.round((date - new Date()) / 60000);
    if (minutes < 60) return "in " + Math.max(minutes, 1) + " min";
    if (minutes < 48 * 60) return "in " + Math.round(minutes / 60) + " h";
    return "on " + date.toISOString().slice(0, 10);
  }

  // ---- a session: due cards first (oldest first), then new ones in page order ----
  function start() {
    var progress = load(), now = new Date(), due = [], fresh = [];
    deckCards().forEach(function (card) {
      var stored = progress.cards[idOf(card)];
      if (!stored) fresh.push(card);
      else if (new Date(stored.due) <= now) due.push(card);
    });
    due.sort(function (a, b) { return new Date(progress.cards[idOf(a)].due) - new Date(progress.cards[idOf(b)].due); });
    var size = parseInt($("study-size").value, 10) || Infinity;
    session = { queue: due.concat(fresh).slice(0, size), done: 0, grades: { 1: 0, 2: 0, 3: 0, 4: 0 } };
    $("study-summary").hidden = true;
    $("study-stage").hidden = false;
    $("study-start").hidden = true;
    $("study-stop").hidden = false;
    show();
  }

  function show() {
    var card = session.queue[0];
    if (!card) { finish(); return; }
    if (card.elsewhere) { fetchTurn(card); return; }
    $("study-progress").textContent = "Card " + (session.done + 1) + " · " + session.queue.length + " to go";
    var question = card.querySelector(".study-question");
    $("study-front").innerHTML = question.tagName === "A" ? "" : question.innerHTML;
    if (question.tagName === "A") $("study-front").textContent = question.textContent;
    var back = $("study-back");
    back.innerHTML = "";
    back.hidden = true;
    session.answer = answerOf(card);
    $("study-grades").hidden = true;
    $("study-reveal").hidden = false;
    $("study-reveal").focus();
  }

  function fetchTurn(card) {  // a card on another page of the deck: read it, then show it
    var current = session;
    $("study-progress").textContent = "Loading the next card…";
    $("study-front").textContent = "";  // nothing to reveal or grade until it is here
    ["study-back", "study-grades", "study-reveal"].forEach(function (id) { $(id).hidden = true; });
    fromItsPage(card).then(function (found) {
      if (session !== current || current.queue[0] !== card) return;
      current.queue[0] = found;
      show();
    }, function () {
      if (session !== current || current.queue[0] !== card) return;
      current.queue.shift();  // unreachable now: the session goes on without it
      say("A card on another page of this deck could not be loaded; it was skipped.");
      show();
    });
  }

  function answerOf(card) {  // Promise of the nodes showing the card's answer and where it comes from
    if (card.tagName === "DETAILS") return Promise.resolve(answerParts(card));
    var link = card.querySelector("a.study-question");
    var url = link.href.split("#")[0], id = decodeURIComponent(link.hash.slice(1));
    if (!decks[url]) decks[url] = fetched(url);
    return decks[url].then(function (page) {
      var found = page.getElementById(id);
      if (!found) throw new Error("no card " + id);
      return answerParts(found);
    }).catch(function () {
      var missing = document.createElement("p");
      missing.className = "study-missing";
      missing.appendChild(document.createTextNode("The answer could not be loaded here: "));
      var open = document.createElement("a");
      open.href = link.href;
      open.textContent = "open the card in its note's deck";
      missing.appendChild(open);
      return [missing];
    });
  }

  function answerParts(card) {  // both decks are two folders deep: the answer's links stay right
    var parts = [document.importNode(card.querySelector(".study-answer"), true)];
    var source = card.querySelector(".study-source");
    if (source) parts.push(document.importNode(source, true));
    return parts;
  }

  function reveal() {
    if (!session || !session.queue.length || $("study-reveal").hidden) return;
    var current = session;
    current.answer.then(function (parts) {
      if (session !== current) return;
      var back = $("study-back");
      back.innerHTML = "";
      parts.forEach(function (part) { back.appendChild(part); });
      showGrades();
    });
  }

  function showGrades() {
    $("study-back").hidden = false;
    $("study-reveal").hidden = true;
    var preview = scheduler.repeat(scheduled(idOf(session.queue[0])), new Date());
    Array.prototype.forEach.call($("study-grades").querySelectorAll("button[data-grade]"), function (button) {
      var next = preview[parseInt(button.getAttribute("data-grade"), 10)].card.due;
      button.querySelector(".study-interval").textContent = when(next);
    });
    $("study-grades").hidden = false;
    $("study-grades").querySelector("button[data-grade='3']").focus();
  }

  function grade(rating) {
    if (!session || !session.queue.length || $("study-grades").hidden) return;
    var card = session.queue.shift(), id = idOf(card);
    var next = scheduler.next(scheduled(id), new Date(), rating).card;
    var progress = load();
    progress.cards[id] = next;
    save(progress);
    session.grades[rating]++;
    session.done++;
    if (rating === FSRS.Rating.Again) session.queue.push(card); // seen again before the session ends
    say(GRADES[rating] + ": next review " + when(new Date(next.due)) + ".");
    show();
  }

  function scheduled(id) {  // the card's FSRS state: stored, or new
    var stored = load().cards[id];
    return stored ? FSRS.TypeConvert.card(stored) : FSRS.createEmptyCard(new Date());
  }

  function finish() {
    var summary = $("study-summary"), g = session ? session.grades : { 1: 0, 2: 0, 3: 0, 4: 0 };
    var reviewed = session ? session.done : 0;
    summary.textContent = reviewed === 0 ? "Session ended: no card graded." :
      "Session done: " + reviewed + (reviewed === 1 ? " review" : " reviews") + " (Again " + g[1] + ", Hard " + g[2] +
      ", Good " + g[3] + ", Easy " + g[4] + ").";
    summary.hidden = false;
    session = null;
    $("study-stage").hidden = true;
    $("study-start").hidden = false;
    $("study-stop").hidden = true;
    showCounts();
    $("study-start").focus();
  }

  // ---- export and import: the progress as a JSON file ----
  function exportProgress() {
    var blob = new Blob([JSON.stringify(load(), null, 1)], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "study-progress.json";
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 0);
    say("Progress exported.");
  }

  function importProgress(file) {
    var reader = new FileReader();
    reader.onload = function () {
      var incoming;
      try { incoming = JSON.parse(reader.result); } catch (error) { incoming = null; }
      if (!incoming || incoming.version !== 1 || typeof incoming.cards !== "object") {
        say("That file is not exported study progress.");
        return;
      }
      var progress = load(), taken = 0;
      Object.keys(incoming.cards).forEach(function (id) {
        var theirs = incoming.cards[id], ours = progress.cards[id];
        if (!ours || new Date(theirs.last_review || 0) > new Date(ours.last_review || 0)) {
          progress.cards[id] = theirs;
          taken++;
        }
      });
      if (save(progress)) say("Imported " + taken + (taken === 1 ? " card's" : " cards'") + " progress.");
      showCounts();
    };
    reader.readAsText(file);
  }

  function onKey(event) {
    if (!session || event.ctrlKey || event.metaKey || event.altKey) return;
    var tag = event.target && event.target.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") return;
    if ((event.key === " " || event.key === "Enter") && !$("study-reveal").hidden) {
      event.preventDefault();
      reveal();
    } else if (GRADES[event.key] && !$("study-grades").hidden) {
      event.preventDefault();
      grade(parseInt(event.key, 10));
    } else if (event.key === "Escape") {
      finish();
    }
  }

  var linked = deck.querySelector(".study-card-link");
  if (!scheduler || !storageWorks() || (linked && location.protocol === "file:")) {
    panel.classList.add("study-unsupported");  // the plain deck stays (file:// pages cannot fetch)
    return;
  }
  $("study-start").addEventListener("click", start);
  $("study-stop").addEventListener("click", finish);
  $("study-reveal").addEventListener("click", reveal);
  Array.prototype.forEach.call($("study-grades").querySelectorAll("button[data-grade]"), function (button) {
    button.addEventListener("click", function () { grade(parseInt(button.getAttribute("data-grade"), 10)); });
  });
  $("study-export").addEventListener("click", exportProgress);
  $("study-import").addEventListener("change", function (event) {
    if (event.target.files && event.target.files[0]) importProgress(event.target.files[0]);
    event.target.value = "";
  });
  document.addEventListener("keydown", onKey);
  panel.hidden = false;
  showCounts();
  loadDeckIndex(showCounts);
})();
