// The guide's own script, one file (one request): glossary links on touch screens, then citations.

// Glossary links on touch screens: the first tap on a linked term shows its
// definition (Material shows a link's instant preview while the link has
// focus); a second tap on the same term follows the link.
(function () {
  if (window.newsguideTermTaps) return;
  window.newsguideTermTaps = true;
  var touch = window.matchMedia("(hover: none)");
  var armed = null;
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest("a.ng-term") : null;
    if (!touch.matches || !link) {
      armed = null;
      return;
    }
    if (armed === link) return;
    armed = link;
    event.preventDefault();
    event.stopPropagation();
    link.focus();
  }, true);
})();

// A permalink (#p5) highlights its paragraph (:target). On a page opened by a full load, Material's
// instant navigation fetches the page again on the first move to an anchor and swaps it in, and the
// highlight goes with the old paragraph: move to the anchor again in the new page, in place.
(function () {
  if (window.newsguideRetarget || typeof window.document$ === "undefined") return;
  window.newsguideRetarget = true;
  window.document$.subscribe(function () {
    var id = decodeURIComponent(location.hash.slice(1));
    if (id && document.getElementById(id) && !document.querySelector(":target")) location.replace(location.href);
  });
})();

// Citations on article pages. Everything comes from the page's own Highwire
// Press tags (citation_title, citation_author, …), which the build writes
// from the article's files, so the citation and the metadata never disagree.
// * Each paragraph gets a "Cite" button beside its ¶ link that copies a plain
//   citation ending with the paragraph's permalink (#pN).
// * "Cite this article" opens the citation as plain text, BibTeX and RIS, each
//   with a copy button.
// A status line announces every copy to screen readers and sighted readers.
(function () {
  if (window.newsguideCite) return;
  window.newsguideCite = true;
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"];

  function meta(name) {
    var found = document.querySelector('meta[name="' + name + '"]');
    return found ? found.getAttribute("content") : "";
  }

  function metas(name) {
    return Array.prototype.map.call(document.querySelectorAll('meta[name="' + name + '"]'),
      function (el) { return el.getAttribute("content"); });
  }

  // The article as the tags describe it; null on pages that are not articles.
  function work() {
    var title = meta("citation_title");
    if (!title) return null;
    var date = (meta("citation_publication_date") || "").split("/");
    var url = meta("citation_public_url") || location.href.split("#")[0];
    return {
      title: title, authors: metas("citation_author"), publisher: meta("citation_publisher"),
      year: date[0] || "", month: date[1] || "", day: date[2] || "", url: url
    };
  }

  function dateText(w) {
    if (!w.year) return "";
    var month = w.month ? MONTHS[parseInt(w.month, 10) - 1] + " " : "";
    return (w.day ? parseInt(w.day, 10) + " " : "") + month + w.year;
  }

  function plain(w, paragraph) {
    var parts = [];
    if (w.authors.length) parts.push(w.authors.join(" and "));
    parts.push("\u201c" + w.title + "\u201d");
    if (w.publisher) parts.push(w.publisher);
    if (w.year) parts.push(dateText(w));
    if (paragraph) parts.push("para. " + paragraph);
    return parts.join(", ") + ". " + w.url + (paragraph ? "#p" + paragraph : "");
  }

  function bibtex(w) {
    var key = ((w.authors[0] || w.publisher || "article").split(/\s+/).pop() + w.year)
      .replace(/[^A-Za-z0-9]/g, "").toLowerCase();
    var fields = [["title", "{" + w.title + "}"]];
    if (w.authors.length) fields.push(["author", w.authors.join(" and ")]);
    if (w.publisher) fields.push(["publisher", w.publisher]);
    if (w.year) fields.push(["year", w.year]);
    if (w.month) fields.push(["month", MONTHS[parseInt(w.month, 10) - 1].slice(0, 3).toLowerCase()]);
    fields.push(["url", w.url]);
    return "@online{" + key + ",\n" + fields.map(function (f) {
      return "  " + f[0] + " = " + (f[0] === "month" ? f[1] : "{" + f[1] + "}");
    }).join(",\n") + "\n}";
  }

  function ris(w) {
    var lines = ["TY  - ELEC", "TI  - " + w.title];
    w.authors.forEach(function (a) { lines.push("AU  - " + a); });
    if (w.publisher) lines.push("PB  - " + w.publisher);
    if (w.year) lines.push("PY  - " + w.year);
    if (w.year) lines.push("DA  - " + [w.year, w.month, w.day].filter(Boolean).join("/"));
    lines.push("UR  - " + w.url, "LA  - en", "ER  - ");
    return lines.join("\n");
  }

  // Copy text; the promise fails where the page may not use the clipboard.
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var done = document.execCommand && document.execCommand("copy");
      document.body.removeChild(area);
      if (done) { resolve(); } else { reject(new Error("copy refused")); }
    });
  }

  function announce(status, message) {
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  function button(label, name, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "ng-cite";
    b.textContent = label;
    b.setAttribute("aria-label", name);
    b.addEventListener("click", onClick);
    return b;
  }

  function copier(status, text, what) {
    return function () {
      copy(text).then(function () { announce(status, what + " copied to the clipboard."); },
        function () { announce(status, "Could not copy; select the text and copy it by hand."); });
    };
  }

  function setUp() {
    var w = work();
    var body = document.querySelector(".md-content article");
    if (!w || !body || body.querySelector(".ng-cite-status")) return;
    var status = document.createElement("p");
    status.className = "ng-cite-status";
    status.setAttribute("role", "status");
    body.appendChild(status);
    body.querySelectorAll("p.ng-para[id^='p']").forEach(function (para) {
      var number = para.id.slice(1);
      var link = para.querySelector("a.ng-permalink");
      var cite = button("Cite", "Cite paragraph " + number, copier(status, plain(w, number), "Citation of paragraph " + number));
      if (link) { link.after(" ", cite); } else { para.appendChild(cite); }
    });
    var details = document.createElement("details");
    details.className = "ng-cite-article";
    var summary = document.createElement("summary");
    summary.textContent = "Cite this article";
    details.appendChild(summary);
    [["Plain text", plain(w, "")], ["BibTeX", bibtex(w)], ["RIS", ris(w)]].forEach(function (format) {
      var block = document.createElement("div");
      block.className = "ng-cite-format";
      var heading = document.createElement("p");
      heading.textContent = format[0];
      var pre = document.createElement("pre");
      pre.textContent = format[1];
      pre.setAttribute("tabindex", "0");
      pre.setAttribute("aria-label", format[0] + " citation");
      block.append(heading, pre, button("Copy", "Copy the " + format[0] + " citation", copier(status, format[1], format[0] + " citation")));
      details.appendChild(block);
    });
    // After the body, below the fold: inserted above it, the panel would push the text down as the page
    // loads (layout shift).
    var after = body.querySelector(".ng-body");
    if (after) { after.after(details); } else { body.appendChild(details); }
  }

  // Material's instant navigation swaps pages without reloading this script.
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
