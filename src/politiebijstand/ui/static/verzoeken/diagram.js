// The BPMN diagram of each part of a request, drawn by the vendored bpmn-js navigated viewer
// (drag to move, Ctrl + scroll wheel to zoom, and zoom buttons), with the done and current
// steps highlighted. No inline script (CSP): the data come from data-
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

  // A diagram too small to read when fitted whole is shown at this zoom around the current
  // step; "Hele diagram" fits it whole again.
  var LEESBAAR = 0.8;

  function center(canvas, registry, list) {
    var shapes = list
      .map(function (id) {
        return registry.get(id);
      })
      .filter(function (shape) {
        return shape && shape.width !== undefined;
      });
    if (shapes.length === 0) {
      return null;
    }
    var shape = shapes[0];
    return { x: shape.x + shape.width / 2, y: shape.y + shape.height / 2 };
  }

  // Zoom to at least LEESBAAR with `punt` (diagram coordinates) in the middle.
  function focus(canvas, punt) {
    canvas.zoom(Math.max(canvas.zoom(), LEESBAAR), punt);
    var box = canvas.viewbox();
    canvas.viewbox({
      x: punt.x - box.width / 2,
      y: punt.y - box.height / 2,
      width: box.width,
      height: box.height,
    });
  }

  function show(viewer, huidig) {
    var canvas = viewer.get("canvas");
    canvas.zoom("fit-viewport", "auto");
    if (canvas.zoom() >= LEESBAAR) {
      return;
    }
    var punt = center(canvas, viewer.get("elementRegistry"), huidig);
    if (punt) {
      focus(canvas, punt);
    } else {
      canvas.zoom(LEESBAAR, { x: 0, y: 0 });
    }
  }

  function button(text, onClick) {
    var knop = document.createElement("button");
    knop.type = "button";
    knop.className = "utrecht-button utrecht-button--secondary-action";
    knop.textContent = text;
    knop.addEventListener("click", onClick);
    return knop;
  }

  function controls(element, viewer, huidig) {
    var canvas = viewer.get("canvas");
    var balk = document.createElement("div");
    balk.className = "pb-diagram-knoppen";
    balk.setAttribute("role", "group");
    balk.setAttribute("aria-label", "Zoomen in het diagram");
    balk.appendChild(
      button("Inzoomen", function () {
        canvas.zoom(canvas.zoom() * 1.25, "auto");
      })
    );
    balk.appendChild(
      button("Uitzoomen", function () {
        canvas.zoom(canvas.zoom() / 1.25, "auto");
      })
    );
    balk.appendChild(
      button("Hele diagram", function () {
        canvas.zoom("fit-viewport", "auto");
      })
    );
    if (huidig.length > 0) {
      balk.appendChild(
        button("Naar de huidige stap", function () {
          var punt = center(canvas, viewer.get("elementRegistry"), huidig);
          if (punt) {
            focus(canvas, punt);
          }
        })
      );
    }
    element.parentNode.insertBefore(balk, element);
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
        var huidig = ids(element.getAttribute("data-huidig"));
        var afgerond = ids(element.getAttribute("data-afgerond")).filter(function (id) {
          return huidig.indexOf(id) < 0;
        });
        mark(viewer, afgerond, "pb-stap-afgerond");
        mark(viewer, huidig, "pb-stap-huidig");
        show(viewer, huidig);
        controls(element, viewer, huidig);
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
