// newsxray UI: layer toggles on the article page. Without this script every layer is shown.
(function () {
  "use strict";
  function setup() {
    var box = document.getElementById("toggles");
    var text = document.getElementById("text");
    if (!box || !text) { return; }
    box.hidden = false;
    var inputs = box.querySelectorAll("input[data-layer]");
    Array.prototype.forEach.call(inputs, function (input) {
      var layer = input.getAttribute("data-layer");
      if (!/^[a-z]+$/.test(layer)) { return; }
      var apply = function () {
        text.classList.toggle("off-" + layer, !input.checked);
        var panel = document.getElementById("panel-" + layer);
        if (panel) { panel.classList.toggle("dim", !input.checked); }
      };
      input.addEventListener("change", apply);
      apply();
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
