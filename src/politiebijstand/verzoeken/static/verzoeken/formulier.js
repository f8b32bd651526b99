// Autosave of the request form: when the session has expired the autosave answers 401;
// keep the typed text on the page and say until when the draft is stored (ADR 0033).
(function () {
  "use strict";
  // The autosave's status line is no page swap: keep the focus where the user types
  // (ui/app.js moves it to the heading after every settle).
  var formulier = document.getElementById("aanvraagformulier");
  if (formulier) {
    formulier.addEventListener("htmx:afterSettle", function (event) {
      event.stopPropagation();
    });
  }
  document.addEventListener("htmx:responseError", function (event) {
    var xhr = event.detail.xhr;
    var form = document.getElementById("aanvraagformulier");
    if (!form || !xhr || xhr.status !== 401) { return; }
    var status = document.querySelector("#concept-status [data-bewaard]");
    var tijd = status ? status.getAttribute("data-bewaard") : "uw laatste opslag";
    var melding = document.getElementById("sessie-verlopen");
    melding.textContent = "Sessie verlopen, log opnieuw in; uw concept is tot " + tijd + " bewaard.";
    melding.hidden = false;
  });
})();
