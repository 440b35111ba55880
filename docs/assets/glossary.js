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
