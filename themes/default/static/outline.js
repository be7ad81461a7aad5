/* vaultc: the note's outline. It follows the reading (scroll-spy: the heading being read is marked,
   aria-current="location", and kept in view when the outline is longer than the screen). On wide
   screens it heads the note's rail; on narrow ones the "Outline" link at the top of the note opens
   it as a drawer. Without JavaScript that link leads to the outline after the note. */
(function () {
  "use strict";

  var toc = document.getElementById("outline");
  if (!toc) return;
  var rail = toc.closest(".note-rail");
  var toggle = document.getElementById("outline-toggle");
  var wide = window.matchMedia("(min-width: 72rem)");
  var links = Array.prototype.slice.call(toc.querySelectorAll('a[href^="#"]'));
  var headings = links.map(function (link) {
    try { return document.getElementById(decodeURIComponent(link.hash.slice(1))); } catch (error) { return null; }
  });
  var marked = null, pending = false, close = null;

  function scroller() {  /* the box the outline scrolls in, if any */
    if (toc.classList.contains("outline-open")) return toc;
    return wide.matches ? rail : null;
  }

  function keepInView(link) {
    var box = scroller();
    if (!box || box.scrollHeight <= box.clientHeight) return;
    var item = link.getBoundingClientRect(), frame = box.getBoundingClientRect();
    if (item.top < frame.top) box.scrollTop -= frame.top - item.top + 16;
    else if (item.bottom > frame.bottom) box.scrollTop += item.bottom - frame.bottom + 16;
  }

  function mark() {
    pending = false;
    var reading = -1;
    for (var i = 0; i < headings.length; i++) {
      if (headings[i] && headings[i].getBoundingClientRect().top <= 96) reading = i;
    }
    var link = reading >= 0 ? links[reading] : null;
    if (link === marked) return;
    if (marked) marked.removeAttribute("aria-current");
    if (link) { link.setAttribute("aria-current", "location"); keepInView(link); }
    marked = link;
  }

  function schedule() {
    if (!pending) { pending = true; window.requestAnimationFrame(mark); }
  }

  function isOpen() { return toc.classList.contains("outline-open"); }

  function setOpen(open, leaveFocus) {  /* the drawer, on narrow screens */
    toc.classList.toggle("outline-open", open);
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    close.hidden = !open;
    if (leaveFocus) return;
    if (open) { toc.focus(); if (marked) keepInView(marked); } else toggle.focus();
  }

  function drawer() {
    if (!toggle) return;
    toggle.setAttribute("role", "button");
    toggle.setAttribute("aria-controls", "outline");
    toggle.setAttribute("aria-expanded", "false");
    close = document.createElement("button");
    close.type = "button";
    close.className = "drawer-close";
    close.textContent = "Close";
    close.hidden = true;
    toc.insertBefore(close, toc.firstChild);
    toc.tabIndex = -1;
    toggle.addEventListener("click", function (event) { event.preventDefault(); setOpen(!isOpen()); });
    toggle.addEventListener("keydown", function (event) {
      if (event.key === " ") { event.preventDefault(); setOpen(!isOpen()); }
    });
    close.addEventListener("click", function () { setOpen(false); });
    toc.addEventListener("click", function (event) {  /* a heading chosen: the drawer gives way to it */
      if (isOpen() && event.target.closest("a")) setOpen(false, true);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && isOpen()) setOpen(false);
    });
    if (wide.addEventListener) wide.addEventListener("change", function () { if (isOpen()) setOpen(false, true); });
  }

  window.addEventListener("scroll", schedule, { passive: true });
  window.addEventListener("resize", schedule);
  drawer();
  mark();
})();
