/* vaultc: applies the reader's stored light/dark choice before the page is drawn, so it never
   flashes the other theme, and marks the page as scripted ("js" on <html>) so that controls the
   scripts will run are laid out from the first paint instead of appearing later and pushing the
   page down. Loaded without defer in <head> on purpose; site.js does the rest. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  try {
    var theme = window.localStorage.getItem("vaultc-theme");
    if (theme === "light" || theme === "dark") document.documentElement.setAttribute("data-theme", theme);
  } catch (error) {
    /* storage blocked (privacy settings, some file:// pages): follow the system theme */
  }
})();
