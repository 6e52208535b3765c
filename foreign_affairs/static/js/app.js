/* Small progressive enhancements; every page works without them. */
(function () {
  "use strict";

  // Delegation form: the incoming-only fields are shown when the direction is incoming (or not chosen).
  function syncIncoming(form) {
    var direction = form.querySelector('select[name="direction"]');
    if (!direction) return;
    var show = direction.value !== "outgoing";
    form.querySelectorAll("[data-incoming-only-section]").forEach(function (section) {
      // Never hide a field the server flagged: the user must see the error.
      section.hidden = !show && !section.querySelector(".is-invalid");
    });
  }

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target.name === "direction" && target.form && target.form.classList.contains("app-form")) {
      syncIncoming(target.form);
    }
    // Selects marked data-autosubmit (the home page's year) apply at once.
    if (target.matches && target.matches("select[data-autosubmit]") && target.form) {
      target.form.submit();
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form.app-form").forEach(syncIncoming);
    // Take keyboard and screen-reader users straight to the list of errors.
    var errors = document.getElementById("form-errors");
    if (errors) errors.focus();
  });
})();

// Live list filters: leave empty filters out of the request, so the pushed URL stays short.
document.addEventListener("htmx:configRequest", function (event) {
  if (!event.detail.elt || event.detail.elt.id !== "filters") return;
  var params = event.detail.parameters;
  Object.keys(params).forEach(function (key) {
    if (params[key] === "") delete params[key];
  });
});
