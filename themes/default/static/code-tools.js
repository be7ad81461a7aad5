/* vaultc: a bar over every code block naming its language and offering a Copy button. The code is
   readable and selectable without this file; the bar only adds the label and the button. */
(function () {
  "use strict";

  var blocks = document.querySelectorAll("pre > code");
  if (!blocks.length) return;

  function language(code) {
    var named = Array.prototype.find.call(code.classList, function (name) { return name.indexOf("language-") === 0; });
    return named ? named.slice("language-".length) : "";
  }

  function copied(button, text) {
    button.textContent = text;
    window.setTimeout(function () { button.textContent = "Copy"; }, 1500);
  }

  function copy(code, button) {
    var text = code.textContent;
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { copied(button, "Copied"); },
        function () { fallback(code, button); });
    } else {
      fallback(code, button);
    }
  }

  function fallback(code, button) {  /* file:// pages have no clipboard API: copy the selection */
    var range = document.createRange();
    range.selectNodeContents(code);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    var done = false;
    try { done = document.execCommand("copy"); } catch (error) { done = false; }
    selection.removeAllRanges();
    copied(button, done ? "Copied" : "Press Ctrl+C");
  }

  Array.prototype.forEach.call(blocks, function (code) {
    var pre = code.parentNode;
    var lang = language(code);
    if (lang === "mermaid" || pre.parentNode.classList.contains("code-block")) return;
    var block = document.createElement("div");
    block.className = "code-block";
    var bar = document.createElement("div");
    bar.className = "code-bar";
    var label = document.createElement("span");
    label.className = "code-language";
    label.textContent = lang;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "code-copy";
    button.textContent = "Copy";
    button.setAttribute("aria-label", "Copy the code" + (lang ? " (" + lang + ")" : ""));
    button.addEventListener("click", function () { copy(code, button); });
    bar.appendChild(label);
    bar.appendChild(button);
    pre.parentNode.insertBefore(block, pre);
    block.appendChild(bar);
    block.appendChild(pre);
  });
})();
