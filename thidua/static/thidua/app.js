/* thidua: the few behaviours that used to be inline handlers or style attributes.
 * The Content-Security-Policy forbids inline script and style (docs/security.md), so pages
 * declare them with data attributes and this file applies them, also to htmx-swapped content.
 *   <select data-autosubmit>        submits its form when changed
 *   <form data-confirm="Question?">  asks before submitting
 *   <div data-width="42">            style.width = 42%   (progress bars)
 *   <td data-indent="2">             style.paddingLeft = 2rem   (tree rows)
 */
(function () {
  "use strict";

  // Numbers may arrive localised ("42,5" in Vietnamese).
  function number(el, name) { return parseFloat((el.getAttribute(name) || "").replace(",", ".")); }

  function applyStyles(root) {
    root.querySelectorAll("[data-width]").forEach(function (el) {
      var value = number(el, "data-width");
      if (!isNaN(value)) { el.style.width = Math.max(0, Math.min(100, value)) + "%"; }
    });
    root.querySelectorAll("[data-indent]").forEach(function (el) {
      var value = number(el, "data-indent");
      if (!isNaN(value)) { el.style.paddingLeft = Math.max(0, value) + "rem"; }
    });
  }

  document.addEventListener("change", function (event) {
    var el = event.target;
    if (el instanceof Element && el.matches("[data-autosubmit]") && el.form) {
      el.form.requestSubmit ? el.form.requestSubmit() : el.form.submit();
    }
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  document.addEventListener("DOMContentLoaded", function () { applyStyles(document); });
  document.addEventListener("htmx:load", function (event) {
    if (event.target instanceof Element) { applyStyles(event.target); }
  });
})();
