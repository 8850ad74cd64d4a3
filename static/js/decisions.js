// Inline decisions (htmx). htmx leaves a card as it is when a decision is refused (4xx) or fails
// (5xx, no connection); this shows why in the card's message area, and keeps what was typed in
// this tab's sessionStorage, so that it comes back when the page does (after logging in again).
(function () {
  "use strict";

  var KEY = "tkd-concept:";
  var FALLBACK = {
    403: "U mag dit niet (meer) doen; er is niets opgeslagen.",
    server: "Er ging iets mis op de server; er is niets opgeslagen. Uw toelichting blijft staan: probeer het later nog eens.",
    offline: "De server is niet bereikbaar; er is niets opgeslagen. Uw toelichting blijft staan: probeer het zo nog eens."
  };

  function store(action) {
    try {
      return action(window.sessionStorage);
    } catch (error) {
      return null; // storage switched off: the note still stays in the form on this page
    }
  }

  function drafts(root) {
    return root.querySelectorAll ? root.querySelectorAll("[data-draft][id]") : [];
  }

  function keep(form) {
    drafts(form).forEach(function (field) {
      if (field.value.trim()) {
        store(function (s) { s.setItem(KEY + field.id, field.value); });
      }
    });
  }

  function forget(form) {
    drafts(form).forEach(function (field) {
      store(function (s) { s.removeItem(KEY + field.id); });
    });
  }

  function restore() {
    drafts(document).forEach(function (field) {
      var kept = store(function (s) { return s.getItem(KEY + field.id); });
      if (kept && !field.value) {
        field.value = kept;
      }
    });
  }

  function fallback(text) {
    var message = document.createElement("p");
    message.className = "message error";
    message.setAttribute("role", "alert");
    message.textContent = text;
    return message;
  }

  function messageFrom(xhr) {
    var page = new DOMParser().parseFromString(xhr.responseText || "", "text/html");
    var ours = page.querySelector("[data-decision-message]");
    if (ours) {
      return document.importNode(ours, true);
    }
    return fallback(xhr.status === 403 ? FALLBACK[403] : FALLBACK.server);
  }

  function show(form, message) {
    var card = form.closest ? form.closest(".card") : null;
    var area = card ? card.querySelector(".decision-message") : null;
    if (area) {
      area.replaceChildren(message);
    }
  }

  document.addEventListener("htmx:responseError", function (event) {
    keep(event.detail.elt);
    show(event.detail.elt, messageFrom(event.detail.xhr));
  });
  document.addEventListener("htmx:sendError", function (event) {
    keep(event.detail.elt);
    show(event.detail.elt, fallback(FALLBACK.offline));
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    if (event.detail.successful) {
      forget(event.detail.elt);
    }
  });
  restore();
})();
