// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  function enhance(root) {
    // Print buttons are hidden without JavaScript (they could not work then).
    root.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-print]");
    if (button) {
      event.preventDefault();
      window.print();
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    enhance(document);
  });

  // The printed page says when it was printed (Dutch time), not when it was loaded.
  window.addEventListener("beforeprint", function () {
    var nu = new Date();
    var tekst = new Intl.DateTimeFormat("nl-NL", {
      timeZone: "Europe/Amsterdam",
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
    })
      .format(nu)
      .replace(/\//g, "-")
      .replace(",", "");
    document.querySelectorAll("[data-printmoment]").forEach(function (element) {
      element.textContent = tekst;
      element.setAttribute("datetime", nu.toISOString());
    });
  });

  // Before htmx stores a page for the Back button, write what the user typed or chose into
  // the HTML itself, so that going back shows the answers as they were.
  document.addEventListener("htmx:beforeHistorySave", function () {
    document.querySelectorAll("#inhoud input, #inhoud textarea, #inhoud select").forEach(
      function (field) {
        if (field.type === "radio" || field.type === "checkbox") {
          field.toggleAttribute("checked", field.checked);
        } else if (field.tagName === "TEXTAREA") {
          field.textContent = field.value;
        } else if (field.tagName === "SELECT") {
          field.querySelectorAll("option").forEach(function (option) {
            option.toggleAttribute("selected", option.selected);
          });
        } else if (field.type !== "hidden") {
          field.setAttribute("value", field.value);
        }
      }
    );
  });

  // After an htmx page swap: enhance the new content and move focus to the error summary
  // or the page heading, so screen reader users hear where they are.
  document.addEventListener("htmx:afterSettle", function (event) {
    var main = document.getElementById("inhoud");
    if (!main) {
      return;
    }
    enhance(main);
    var target = main.querySelector("[data-foutenoverzicht]") || main.querySelector("h1");
    if (target) {
      if (!target.hasAttribute("tabindex")) {
        target.setAttribute("tabindex", "-1");
      }
      target.focus();
    }
  });
})();
