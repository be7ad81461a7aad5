/* vaultc: the explorer, the vault's folder tree beside each note (a column on wide screens, a
   drawer behind the "Notes" button on narrow ones), drawn from explorer-index.js (a script, so it
   loads from file:// too, cached once for every page). The current note is marked and its folders
   are open. Without JavaScript the breadcrumbs and folder pages lead to the same notes. */
(function () {
  "use strict";

  var nav = document.getElementById("explorer");
  var toggle = document.getElementById("explorer-toggle");
  if (!nav || !toggle) return;
  var wide = window.matchMedia("(min-width: 72rem)");
  var drawn = false, loading = false;
  var indexUrl = nav.getAttribute("data-index");
  var root = indexUrl.slice(0, indexUrl.length - "explorer-index.js".length);
  var current = nav.getAttribute("data-current");

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function tree(data) {  /* folder -> {folders: {name: folder}, notes: [[title, page]]} */
    var folders = { "": { name: "", folders: {}, notes: [] } };
    function folderOf(path) {
      if (folders[path]) return folders[path];
      var cut = path.lastIndexOf("/");
      var parent = folderOf(cut < 0 ? "" : path.slice(0, cut));
      folders[path] = { name: path.slice(cut + 1), folders: {}, notes: [] };
      parent.folders[path] = folders[path];
      return folders[path];
    }
    data.notes.forEach(function (row) { folderOf(row[0]).notes.push([row[1], row[2]]); });
    return folders[""];
  }

  function list(folder, data) {
    var ul = element("ul", "explorer-tree"), holdsCurrent = false;
    Object.keys(folder.folders).sort(function (a, b) {
      return folder.folders[a].name.localeCompare(folder.folders[b].name);
    }).forEach(function (path) {
      var sub = folder.folders[path], inner = list(sub, data);
      var details = element("details", "explorer-folder");
      var summary = element("summary", "", sub.name);
      details.appendChild(summary);
      var page = data.folders[path];
      if (page) {
        var all = element("a", "explorer-folder-page", "All notes in " + sub.name);
        all.href = root + page;
        var item = element("li", "explorer-folder-link");
        item.appendChild(all);
        inner.list.insertBefore(item, inner.list.firstChild);
      }
      details.appendChild(inner.list);
      details.open = inner.holdsCurrent;
      holdsCurrent = holdsCurrent || inner.holdsCurrent;
      var li = element("li");
      li.appendChild(details);
      ul.appendChild(li);
    });
    folder.notes.forEach(function (note) {
      var link = element("a", "", note[0]);
      link.href = root + note[1];
      if (note[1] === current) { link.setAttribute("aria-current", "page"); holdsCurrent = true; }
      var li = element("li");
      li.appendChild(link);
      ul.appendChild(li);
    });
    return { list: ul, holdsCurrent: holdsCurrent };
  }

  function draw() {
    if (drawn) return;
    var data = window.VAULTC_EXPLORER;
    if (!data) {
      if (loading) return;
      loading = true;
      var script = document.createElement("script");
      script.src = indexUrl;
      script.onload = draw;
      document.head.appendChild(script);
      return;
    }
    drawn = true;
    nav.appendChild(element("h2", "explorer-heading", "Notes"));
    nav.appendChild(list(tree(data), data).list);
    var here = nav.querySelector("[aria-current=page]");
    if (here && wide.matches) here.scrollIntoView({ block: "nearest" });
  }

  function setOpen(open) {  /* the drawer, on narrow screens */
    nav.hidden = !open;
    nav.classList.toggle("explorer-open", open);
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    close.hidden = !open;
    if (open) { draw(); nav.focus(); } else toggle.focus();
  }

  function place() {
    nav.classList.remove("explorer-open");
    toggle.setAttribute("aria-expanded", "false");
    close.hidden = true;
    toggle.hidden = wide.matches;
    nav.hidden = !wide.matches;
    if (wide.matches) draw();
  }

  var close = element("button", "drawer-close", "Close");  /* phones have no Escape key */
  close.type = "button";
  close.hidden = true;
  close.addEventListener("click", function () { setOpen(false); });
  nav.appendChild(close);
  nav.tabIndex = -1;
  toggle.addEventListener("click", function () { setOpen(nav.hidden); });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && nav.classList.contains("explorer-open")) setOpen(false);
  });
  if (wide.addEventListener) wide.addEventListener("change", place);
  place();
})();
