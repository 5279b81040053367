/* Quick exit: the "Quitter le site" button and Shift pressed three times in a row
 * both replace the current history entry with the neutral site from the settings,
 * so the Back button does not return here. Other keys in between reset the count,
 * so typing capital letters in a form never triggers it. */
(function () {
  "use strict";
  var target = document.body.getAttribute("data-quick-exit-url");
  if (!target) {
    return;
  }
  document.documentElement.classList.remove("no-js");

  function quickExit(event) {
    if (event) {
      event.preventDefault();
    }
    document.body.classList.add("is-exiting");
    document.title = "";
    window.location.replace(target);
  }

  var links = document.querySelectorAll("[data-quick-exit]");
  for (var i = 0; i < links.length; i++) {
    links[i].addEventListener("click", quickExit);
  }

  var presses = 0;
  var last = 0;
  var WINDOW_MS = 2000;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") {
      presses = 0;
      return;
    }
    if (event.repeat) {
      return;
    }
    var now = Date.now();
    presses = now - last <= WINDOW_MS ? presses + 1 : 1;
    last = now;
    if (presses >= 3) {
      presses = 0;
      quickExit();
    }
  });
})();
