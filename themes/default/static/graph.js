/* Zoom and pan for the concept graph on graph.html (an enhancement: the SVG works without it).
   Everything changes the SVG's viewBox: the wheel (with Ctrl, or once the graph was pressed or
   focused, so it does not trap page scrolling) or a pinch zooms around the pointer, dragging pans,
   the +, − and Reset buttons (shown only when this script runs) and the keyboard (+, −, 0 and the
   arrow keys while the picture has focus) do the same. A drag never opens the node it started on. */
(function () {
  "use strict";
  var MIN_SCALE = 0.5, MAX_SCALE = 12, STEP = 1.4, DRAG_THRESHOLD = 4;

  function setUp(figure) {
    var svg = figure.querySelector("svg.graph");
    var viewport = figure.querySelector(".graph-viewport");
    var controls = figure.querySelector(".graph-controls");
    if (!svg || !viewport || !svg.viewBox || !svg.viewBox.baseVal) return;
    var base = svg.viewBox.baseVal;
    var home = { x: base.x, y: base.y, w: base.width, h: base.height };
    var view = { x: home.x, y: home.y, w: home.w, h: home.h };

    function apply() {
      svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].map(function (n) {
        return Math.round(n * 100) / 100;
      }).join(" "));
    }
    // Zoom by `factor` (>1 zooms in) keeping the SVG point under (fx, fy) (fractions of the box) still.
    function zoom(factor, fx, fy) {
      var scale = home.w / (view.w / factor);
      if (scale < MIN_SCALE || scale > MAX_SCALE) return;
      var px = view.x + view.w * fx, py = view.y + view.h * fy;
      view.w /= factor; view.h /= factor;
      view.x = px - view.w * fx; view.y = py - view.h * fy;
      apply();
    }
    function pan(dxPixels, dyPixels) {
      var box = svg.getBoundingClientRect();
      if (!box.width) return;
      view.x -= dxPixels * view.w / box.width;
      view.y -= dyPixels * view.h / box.height;
      apply();
    }
    function reset() { view = { x: home.x, y: home.y, w: home.w, h: home.h }; apply(); }
    function fraction(event) {
      var box = svg.getBoundingClientRect();
      return [(event.clientX - box.left) / box.width, (event.clientY - box.top) / box.height];
    }

    // The wheel zooms with Ctrl (or a trackpad pinch, which sends Ctrl) or once the reader has
    // pressed on the graph or moved focus into it; otherwise it scrolls the page as usual.
    var engaged = false;
    svg.addEventListener("wheel", function (event) {
      if (!engaged && !event.ctrlKey && !event.metaKey) return;
      event.preventDefault();
      var at = fraction(event);
      zoom(event.deltaY < 0 ? 1.15 : 1 / 1.15, at[0], at[1]);
    }, { passive: false });
    viewport.addEventListener("pointerdown", function () { engaged = true; });
    viewport.addEventListener("focusin", function () { engaged = true; });
    viewport.addEventListener("pointerleave", function () { if (!viewport.contains(document.activeElement)) engaged = false; });
    viewport.addEventListener("focusout", function (event) { if (!viewport.contains(event.relatedTarget)) engaged = false; });

    // Pointers: one pans, two pinch. A move beyond the threshold makes the gesture a drag.
    var pointers = new Map(), dragged = false, pinchDistance = 0;
    svg.addEventListener("pointerdown", function (event) {
      pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
      if (pointers.size === 1) dragged = false;
      if (pointers.size === 2) pinchDistance = spread();
    });
    svg.addEventListener("pointermove", function (event) {
      var last = pointers.get(event.pointerId);
      if (!last) return;
      var dx = event.clientX - last.x, dy = event.clientY - last.y;
      if (!dragged && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
      if (!dragged) svg.setPointerCapture(event.pointerId);
      dragged = true;
      pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
      if (pointers.size === 1) { pan(dx, dy); return; }
      var distance = spread();
      if (pinchDistance > 0 && distance > 0) {
        var middle = centre();
        zoom(distance / pinchDistance, middle[0], middle[1]);
      }
      pinchDistance = distance;
    });
    function release(event) { pointers.delete(event.pointerId); if (pointers.size < 2) pinchDistance = 0; }
    svg.addEventListener("pointerup", release);
    svg.addEventListener("pointercancel", release);
    svg.addEventListener("click", function (event) {
      if (dragged) { event.preventDefault(); dragged = false; }
    }, true);
    function spread() {
      var points = Array.from(pointers.values());
      return points.length < 2 ? 0 : Math.hypot(points[0].x - points[1].x, points[0].y - points[1].y);
    }
    function centre() {
      var points = Array.from(pointers.values());
      var box = svg.getBoundingClientRect();
      return [((points[0].x + points[1].x) / 2 - box.left) / box.width,
              ((points[0].y + points[1].y) / 2 - box.top) / box.height];
    }

    // Keyboard: the picture itself takes focus (its links stay reachable with Tab).
    viewport.classList.add("is-interactive");
    viewport.tabIndex = 0;
    viewport.setAttribute("aria-label", "Concept graph: + and − zoom, arrow keys move, 0 resets");
    viewport.setAttribute("role", "group");
    viewport.addEventListener("keydown", function (event) {
      if (event.target !== viewport) return;
      var moves = { ArrowLeft: [40, 0], ArrowRight: [-40, 0], ArrowUp: [0, 40], ArrowDown: [0, -40] };
      if (event.key === "+" || event.key === "=") zoom(STEP, 0.5, 0.5);
      else if (event.key === "-" || event.key === "_") zoom(1 / STEP, 0.5, 0.5);
      else if (event.key === "0") reset();
      else if (moves[event.key]) pan(moves[event.key][0], moves[event.key][1]);
      else return;
      event.preventDefault();
    });

    if (controls) {
      controls.hidden = false;
      controls.addEventListener("click", function (event) {
        var button = event.target.closest("button[data-graph-zoom]");
        if (!button) return;
        var action = button.getAttribute("data-graph-zoom");
        if (action === "in") zoom(STEP, 0.5, 0.5);
        else if (action === "out") zoom(1 / STEP, 0.5, 0.5);
        else reset();
      });
    }
  }

  function start() { document.querySelectorAll(".graph-figure").forEach(setUp); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
