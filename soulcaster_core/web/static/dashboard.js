// The dashboard's only script: copy buttons, the project switcher and the home page's refresh.
// Pages work without it.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function say(button, text) {
    var label = button.getAttribute("data-label") || button.textContent;
    button.setAttribute("data-label", label);
    button.textContent = text;
    window.setTimeout(function () { button.textContent = label; }, 2000);
  }

  // Older browsers and plain-http pages have no async clipboard: select and copy instead.
  function copyBySelection(input, button) {
    input.focus();
    input.select();
    var copied = false;
    try { copied = document.execCommand("copy"); } catch (e) { copied = false; }
    say(button, copied ? "Copied" : "Press Ctrl+C");
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (!button) { return; }
    var input = document.getElementById(button.getAttribute("data-copy"));
    if (!input) { return; }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(input.value).then(
        function () { say(button, "Copied"); },
        function () { copyBySelection(input, button); }
      );
    } else {
      copyBySelection(input, button);
    }
  });

  // After a post (test webhook, save), bring the card that was acted on back into view.
  document.addEventListener("DOMContentLoaded", function () {
    var focused = document.querySelector(".source.focused");
    if (focused && !window.location.hash) { focused.scrollIntoView(); }
  });

  // The home page keeps its numbers fresh: every so often it fetches itself and swaps the
  // sections marked data-live, unless the user is in one of them (a focused button or field).
  function refreshLive() {
    if (document.hidden) { return; }
    var active = document.activeElement;
    fetch(window.location.href, { credentials: "same-origin", headers: { accept: "text/html" } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (text) {
        if (!text) { return; }
        var fresh = new DOMParser().parseFromString(text, "text/html");
        document.querySelectorAll("[data-live][id]").forEach(function (old) {
          var next = fresh.getElementById(old.id);
          if (next && !(active && old.contains(active) && active !== document.body)) {
            old.replaceWith(next);
          }
        });
      })
      .catch(function () { /* offline for a moment: the next round tries again */ });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var every = parseInt(document.body.getAttribute("data-refresh") || "0", 10);
    if (every > 0 && document.querySelector("[data-live]")) {
      window.setInterval(refreshLive, every * 1000);
    }
  });

  document.addEventListener("change", function (event) {
    var select = event.target;
    if (select.matches && select.matches("select[data-autosubmit]") && select.form) {
      select.form.submit();
    }
  });
})();
