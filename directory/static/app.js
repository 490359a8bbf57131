/* Small enhancements; every page works without this file. */
(function () {
  "use strict";

  /* "Exit this page": replace this page in the history, so Back does not return to it.
     The link itself goes to /exit (which deletes any chat conversation and "My list", and tells the
     browser to forget the site's stored data) and on; here /exit is told in the background and the
     browser goes straight to the neutral site. */
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

  /* "Copy" next to a read-only text box or link: data-copy names the box; the status line in the
     same section says it was copied. */
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    var box = document.getElementById(button.getAttribute("data-copy"));
    var section = button.closest("section") || document;
    var status = section.querySelector(".copy-status");
    if (!box) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      box.focus();
      box.select();
      var done = function () {
        if (status) { status.textContent = button.getAttribute("data-copied") || status.getAttribute("data-copied-text"); }
      };
      var copied = false;
      try { copied = document.execCommand("copy"); } catch (e) { copied = false; }
      if (copied) {
        done();
      } else if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(box.value).then(done, function () { /* the text stays selected */ });
      }
    });
  });

  /* "Add to my list" without leaving the page: the form is sent in the background and the button
     changes in place; without the script (or if sending fails) the form works as a normal POST and
     comes back to the same card. */
  var listStatus = document.getElementById("list-status");
  var listCount = document.getElementById("list-count");
  document.querySelectorAll("[data-list-form]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.fetch || !window.FormData) { return; }
      event.preventDefault();
      var button = form.querySelector("button");
      fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        credentials: "same-origin",
        headers: { "X-Requested-With": "fetch", "Accept": "application/json" }
      }).then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      }).then(function (answer) {
        form.action = answer.action;
        button.textContent = answer.label;
        button.setAttribute("aria-label", answer.aria_label);
        if (listCount) { listCount.textContent = answer.count ? "(" + answer.count + ")" : ""; }
        if (listStatus) { listStatus.textContent = answer.message; }
      }).catch(function () { form.submit(); });
    });
  });
})();
