/* Guide search: with JavaScript, submitting the search form fetches the same URL and
 * swaps the results region instead of reloading the page; the number of results is
 * announced in an aria-live region. Without JavaScript the form is a plain GET form. */
(function () {
  "use strict";
  var form = document.querySelector("[data-guide-search]");
  var results = document.querySelector("[data-guide-results]");
  var status = document.querySelector("[data-guide-status]");
  if (!form || !results || !status || !window.fetch || !window.DOMParser) {
    return;
  }

  function announce(region) {
    var count = region.querySelector("[data-guide-count]");
    status.textContent = count ? count.getAttribute("data-guide-count") : "";
  }

  function swapFrom(html, url) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var fresh = doc.querySelector("[data-guide-results]");
    if (!fresh) {
      window.location.assign(url);
      return;
    }
    // The form keeps what the visitor typed (and the focus); errors show in the results.
    results.innerHTML = fresh.innerHTML;
    announce(results);
  }

  function load(url, push) {
    form.setAttribute("aria-busy", "true");
    window
      .fetch(url, { headers: { Accept: "text/html" }, credentials: "same-origin" })
      .then(function (response) {
        return response.text();
      })
      .then(function (html) {
        swapFrom(html, url);
        if (push) {
          window.history.pushState({ guide: true }, "", url);
        }
      })
      .catch(function () {
        window.location.assign(url);
      })
      .finally(function () {
        form.removeAttribute("aria-busy");
      });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var params = new URLSearchParams(new FormData(form));
    params.delete("page");
    var url = form.getAttribute("action") + "?" + params.toString();
    load(url, true);
  });

  results.addEventListener("click", function (event) {
    var link = event.target.closest(".pagination a");
    if (link) {
      event.preventDefault();
      load(link.href, true);
      results.focus();
    }
  });

  window.addEventListener("popstate", function () {
    load(window.location.href, false);
  });
})();
