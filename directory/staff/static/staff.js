// The staff edit page: refresh the preview a moment after typing stops (the Preview button works without this).
(function () {
  "use strict";
  var form = document.getElementById("edit-form");
  if (!form || !window.fetch || !window.FormData) { return; }
  var url = form.getAttribute("data-preview");
  var timer = null;
  function refresh() {
    var data = new FormData(form);
    data.set("action", "preview");
    fetch(url, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-CSRFToken": data.get("csrf_token") || "" }
    }).then(function (response) {
      return response.ok ? response.text() : null;
    }).then(function (html) {
      var old = document.getElementById("preview");
      if (html === null || !old) { return; }
      var box = document.createElement("div");
      box.innerHTML = html;
      var fresh = box.querySelector("#preview");
      if (fresh) { old.replaceWith(fresh); }
    }).catch(function () { /* the Preview button still works */ });
  }
  form.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(refresh, 600);
  });
})();
