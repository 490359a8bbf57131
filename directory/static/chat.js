/* The web chat works without this file; with it, the newest reply scrolls into view and the
   message box keeps the focus, and a second press while a message is sending is ignored. */
(function () {
  "use strict";
  var latest = document.getElementById("latest");
  var box = document.getElementById("chat-text");
  if (latest && document.querySelectorAll(".chat-log li").length > 1) {
    latest.scrollIntoView({ block: "start" });
  }
  if (box && !latest) { box.focus(); }
  document.querySelectorAll(".chat-form, .chat-buttons").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (form.dataset.sending) { event.preventDefault(); return; }
      form.dataset.sending = "1";
      form.setAttribute("aria-busy", "true");
    });
  });
})();
