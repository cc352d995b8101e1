/* newsweave article page: when the address names a sentence (#s123, as the
 * claims matrix and the rewrite view link), mark every piece of that
 * sentence, not only its first. Plain JavaScript, no library. */
(function () {
  "use strict";
  function mark() {
    Array.prototype.forEach.call(document.querySelectorAll(".text .hit"), function (piece) {
      piece.classList.remove("hit");
    });
    var found = /^#s(\d+)$/.exec(window.location.hash);
    if (!found) { return; }
    var pieces = document.querySelectorAll('.text [data-s="' + found[1] + '"]');
    Array.prototype.forEach.call(pieces, function (piece) { piece.classList.add("hit"); });
  }
  window.addEventListener("hashchange", mark);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mark);
  } else {
    mark();
  }
})();
