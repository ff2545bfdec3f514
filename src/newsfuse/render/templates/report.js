/* newsfuse report: the page's one script, inlined at render time and allowed by its hash. */
(function () {
  "use strict";
  var info = {};
  try {
    info = JSON.parse(document.getElementById("nf-data").textContent) || {};
  } catch (e) {
    info = {};
  }
  // Hover texts quote the cited sentence up to this many characters.
  var PREVIEW_CHARS = 160;
  var back = document.getElementById("nf-back");
  var lit = null;
  var from = null;

  // A fragment is user input (a typed or pasted address): a malformed escape ("%E0%A4%A") is
  // taken as written rather than let decodeURIComponent's URIError stop the script.
  function decoded(fragment) {
    try {
      return decodeURIComponent(fragment);
    } catch (e) {
      return fragment;
    }
  }

  function openAround(el) {
    for (var p = el.parentElement; p; p = p.parentElement) {
      if (p.tagName === "DETAILS") p.open = true;
    }
    // Sections off screen are laid out at a guessed height (report.css); laid out for real once
    // scrolled to, those above the target would move it out of view again. Lay them out first.
    var sections = document.querySelectorAll("main > .section");
    for (var i = 0; i < sections.length; i++) {
      sections[i].style.contentVisibility = "visible";
      if (sections[i].contains(el)) break;
    }
  }

  // The article key of an anchor id: "s-KEY-3" (a sentence) or "a-KEY" (an article).
  function keyOf(id) {
    return id.charAt(0) === "s" ? id.slice(2).replace(/-\d+$/, "") : id.slice(2);
  }

  // Markers carry no title in the page (on a large report the titles were a third of it): the
  // hover text, the cited article's label and sentence, is read from the page when one is pointed at.
  function describe(ev) {
    var a = ev.target.closest && ev.target.closest("a.cite, a.ref");
    if (!a || a.title) return;
    var id = decoded(a.getAttribute("href").slice(1));
    var art = (info.articles || {})[keyOf(id)];
    var label = art ? [art.outlet, art.title].filter(Boolean).join(" — ") : "";
    var el = document.getElementById(id);
    var text = el && el.classList.contains("s") ? el.textContent.replace(/\s+/g, " ").trim() : "";
    if (text.length > PREVIEW_CHARS) text = text.slice(0, PREVIEW_CHARS - 1) + "…";
    a.title = text ? label + ": “" + text + "”" : label;
  }
  document.addEventListener("mouseover", describe);
  document.addEventListener("focusin", describe);

  function reveal(id, marker) {
    var el = id && document.getElementById(id);
    if (!el) return false;
    openAround(el);
    if (lit) lit.classList.remove("hl");
    if (el.classList.contains("s")) {
      el.classList.add("hl");
      lit = el;
    }
    el.scrollIntoView({ block: el.classList.contains("s") ? "center" : "start" });
    if (marker) {
      from = marker;
      var art = (info.articles || {})[keyOf(id)];
      back.textContent = "↩ Back" + (art ? " · from " + (art.outlet || art.title) : "");
      back.hidden = false;
    }
    return true;
  }

  document.addEventListener("click", function (ev) {
    var a = ev.target.closest && ev.target.closest("a[href^='#']");
    if (!a) return;
    if (a === back) {
      ev.preventDefault();
      back.hidden = true;
      if (lit) lit.classList.remove("hl");
      lit = null;
      if (from) from.scrollIntoView({ block: "center" });
      if (from) from.focus({ preventScroll: true });
      from = null;
      return;
    }
    var id = decoded(a.getAttribute("href").slice(1));
    var isCite = a.classList.contains("cite") || a.classList.contains("ref");
    if (reveal(id, isCite ? a : null)) {
      ev.preventDefault();
      try {
        history.pushState(null, "", "#" + id);
      } catch (e) {
        /* some file: URLs refuse history entries; the highlight is what matters */
      }
    }
  });

  window.addEventListener("hashchange", function () {
    reveal(decoded(location.hash.slice(1)), null);
  });
  if (location.hash.length > 1) reveal(decoded(location.hash.slice(1)), null);

  function setAll(open) {
    var all = document.querySelectorAll("details");
    for (var i = 0; i < all.length; i++) all[i].open = open;
  }
  document.getElementById("nf-expand").addEventListener("click", function () { setAll(true); });
  document.getElementById("nf-collapse").addEventListener("click", function () { setAll(false); });

  // Paper shows everything: open every collapsed part for printing, close them again after.
  var closed = [];
  window.addEventListener("beforeprint", function () {
    closed = Array.prototype.filter.call(document.querySelectorAll("details"), function (d) { return !d.open; });
    closed.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    closed.forEach(function (d) { d.open = false; });
    closed = [];
  });
})();
