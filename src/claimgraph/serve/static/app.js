// Hovering a statement (a marked span or its table row) highlights both.
(function () {
  "use strict";
  function toggle(id, on) {
    document.querySelectorAll('[data-a="' + CSS.escape(id) + '"]').forEach(function (el) {
      el.classList.toggle("hl", on);
    });
  }
  document.addEventListener("mouseover", function (ev) {
    var el = ev.target.closest && ev.target.closest("[data-a]");
    if (el) { toggle(el.getAttribute("data-a"), true); }
  });
  document.addEventListener("mouseout", function (ev) {
    var el = ev.target.closest && ev.target.closest("[data-a]");
    if (el) { toggle(el.getAttribute("data-a"), false); }
  });
})();
