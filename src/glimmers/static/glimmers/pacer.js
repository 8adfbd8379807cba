// The breathing pacer: in for 4 seconds, out for 6, for the chosen length. The page works
// without it (the words say how to breathe, the form below waits). With reduced motion the
// circle stays still and only the words and the count change.
(function () {
  "use strict";
  var IN = 4;
  var CYCLE = 10;

  function start(pacer) {
    var total = parseInt(pacer.getAttribute("data-seconds"), 10) || 30;
    var phase = pacer.querySelector("[data-phase]");
    var count = pacer.querySelector("[data-count]");
    var status = document.querySelector("[data-pacer-status]");
    var after = document.querySelector("[data-pacer-after]");
    var left = total;
    var timer = null;

    var stop = document.createElement("button");
    stop.type = "button";
    stop.className = "secondary";
    stop.textContent = pacer.getAttribute("data-stop");
    pacer.appendChild(stop);

    // "1 second left", "2 seconds left": the page holds a text per plural form of its language.
    var plural = window.Intl && Intl.PluralRules ? new Intl.PluralRules(document.documentElement.lang || "en") : null;
    function leftText(seconds) {
      var form = plural ? plural.select(seconds) : (seconds === 1 ? "one" : "other");
      var text = pacer.getAttribute("data-left-" + form) || pacer.getAttribute("data-left-other");
      return text.replace("__N__", String(seconds));
    }

    function show() {
      var second = (total - left) % CYCLE;
      phase.textContent = pacer.getAttribute(second < IN ? "data-in" : "data-out");
      count.textContent = leftText(left);
    }

    function finish() {
      window.clearInterval(timer);
      pacer.classList.remove("running");
      pacer.classList.add("finished");
      stop.remove();
      phase.textContent = "";
      count.textContent = pacer.getAttribute("data-done");
      if (status) {
        status.textContent = pacer.getAttribute("data-done");
      }
      if (after) {
        after.hidden = false;
        after.focus();
      }
    }

    stop.addEventListener("click", finish);
    if (after) {
      after.hidden = true;
    }
    pacer.classList.add("running");
    show();
    timer = window.setInterval(function () {
      left -= 1;
      if (left <= 0) {
        finish();
      } else {
        show();
      }
    }, 1000);
  }

  function init() {
    document.querySelectorAll("[data-pacer]").forEach(start);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
