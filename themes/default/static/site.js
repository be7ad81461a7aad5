/* vaultc: progressive enhancements shared by every page.
   Pages work without this file and from file://; every feature here returns quietly when it cannot
   run (no storage, no fetch, a touch screen), and nothing it does may log a console error.
   1. The light/dark toggle (theme-init.js applied a stored choice before the page was drawn).
   2. Link previews: hovering or keyboard-focusing an internal link shows the start of its target.
   3. On the 404 page, the search box is filled with the words of the missing address. */
(function () {
  "use strict";

  var STORAGE_KEY = "vaultc-theme";
  var root = document.documentElement;

  /* ---- 1. Light/dark toggle --------------------------------------------------------------- */

  var darkQuery = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

  function readStoredTheme() {
    try {
      return window.localStorage.getItem(STORAGE_KEY);
    } catch (error) {
      return null;
    }
  }

  function storeTheme(theme) {
    try {
      if (theme) window.localStorage.setItem(STORAGE_KEY, theme);
      else window.localStorage.removeItem(STORAGE_KEY);
    } catch (error) {
      /* not stored: the choice lasts for this page only */
    }
  }

  function systemTheme() {
    return darkQuery && darkQuery.matches ? "dark" : "light";
  }

  function shownTheme() {
    var chosen = root.getAttribute("data-theme");
    return chosen === "light" || chosen === "dark" ? chosen : systemTheme();
  }

  /* Choosing the theme the system already has means "follow the system" again. */
  function chooseTheme(theme) {
    if (theme === systemTheme()) {
      root.removeAttribute("data-theme");
      storeTheme(null);
    } else {
      root.setAttribute("data-theme", theme);
      storeTheme(theme);
    }
  }

  function setUpThemeToggle() {
    var button = document.getElementById("theme-toggle");
    if (!button) return;
    function showState() {
      var dark = shownTheme() === "dark";
      button.setAttribute("aria-pressed", dark ? "true" : "false");
      button.title = root.hasAttribute("data-theme")
        ? "Dark theme " + (dark ? "on" : "off") + " (your choice; choose the system's to follow it again)"
        : "Dark theme " + (dark ? "on" : "off") + " (following the system)";
    }
    button.addEventListener("click", function () {
      chooseTheme(shownTheme() === "dark" ? "light" : "dark");
      showState();
    });
    if (darkQuery && darkQuery.addEventListener) darkQuery.addEventListener("change", showState);
    window.addEventListener("storage", function (event) {
      if (event.key !== STORAGE_KEY) return;
      if (event.newValue === "light" || event.newValue === "dark") root.setAttribute("data-theme", event.newValue);
      else root.removeAttribute("data-theme");
      showState();
    });
    showState();
    button.hidden = false;
  }

  /* ---- 2. Link previews ------------------------------------------------------------------- */

  var PREVIEWED_LINKS = "a.wikilink, a.internal, a.term-link, a.concept-link, a.question-link";
  var SHOW_DELAY_MS = 300;
  var HIDE_DELAY_MS = 250;
  var MAX_BLOCKS = 6;
  var MAX_CHARACTERS = 900;
  /* Never copied into a preview: anything that runs, loads, takes input or is navigation. */
  var DROPPED = "script, style, link, meta, base, iframe, frame, object, embed, applet, form, input, button, " +
    "select, textarea, template, noscript, video, audio, source, track, canvas, svg, nav, dialog, .local-graph";
  var KEPT_ATTRIBUTES = ["class", "alt", "title", "lang", "dir", "colspan", "rowspan", "start", "datetime"];
  var MATHML = "http://www.w3.org/1998/Math/MathML";
  /* Elements that would be interactive or join the page's outline become plain ones. */
  var RENAMED = { A: "span", H1: "p", H2: "p", H3: "p", H4: "p", H5: "p", H6: "p", DETAILS: "div", SUMMARY: "div" };

  var parsedPages = new Map();
  var popover = null;
  var shownFor = null;
  var showTimer = 0;
  var hideTimer = 0;
  var generation = 0;

  function previewsPossible() {
    return Boolean(window.fetch && window.DOMParser && window.Map && window.URL) && location.protocol !== "file:";
  }

  /* Checked at every hover: no previews on touch-only or narrow screens (they would cover the page). */
  function previewsWanted() {
    return window.matchMedia("(hover: hover) and (pointer: fine)").matches &&
      window.matchMedia("(min-width: 40em)").matches;
  }

  function previewedLink(node) {
    if (!(node instanceof Element)) return null;
    var link = node.closest(PREVIEWED_LINKS);
    return link && !link.classList.contains("broken") && !(popover && popover.contains(link)) ? link : null;
  }

  function targetOf(link) {
    var href = link.getAttribute("href");
    if (!href) return null;
    var target;
    try {
      target = new URL(href, location.href);
    } catch (error) {
      return null;
    }
    var isPage = /(\.html|\/)$/.test(target.pathname);
    return target.origin === location.origin && isPage ? target : null;
  }

  function withoutHash(url) {
    return url.split("#")[0];
  }

  /* A page as an inert document (DOMParser documents run no scripts and load nothing), cached. */
  function loadPage(url) {
    if (!parsedPages.has(url)) {
      var text = url === withoutHash(location.href)
        ? Promise.resolve(root.outerHTML)
        : window.fetch(url, { credentials: "same-origin" }).then(function (response) {
          return response.ok ? response.text() : null;
        });
      parsedPages.set(url, text.then(function (html) {
        return html === null ? null : new DOMParser().parseFromString(html, "text/html");
      }).catch(function () {
        return null;
      }));
    }
    return parsedPages.get(url);
  }

  function headingLevel(element) {
    var match = /^H([1-6])$/.exec(element.tagName);
    return match ? Number(match[1]) : 0;
  }

  /* The element a #fragment names and what belongs to it: a heading's section, a term's
     definitions, or a question paragraph and what follows it up to the next heading or anchor. */
  function fragmentBlocks(start) {
    var level = headingLevel(start);
    var limit = (level || start.tagName === "DT") ? MAX_BLOCKS : 3;
    var blocks = [start];
    for (var next = start.nextElementSibling; next && blocks.length < limit; next = next.nextElementSibling) {
      if (!belongsTo(start, level, next)) break;
      blocks.push(next);
    }
    return blocks;
  }

  function belongsTo(start, level, next) {
    var nextLevel = headingLevel(next);
    if (level) return !nextLevel || nextLevel > level;
    if (start.tagName === "DT") return next.tagName === "DD";
    return !nextLevel && !next.id;
  }

  /* A page as a whole: its first paragraphs, after its description when that says something else. */
  function summaryBlocks(doc) {
    var main = doc.querySelector("main") || doc.body;
    var paragraphs = Array.prototype.filter.call(main.querySelectorAll("p"), function (p) {
      return p.textContent.trim() && !p.closest("header, nav, footer, figure, .toc, .lead, .empty, form");
    }).slice(0, 2);
    var meta = doc.querySelector('meta[name="description"]');
    var description = meta ? (meta.getAttribute("content") || "").replace(/…$/, "").trim() : "";
    var first = paragraphs.length ? paragraphs[0].textContent.trim() : "";
    if (description && first.indexOf(description) !== 0) {
      var lead = doc.createElement("p");
      lead.textContent = meta.getAttribute("content");
      paragraphs.unshift(lead);
    }
    return paragraphs;
  }

  function sanitizedCopy(node, pageUrl) {
    var copy = node.cloneNode(true); /* still in the inert document */
    copy.querySelectorAll(DROPPED).forEach(function (element) {
      element.remove();
    });
    var descendants = Array.prototype.slice.call(copy.querySelectorAll("*"));
    [copy].concat(descendants).forEach(function (element) {
      cleanAttributes(element, pageUrl);
    });
    descendants.reverse().forEach(renameInteractive); /* innermost first, so each is still in place */
    return renameInteractive(copy);
  }

  function cleanAttributes(element, pageUrl) {
    var isMath = element.namespaceURI === MATHML;
    Array.prototype.slice.call(element.attributes).forEach(function (attribute) {
      var name = attribute.name.toLowerCase();
      var keep = isMath
        ? !/^on|href$|^id$|^style$|^src$/.test(name)
        : KEPT_ATTRIBUTES.indexOf(name) >= 0 || (name === "src" && element.tagName === "IMG");
      if (!keep) element.removeAttribute(attribute.name);
    });
    if (element.tagName === "IMG") {
      var source = absoluteImageUrl(element.getAttribute("src"), pageUrl);
      if (source) element.setAttribute("src", source);
      else element.remove();
    }
  }

  function absoluteImageUrl(src, pageUrl) {
    try {
      var url = new URL(src || "", pageUrl);
      return /^(https?:|data:image\/)/.test(url.href) ? url.href : null;
    } catch (error) {
      return null;
    }
  }

  function renameInteractive(element) {
    var tag = RENAMED[element.tagName];
    if (!tag || element.namespaceURI === MATHML) return element;
    var plain = element.ownerDocument.createElement(tag);
    plain.className = headingLevel(element) ? "popover-heading" : element.tagName === "A" ? "popover-link" : "";
    while (element.firstChild) plain.appendChild(element.firstChild);
    if (element.parentNode) element.parentNode.replaceChild(plain, element);
    return plain;
  }

  function previewContent(doc, target) {
    var id = "";
    try {
      id = decodeURIComponent(target.hash.slice(1));
    } catch (error) {
      id = "";
    }
    var start = id ? doc.getElementById(id) : null;
    var blocks = start ? fragmentBlocks(start) : summaryBlocks(doc);
    if (!blocks.length) return null;
    var box = doc.createElement("div");
    var heading = doc.querySelector("main h1");
    if (heading && !(start && headingLevel(start) === 1)) {
      var title = doc.createElement("p");
      title.className = "popover-title";
      title.textContent = heading.textContent.trim();
      box.appendChild(title);
    }
    var characters = 0;
    blocks.forEach(function (block, index) {
      if ((index > 0 && characters > MAX_CHARACTERS) || block.matches(DROPPED)) return;
      characters += block.textContent.length;
      box.appendChild(sanitizedCopy(block, target.href));
    });
    return document.importNode(box, true);
  }

  function popoverElement() {
    if (!popover) {
      popover = document.createElement("div");
      popover.id = "vaultc-link-preview";
      popover.className = "popover";
      popover.setAttribute("role", "tooltip");
      popover.hidden = true;
      popover.addEventListener("mouseenter", cancelHide);
      popover.addEventListener("mouseleave", scheduleHide);
      document.body.appendChild(popover);
    }
    return popover;
  }

  /* Under the link if it fits, else over it; when neither fits, on the roomier side, shortened. */
  function place(box, link) {
    var margin = 8;
    var gap = 6;
    var anchor = link.getBoundingClientRect();
    box.style.left = "0px";
    box.style.top = "0px";
    box.style.maxHeight = "";
    var spaceBelow = window.innerHeight - anchor.bottom - gap - margin;
    var spaceAbove = anchor.top - gap - margin;
    var below = box.offsetHeight <= spaceBelow || (box.offsetHeight > spaceAbove && spaceBelow >= spaceAbove);
    if (box.offsetHeight > (below ? spaceBelow : spaceAbove)) {
      box.style.maxHeight = Math.max(below ? spaceBelow : spaceAbove, 48) + "px";
    }
    var top = below ? anchor.bottom + gap : anchor.top - gap - box.offsetHeight;
    var left = Math.max(margin, Math.min(anchor.left, root.clientWidth - box.offsetWidth - margin));
    box.style.left = Math.round(left + window.scrollX) + "px";
    box.style.top = Math.round(top + window.scrollY) + "px";
  }

  function show(link) {
    var target = targetOf(link);
    if (!target || !previewsWanted()) return;
    var ticket = ++generation;
    loadPage(withoutHash(target.href)).then(function (doc) {
      if (ticket !== generation || !doc || !link.isConnected) return;
      var content = previewContent(doc, target);
      if (!content) return;
      var box = popoverElement();
      box.textContent = "";
      box.appendChild(content);
      box.hidden = false;
      shownFor = link;
      link.setAttribute("aria-describedby", box.id);
      place(box, link);
    }).catch(function () {
      /* a preview is a nicety: never an error */
    });
  }

  function hide() {
    window.clearTimeout(showTimer);
    window.clearTimeout(hideTimer);
    generation++;
    if (popover) popover.hidden = true;
    if (shownFor) shownFor.removeAttribute("aria-describedby");
    shownFor = null;
  }

  function scheduleShow(link, delay) {
    window.clearTimeout(showTimer);
    cancelHide();
    if (link === shownFor) return;
    showTimer = window.setTimeout(function () {
      hide();
      show(link);
    }, delay);
  }

  function scheduleHide() {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(hide, HIDE_DELAY_MS);
  }

  function cancelHide() {
    window.clearTimeout(hideTimer);
  }

  function isKeyboardFocus(link) {
    try {
      return link.matches(":focus-visible");
    } catch (error) {
      return false;
    }
  }

  function setUpLinkPreviews() {
    if (!previewsPossible()) return;
    document.addEventListener("mouseover", function (event) {
      var link = previewedLink(event.target);
      if (link) scheduleShow(link, SHOW_DELAY_MS);
    });
    document.addEventListener("mouseout", function (event) {
      var link = previewedLink(event.target);
      if (!link || link.contains(event.relatedTarget)) return;
      window.clearTimeout(showTimer);
      if (shownFor) scheduleHide();
    });
    document.addEventListener("focusin", function (event) {
      var link = previewedLink(event.target);
      if (link && isKeyboardFocus(link)) scheduleShow(link, 0);
    });
    document.addEventListener("focusout", function (event) {
      if (previewedLink(event.target)) hide();
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && shownFor) hide();
    });
    window.addEventListener("resize", hide);
  }

  /* ---- 3. The 404 page's search box -------------------------------------------------------- */

  function fillNotFoundSearch() {
    var input = document.getElementById("not-found-search-input");
    if (!input || input.value) return;
    var last = location.pathname.split("/").pop() || "";
    try {
      last = decodeURIComponent(last);
    } catch (error) {
      return;
    }
    var words = last.replace(/\.html?$/i, "").replace(/[-_+]+/g, " ").trim();
    if (words && words !== "404") input.value = words;
  }

  setUpThemeToggle();
  setUpLinkPreviews();
  fillNotFoundSearch();
})();
