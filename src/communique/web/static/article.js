/* Article page: clicking an event picks out its actor, recipient and trigger words in the
 * text (spans carry the ids of the events that cover them in data-events). */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var text = document.querySelector("#article-text .text");
    var cards = document.querySelectorAll(".event-card");
    if (!text) return;

    function select(card) {
      var id = card ? card.getAttribute("data-event") : null;
      cards.forEach(function (c) {
        var on = c === card;
        c.classList.toggle("active", on);
        c.setAttribute("aria-pressed", on ? "true" : "false");
      });
      var first = null;
      text.querySelectorAll(".hl").forEach(function (span) {
        var on = id !== null && (" " + span.getAttribute("data-events") + " ").indexOf(" " + id + " ") >= 0;
        span.classList.toggle("active", on);
        if (on && !first) first = span;
      });
      text.classList.toggle("focusing", id !== null);
      if (first) first.scrollIntoView({ block: "nearest", behavior: "smooth" });
    }

    cards.forEach(function (card) {
      card.addEventListener("click", function () {
        select(card.classList.contains("active") ? null : card);
      });
    });
    // Clicking a highlighted word selects the (first) event it belongs to.
    text.addEventListener("click", function (ev) {
      var span = ev.target.closest(".hl");
      if (!span) return;
      var id = (span.getAttribute("data-events") || "").split(" ")[0];
      var card = document.querySelector('.event-card[data-event="' + id + '"]');
      if (card) { select(card); card.scrollIntoView({ block: "nearest", behavior: "smooth" }); }
    });
  });
})();
