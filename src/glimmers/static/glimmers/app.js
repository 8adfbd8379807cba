// Glimmers: the little JavaScript the pages use. Everything works without it.
(function () {
  "use strict";
  // The welcome form sends the browser's time zone so days start at the person's midnight.
  function fillTimeZone() {
    var zone = "";
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    } catch (error) {
      zone = "";
    }
    document.querySelectorAll('input[type="hidden"][name="time_zone"]').forEach(function (input) {
      if (!input.value) {
        input.value = zone;
      }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", fillTimeZone);
  } else {
    fillTimeZone();
  }
})();
// Printing: show folded sections (the chart's table among them) in full.
(function () {
  "use strict";
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.fold:not([open])").forEach(function (details) {
      details.setAttribute("open", "");
      details.setAttribute("data-opened-for-print", "");
    });
  });
  window.addEventListener("afterprint", function () {
    document.querySelectorAll("details[data-opened-for-print]").forEach(function (details) {
      details.removeAttribute("open");
      details.removeAttribute("data-opened-for-print");
    });
  });
})();
// The menu's "More": Escape or a click elsewhere folds it away again.
(function () {
  "use strict";
  function openMore() {
    return document.querySelector(".nav-more details[open]");
  }
  document.addEventListener("keydown", function (event) {
    var more = openMore();
    if (event.key === "Escape" && more) {
      more.open = false;
      more.querySelector("summary").focus();
    }
  });
  document.addEventListener("click", function (event) {
    var more = openMore();
    if (more && !more.contains(event.target)) {
      more.open = false;
    }
  });
})();
