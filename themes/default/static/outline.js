/* vaultc: the note's outline follows the reading (scroll-spy): the heading being read is marked in
   the outline (aria-current="location"). On wide screens the outline is a column, always open. */
(function () {
  "use strict";

  var toc = document.querySelector(".note > .toc");
  if (!toc) return;
  var details = toc.querySelector("details");
  var wide = window.matchMedia("(min-width: 72rem)");
  var links = Array.prototype.slice.call(toc.querySelectorAll('a[href^="#"]'));
  var headings = links.map(function (link) {
    try { return document.getElementById(decodeURIComponent(link.hash.slice(1))); } catch (error) { return null; }
  });
  var marked = null, pending = false;

  function mark() {
    pending = false;
    var reading = -1;
    for (var i = 0; i < headings.length; i++) {
      if (headings[i] && headings[i].getBoundingClientRect().top <= 96) reading = i;
    }
    var link = reading >= 0 ? links[reading] : null;
    if (link === marked) return;
    if (marked) marked.removeAttribute("aria-current");
    if (link) link.setAttribute("aria-current", "location");
    marked = link;
  }

  function schedule() {
    if (!pending) { pending = true; window.requestAnimationFrame(mark); }
  }

  function place() { if (wide.matches && details) details.open = true; }

  window.addEventListener("scroll", schedule, { passive: true });
  window.addEventListener("resize", schedule);
  if (wide.addEventListener) wide.addEventListener("change", place);
  place();
  mark();
})();
