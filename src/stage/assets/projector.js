// The projector page: follows /events and shows the tree (SVG drawn by the
// server), the hall (the audience as a panel per partition, from the
// `hall` event's JSON, drawn by hall.js), one member's story, the ticker
// (the REPL's lines, already escaped by the server) and the latest `say`
// as a caption.
//
// Views, by URL fragment: #tree, #tree=ROOT (one root's tree), #hall,
// #p=PARTITION (one partition zoomed), #m=PARTITION/ID (one member).
// Without one the page shows the hall once someone joined, the tree
// before. Keys: t tree, h hall, 1-9 a root (in the tree) or a partition,
// Esc one level up, l light or dark; a click zooms in (or out). Names
// from the audience go in as text only. No other host is contacted.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const tree = $("tree"), hall = $("hall"), story = $("story");
  const ticker = $("ticker"), caption = $("caption"), status = $("status");
  const MAX_LINES = 40;
  let data = null;            // the latest hall
  const storyParts = { name: $("story-name"), now: $("story-now"), log: $("story-log") };

  $("join-url").textContent = location.host + "/join";

  // ---- themes ----
  const params = new URLSearchParams(location.search);
  let theme = params.get("theme") || localStorage.getItem("lic-theme") || "dark";
  function setTheme(next) {
    theme = next === "light" ? "light" : "dark";
    document.documentElement.dataset.theme = theme;
    $("theme").textContent = theme === "dark" ? "◐ light" : "◑ dark";
    try { localStorage.setItem("lic-theme", theme); } catch (e) { /* private mode */ }
  }
  setTheme(theme);
  $("theme").addEventListener("click", () => setTheme(theme === "dark" ? "light" : "dark"));

  // ---- text that must fit ----
  // Fits an SVG text to the room its box leaves (data-w, in SVG units),
  // measured: as much of the whole text (data-full, when the server cut
  // it by estimate) as fits, then "…".
  function fitSvgText(root) {
    for (const text of root.querySelectorAll("text[data-w]")) {
      const room = Number(text.dataset.w);
      if (text.dataset.full) text.textContent = text.dataset.full;
      let letters = [...text.textContent];
      while (letters.length > 1 && text.getComputedTextLength() > room) {
        letters = letters.slice(0, letters[letters.length - 1] === "…" ? -2 : -1).concat("…");
        text.textContent = letters.join("");
      }
    }
  }

  // ---- captions: `code` and *emphasis*, built as elements, never HTML ----
  let said = null;
  function renderCaption(text) {
    said = text;
    caption.replaceChildren();
    const parts = text.split("`");
    parts.forEach((part, i) => {
      // An unmatched last backtick stays a backtick.
      if (i % 2 === 1 && i < parts.length - 1) {
        const code = document.createElement("code");
        code.textContent = part;
        caption.appendChild(code);
        return;
      }
      const literal = i % 2 === 1 ? "`" + part : part;
      const emphasis = /\*([^*\s](?:[^*]*[^*\s])?)\*/g;
      let last = 0, m;
      while ((m = emphasis.exec(literal)) !== null) {
        caption.appendChild(document.createTextNode(literal.slice(last, m.index)));
        const em = document.createElement("em");
        em.textContent = m[1];
        caption.appendChild(em);
        last = m.index + m[0].length;
      }
      caption.appendChild(document.createTextNode(literal.slice(last)));
    });
    caption.hidden = false;
    // A long caption in smaller type, so that the ticker keeps a few lines.
    caption.classList.remove("long");
    if (caption.offsetHeight > caption.parentElement.clientHeight * 0.6) caption.classList.add("long");
  }

  // ---- the ticker keeps only whole lines that fit ----
  let trimming = false;
  function trimTicker() {
    while (ticker.children.length > MAX_LINES) ticker.removeChild(ticker.firstChild);
    while (ticker.children.length > 1 && ticker.scrollHeight > ticker.clientHeight) {
      ticker.removeChild(ticker.firstChild);
    }
  }

  // ---- one root of the tree, zoomed ----
  // The drawing's viewBox narrowed to one root's nodes: a big tree whose
  // whole would be too small to read is read a root at a time.
  function roots() {
    return [...tree.querySelectorAll("g.node")].map((g) => g.dataset.path).filter((p) => !p.includes("/"));
  }

  function zoomTree(root) {
    const svg = tree.querySelector("svg");
    if (!svg) return;
    if (!svg.dataset.whole) svg.dataset.whole = svg.getAttribute("viewBox");
    const all = [...svg.querySelectorAll("g.node, g.legend")];
    const nodes = root === undefined ? [] : all
      .filter((g) => g.dataset.path === root || g.dataset.path?.startsWith(root + "/"));
    // What is outside the zoomed part is not drawn at all (not merely
    // clipped), so that nothing of it is read past the edge.
    const outside = new Set(nodes.length ? all.filter((g) => !nodes.includes(g)) : []);
    all.forEach((g) => { g.style.display = outside.has(g) ? "none" : ""; });
    if (nodes.length === 0) {
      svg.setAttribute("viewBox", svg.dataset.whole);
      svg.querySelectorAll("path").forEach((line) => { line.style.display = ""; });
      return;
    }
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const g of nodes) {
      const at = /translate\(([-\d.]+),([-\d.]+)\)/.exec(g.getAttribute("transform"));
      const box = g.querySelector("rect.box");
      if (!at || !box) continue;
      const x = Number(at[1]), y = Number(at[2]);
      x0 = Math.min(x0, x); y0 = Math.min(y0, y);
      x1 = Math.max(x1, x + Number(box.getAttribute("width")));
      y1 = Math.max(y1, y + Number(box.getAttribute("height")));
    }
    const margin = 24;
    svg.setAttribute("viewBox", `${x0 - margin} ${y0 - margin} ${x1 - x0 + 2 * margin} ${y1 - y0 + 2 * margin}`);
    // Lines to nodes outside go too (the drawing's letterbox shows more
    // than the viewBox).
    for (const line of svg.querySelectorAll("path")) {
      const b = line.getBBox();
      const within = b.x >= x0 - 1 && b.y >= y0 - 1 && b.x + b.width <= x1 + margin && b.y + b.height <= y1 + 1;
      line.style.display = within ? "" : "none";
    }
  }

  // ---- views ----
  function view() {
    const h = decodeURIComponent(location.hash.slice(1));
    if (h === "tree") return { kind: "tree" };
    if (h.startsWith("tree=")) return { kind: "tree", root: h.slice(5) };
    if (h === "hall") return { kind: "hall" };
    if (h.startsWith("p=")) return { kind: "partition", name: h.slice(2) };
    if (h.startsWith("m=")) {
      const rest = h.slice(2), cut = rest.indexOf("/");
      return { kind: "member", name: rest.slice(0, cut), id: rest.slice(cut + 1) };
    }
    return { kind: data && data.members > 0 ? "hall" : "tree", auto: true };
  }

  function show() {
    const v = view();
    tree.hidden = v.kind !== "tree";
    hall.hidden = v.kind !== "hall" && v.kind !== "partition";
    story.hidden = v.kind !== "member";
    $("to-tree").classList.toggle("current", v.kind === "tree");
    $("to-hall").classList.toggle("current", v.kind !== "tree");
    if (v.kind === "tree") { zoomTree(v.root); fitSvgText(tree); }
    else if (v.kind === "member") Hall.story(storyParts, data, v.name, v.id);
    else Hall.draw(hall, data, v.kind === "partition" ? v.name : undefined);
  }

  tree.addEventListener("click", (e) => {
    const g = e.target.closest("g.node");
    if (!g) return;
    const root = g.dataset.path.split("/")[0];
    location.hash = view().root === root ? "#tree" : "#tree=" + encodeURIComponent(root);
  });
  window.addEventListener("hashchange", show);
  window.addEventListener("resize", () => {
    if (said !== null) renderCaption(said);
    Hall.relayout();
    show();
    trimTicker();
  });
  document.addEventListener("keydown", (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const v = view();
    if (e.key === "t") location.hash = "#tree";
    else if (e.key === "h") location.hash = "#hall";
    else if (e.key === "l") setTheme(theme === "dark" ? "light" : "dark");
    else if (/^[1-9]$/.test(e.key) && v.kind === "tree") {
      const root = roots()[Number(e.key) - 1];
      if (root !== undefined) location.hash = "#tree=" + encodeURIComponent(root);
    } else if (/^[1-9]$/.test(e.key) && data && data.partitions[Number(e.key) - 1]) {
      location.hash = "#p=" + encodeURIComponent(data.partitions[Number(e.key) - 1].name);
    } else if (e.key === "Escape") {
      location.hash = v.kind === "member" ? "#p=" + encodeURIComponent(v.name)
        : v.kind === "tree" ? "#tree" : "#hall";
    }
  });

  function connect() {
    const events = new EventSource("/events");
    events.onopen = () => { status.textContent = "live"; status.dataset.state = "live"; };
    events.onerror = () => { status.textContent = "reconnecting…"; status.dataset.state = "lost"; };
    events.addEventListener("svg", (e) => {
      tree.innerHTML = e.data; // drawn and escaped server-side
      if (!tree.hidden) { zoomTree(view().root); fitSvgText(tree); }
    });
    events.addEventListener("hall", (e) => {
      data = e.data ? JSON.parse(e.data) : null;
      if (data) Hall.remember(data);
      $("members").textContent = !data ? "" : data.members === 1 ? "1 joined" : `${data.members} joined`;
      show();
    });
    events.addEventListener("line", (e) => {
      const li = document.createElement("li");
      li.innerHTML = e.data; // escaped server-side: spans for colours only
      ticker.appendChild(li);
      // Once per frame, however many lines came: measuring costs a layout.
      if (!trimming) {
        trimming = true;
        requestAnimationFrame(() => { trimming = false; trimTicker(); });
      }
    });
    events.addEventListener("say", (e) => {
      renderCaption(e.data);
      trimTicker();
      Hall.relayout();
      show();
    });
  }
  show();
  connect();
})();
