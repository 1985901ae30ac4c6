// Parallax article view: shows what was extracted about a highlight when it
// is hovered or focused, and marks every fragment of the same item.
// First-party, no dependencies; the page works without it.
(function () {
  "use strict";
  var tip = document.getElementById("ann-tip");
  if (!tip) { return; }
  var current = null;

  function fragments(key) {
    return document.querySelectorAll('[data-ann="' + CSS.escape(key) + '"]');
  }
  function setActive(key, on) {
    fragments(key).forEach(function (el) {
      if (el.tagName === "MARK" || el.tagName === "TR") { el.classList.toggle("active", on); }
    });
  }
  function show(el) {
    var key = el.getAttribute("data-ann");
    var d = document.getElementById("d-" + key);
    if (!d) { return; }
    if (current && current !== key) { setActive(current, false); }
    current = key;
    setActive(key, true);
    tip.replaceChildren();
    Array.prototype.forEach.call(d.children, function (c) { tip.appendChild(c.cloneNode(true)); });
    tip.className = "tip " + d.className.replace("detail", "").trim();
    tip.hidden = false;
    var r = el.getBoundingClientRect();
    var w = Math.min(360, window.innerWidth - 16);
    var left = Math.max(8, Math.min(r.left, window.innerWidth - w - 8));
    tip.style.width = w + "px";
    tip.style.left = left + "px";
    var below = r.bottom + 8;
    tip.style.top = below + "px";
    var h = tip.offsetHeight;
    if (below + h > window.innerHeight && r.top - h - 8 > 0) { tip.style.top = (r.top - h - 8) + "px"; }
  }
  function hide() {
    if (current) { setActive(current, false); }
    current = null;
    tip.hidden = true;
  }
  function target(ev) {
    var el = ev.target.closest ? ev.target.closest("[data-ann]") : null;
    if (!el || el.classList.contains("detail")) { return null; }
    // The innermost mark wins: it is the most specific.
    return el;
  }
  document.addEventListener("mouseover", function (ev) {
    var el = target(ev);
    if (el) { show(el); } else if (!tip.contains(ev.target)) { hide(); }
  });
  document.addEventListener("focusin", function (ev) {
    var el = target(ev);
    if (el) { show(el); }
  });
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { hide(); } });
  window.addEventListener("scroll", hide, { passive: true });
  // Highlights get a native title for browsers without script; with the
  // tooltip it would be shown twice.
  document.querySelectorAll("mark[title]").forEach(function (m) {
    m.removeAttribute("title");
    m.tabIndex = 0;
  });
})();
