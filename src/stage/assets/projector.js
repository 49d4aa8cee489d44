// The projector page: follows /events and shows the tree (SVG drawn by the
// server), the ticker (the REPL's lines, already escaped by the server)
// and the latest `say` as a caption. No other host is contacted.
"use strict";
(function () {
  const tree = document.getElementById("tree");
  const ticker = document.getElementById("ticker");
  const caption = document.getElementById("caption");
  const status = document.getElementById("status");
  const MAX_LINES = 40;
  document.getElementById("join-url").textContent = location.host + "/join";

  function connect() {
    const events = new EventSource("/events");
    events.onopen = () => { status.textContent = "live"; status.dataset.state = "live"; };
    events.onerror = () => { status.textContent = "reconnecting…"; status.dataset.state = "lost"; };
    events.addEventListener("svg", (e) => { tree.innerHTML = e.data; });
    events.addEventListener("line", (e) => {
      const li = document.createElement("li");
      li.innerHTML = e.data; // escaped server-side: spans for colours only
      ticker.appendChild(li);
      while (ticker.children.length > MAX_LINES) ticker.removeChild(ticker.firstChild);
    });
    events.addEventListener("say", (e) => {
      caption.textContent = e.data;
      caption.hidden = false;
    });
  }
  connect();
})();
