/* Small enhancements; every page works without this file. */
(function () {
  "use strict";

  /* "Leave this page quickly": replace this page in the history, so Back does not return to it.
     The link itself goes to /exit (which deletes any chat conversation) and on; here /exit is told in
     the background and the browser goes straight to the neutral site. */
  var exitLink = document.querySelector("[data-exit]");
  function leave() {
    if (!exitLink) { return; }
    document.body.classList.add("leaving");
    document.title = "BBC Weather";
    var away = exitLink.getAttribute("data-exit-to");
    var told = away && away !== exitLink.href && navigator.sendBeacon && navigator.sendBeacon(exitLink.href);
    window.location.replace(told ? away : exitLink.href);
  }
  if (exitLink) {
    exitLink.addEventListener("click", function (event) {
      event.preventDefault();
      leave();
    });
    var presses = 0;
    var timer = null;
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" && event.key !== "Esc") { return; }
      presses += 1;
      clearTimeout(timer);
      if (presses >= 3) { leave(); return; }
      timer = setTimeout(function () { presses = 0; }, 2000);
    });
  }

  /* Print buttons on the slips. */
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

  /* "Copy the text" next to the read-only text box. */
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    var box = document.getElementById(button.getAttribute("data-copy"));
    var status = document.querySelector(".copy-status");
    if (!box) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      box.focus();
      box.select();
      var done = function () { if (status) { status.textContent = status.getAttribute("data-copied-text"); } };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(box.value).then(done, function () { document.execCommand("copy"); done(); });
      } else {
        document.execCommand("copy");
        done();
      }
    });
  });
})();
