// The BPMN diagram of each part of a request, drawn by the vendored bpmn-js viewer, with the
// done and current steps highlighted. No inline script (CSP): the data come from data-
// attributes of each .pb-diagram element (data-bpmn-url, data-afgerond, data-huidig, data-viewer)
// and the BPMN file from the server. Runs on a full page load and after an htmx page swap;
// a diagram is drawn once. Without JavaScript the page still lists the steps (timeline).
(function () {
  "use strict";

  function ids(value) {
    return (value || "").split(" ").filter(function (id) {
      return id.length > 0;
    });
  }

  function mark(viewer, list, cls) {
    var registry = viewer.get("elementRegistry");
    var canvas = viewer.get("canvas");
    list.forEach(function (id) {
      // addMarker throws on an id the diagram does not have (an older model version).
      if (registry.get(id)) {
        canvas.addMarker(id, cls);
      }
    });
  }

  function draw(element) {
    if (element.getAttribute("data-getekend")) {
      return;
    }
    element.setAttribute("data-getekend", "bezig");
    var viewer = new window.BpmnJS({ container: element });
    fetch(element.getAttribute("data-bpmn-url"), { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.text();
      })
      .then(function (xml) {
        return viewer.importXML(xml);
      })
      .then(function () {
        viewer.get("canvas").zoom("fit-viewport");
        var huidig = ids(element.getAttribute("data-huidig"));
        var afgerond = ids(element.getAttribute("data-afgerond")).filter(function (id) {
          return huidig.indexOf(id) < 0;
        });
        mark(viewer, afgerond, "pb-stap-afgerond");
        mark(viewer, huidig, "pb-stap-huidig");
        element.setAttribute("data-getekend", "ja");
      })
      .catch(function (error) {
        element.setAttribute("data-getekend", "fout");
        element.textContent = "Het diagram kon niet worden getoond (" + error.message + ").";
      });
  }

  function drawAll() {
    var elements = document.querySelectorAll(".pb-diagram[data-bpmn-url]");
    if (elements.length === 0) {
      return;
    }
    if (window.BpmnJS) {
      elements.forEach(draw);
      return;
    }
    var src = elements[0].getAttribute("data-viewer");
    var existing = document.querySelector("script[data-bpmn-viewer]");
    if (existing) {
      existing.addEventListener("load", drawAll, { once: true });
      return;
    }
    var script = document.createElement("script");
    script.src = src;
    script.setAttribute("data-bpmn-viewer", "");
    script.addEventListener("load", drawAll, { once: true });
    document.head.appendChild(script);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
  document.addEventListener("htmx:afterSettle", drawAll);
})();
