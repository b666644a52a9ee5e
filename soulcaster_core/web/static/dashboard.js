// The dashboard's only script: copy buttons and the project switcher. Pages work without it.
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

  document.addEventListener("change", function (event) {
    var select = event.target;
    if (select.matches && select.matches("select[data-autosubmit]") && select.form) {
      select.form.submit();
    }
  });
})();
