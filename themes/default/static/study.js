/* vaultc study decks: shuffle the cards, open a random one, filter by status.
   The deck works without this file (every card is a <details>); the controls are rendered hidden
   and shown only here, so readers without JavaScript never meet a button that does nothing. */
(function () {
  "use strict";

  var deck = document.getElementById("study-deck");
  if (!deck) return;
  var shuffleButton = document.getElementById("study-shuffle");
  var randomButton = document.getElementById("study-random");
  var filter = document.getElementById("study-filter");
  var live = document.getElementById("study-live");

  function cards() {
    return Array.prototype.slice.call(deck.querySelectorAll(".study-card"));
  }

  function visibleCards() {
    return cards().filter(function (card) { return !card.hidden; });
  }

  function announce(message) {
    if (live) live.textContent = message;
  }

  function shuffle() {
    var list = cards();
    for (var i = list.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var swap = list[i]; list[i] = list[j]; list[j] = swap;
    }
    list.forEach(function (card) {
      card.open = false;
      card.classList.remove("study-picked");
      deck.appendChild(card);
    });
    announce("Cards shuffled and closed.");
  }

  function pickRandom() {
    var list = visibleCards();
    if (!list.length) { announce("No card to pick: every card is filtered out."); return; }
    var card = list[Math.floor(Math.random() * list.length)];
    cards().forEach(function (other) { other.classList.remove("study-picked"); });
    card.open = true;
    card.classList.add("study-picked");
    card.scrollIntoView({ block: "start", behavior: "smooth" });
    var summary = card.querySelector("summary");
    if (summary) summary.focus({ preventScroll: true });
  }

  function applyFilter() {
    var shown = {};
    filter.querySelectorAll("input[type=checkbox]").forEach(function (box) { shown[box.value] = box.checked; });
    var count = 0;
    cards().forEach(function (card) {
      card.hidden = !shown[card.getAttribute("data-status")];
      if (!card.hidden) count++;
    });
    announce(count + (count === 1 ? " card shown." : " cards shown."));
  }

  // A tag deck links to a card in its note's deck: open it there (without JS it opens on a click).
  function openTargeted() {
    var target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (target && target.tagName === "DETAILS" && deck.contains(target)) target.open = true;
  }
  openTargeted();
  window.addEventListener("hashchange", openTargeted);

  if (shuffleButton) { shuffleButton.addEventListener("click", shuffle); shuffleButton.hidden = false; }
  if (randomButton) { randomButton.addEventListener("click", pickRandom); randomButton.hidden = false; }
  if (filter) { filter.addEventListener("change", applyFilter); filter.hidden = false; }
})();
