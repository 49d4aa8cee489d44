// The projector page: follows /events and shows the tree (SVG drawn by the
// server), the hall (the audience as a panel per partition, from the
// `hall` event's JSON), one member's story, the ticker (the REPL's lines,
// already escaped by the server) and the latest `say` as a caption.
//
// Views, by URL fragment: #tree, #tree=ROOT (one root's tree), #hall,
// #p=PARTITION (one partition zoomed), #m=PARTITION/ID (one member).
// Without one the page shows the hall once someone joined, the tree
// before. Keys: t tree, h hall, 1-9 a root (in the tree) or a partition,
// Esc one level up, l light or dark; a click zooms in (or out). Names from the audience
// go in as text only. No other host is contacted.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const tree = $("tree"), hall = $("hall"), story = $("story");
  const ticker = $("ticker"), caption = $("caption"), status = $("status");
  const MAX_LINES = 40, MAX_STORY = 30;
  let data = null;            // the latest hall
  const history = new Map();  // "P/id" -> [{at, text, crashed}]
  const seen = new Map();     // "P/id" -> {pid, status}
  const panels = new Map();   // partition -> its panel's elements

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
  const minText = () => window.innerHeight / 60;

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

  // Drops words from the end of an element's text until it fits its width.
  function fitLine(el, text) {
    el.textContent = text;
    let words = text.split(" ");
    while (el.scrollWidth > el.clientWidth && words.length > 1) {
      words = words.slice(0, -1);
      el.textContent = words.join(" ") + " …";
    }
    let chars = [...el.textContent];
    while (el.scrollWidth > el.clientWidth && chars.length > 1) {
      chars = chars.slice(0, -2).concat("…");
      el.textContent = chars.join("");
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

  // ---- the hall ----
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function icon(s) {
    return { crashed: "✕", gaveup: "⊘", restarting: "↻", notrunning: "○" }[s] || "◆";
  }

  // The best grid for n cells of aspect w:h = aspect in a W x H box.
  function grid(n, W, H, gap, aspect) {
    let best = { c: 1, w: 0, h: 0 };
    for (let c = 1; c <= Math.max(1, n); c++) {
      const r = Math.ceil(n / c);
      const h = Math.min((W - (c - 1) * gap) / c / aspect, (H - (r - 1) * gap) / r);
      if (h > best.h) best = { c, w: Math.floor(h * aspect), h: Math.floor(h) };
    }
    return best;
  }

  function panelFor(p) {
    let parts = panels.get(p.name);
    if (parts) return parts;
    const panel = el("article", "panel");
    panel.dataset.partition = p.name;
    const head = el("header", "panel-head");
    const mark = el("span", "icon");
    const name = el("h2", "", p.name);
    const count = el("span", "count");
    const restarts = el("span", "restarts");
    head.append(mark, name, count, restarts);
    const budget = el("div", "p-budget");
    const bar = el("div", "cells-bar");
    const used = el("span", "used-text");
    budget.append(bar, used);
    const stats = el("div", "panel-stats");
    const trace = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    trace.setAttribute("class", "trace");
    trace.setAttribute("preserveAspectRatio", "none");
    trace.setAttribute("role", "img");
    const last = el("span", "last");
    stats.append(trace, last);
    const cells = el("div", "member-cells");
    panel.append(head, budget, stats, cells);
    panel.addEventListener("click", (e) => {
      const cell = e.target.closest(".cell");
      if (cell) location.hash = "#m=" + encodeURIComponent(p.name + "/" + cell.dataset.id);
      else location.hash = "#p=" + encodeURIComponent(p.name);
    });
    parts = { panel, mark, restarts, count, trace, bar, used, last, cells, byId: new Map(), key: "" };
    panels.set(p.name, parts);
    return parts;
  }

  function drawTrace(svg, trace) {
    const n = Math.max(trace.length, 2), max = Math.max(1, ...trace);
    svg.setAttribute("viewBox", `0 -0.5 ${n - 1} 11`);
    svg.setAttribute("aria-label", "crashes per 2 s: " + trace.join(" "));
    const points = trace.map((v, i) => `${i},${(10 - 9 * v / max).toFixed(2)}`).join(" ");
    svg.innerHTML = `<line x1="0" y1="10" x2="${n - 1}" y2="10"></line><polyline points="${points}"></polyline>`;
  }

  function drawBudget(parts, p) {
    const cells = Math.max(1, Math.min(10, p.intensity));
    const filled = p.intensity <= cells ? p.used : Math.ceil(p.used * cells / p.intensity);
    if (parts.bar.children.length !== cells) {
      parts.bar.replaceChildren(...Array.from({ length: cells }, () => el("span", "g")));
    }
    [...parts.bar.children].forEach((g, i) => {
      g.className = "g" + (i < filled ? (p.used >= p.intensity ? " used full" : " used") : "");
    });
    parts.used.textContent = `↻${p.used}/${p.intensity}`;
    parts.used.title = `${p.used} of ${p.intensity} restarts allowed in ${p.period} used`;
  }

  // Cells for the partition's members, updated in place: a member keeps
  // its cell (and its place) while others come and go after it.
  function drawCells(parts, p, zoomed) {
    const key = p.members.map((m) => m.id).join("\n") + (zoomed ? "+z" : "");
    const relayout = key !== parts.key;
    if (relayout) {
      parts.key = key;
      const cells = p.members.map((m) => {
        let cell = parts.byId.get(m.id);
        if (!cell) { cell = el("span", "cell"); cell.dataset.id = m.id; }
        return cell;
      });
      parts.byId = new Map(p.members.map((m, i) => [m.id, cells[i]]));
      parts.cells.replaceChildren(...cells);
    }
    p.members.forEach((m) => {
      const cell = parts.byId.get(m.id);
      const cls = "cell " + m.status + (m.restarts > 0 ? " restarted" : "");
      if (cell.className !== cls) cell.className = cls;
      cell.title = `${m.id} ${m.pid} ${m.status}${m.restarts ? " ↻" + m.restarts : ""}`;
    });
    if (relayout) fitCells(parts, p, zoomed);
  }

  // Sizes the cells to fill the panel, and labels them when a label fits
  // at a readable size: the name, else its first letters, else nothing.
  function fitCells(parts, p, zoomed) {
    const box = parts.cells;
    const W = box.clientWidth, H = box.clientHeight;
    if (!W || !H) return;
    const gap = Math.max(2, window.innerHeight / 300);
    const g = grid(p.members.length, W, H, gap, zoomed ? 2.8 : 1.4);
    // The columns chosen, the cells take what room is left over too.
    const rows = Math.ceil(p.members.length / g.c);
    g.w = Math.floor((W - (g.c - 1) * gap) / g.c);
    g.h = Math.floor(Math.min((H - (rows - 1) * gap) / rows, g.w / (zoomed ? 2.2 : 1)));
    box.style.setProperty("--c", g.c);
    box.style.setProperty("--w", g.w + "px");
    box.style.setProperty("--h", g.h + "px");
    box.style.setProperty("--g", gap + "px");
    const font = Math.min(g.h * 0.62, window.innerHeight / 30);
    const labelled = font >= minText() * 1.05;
    box.style.setProperty("--cell-font", Math.max(font, minText() * 1.05) + "px");
    p.members.forEach((m) => {
      const cell = parts.byId.get(m.id);
      if (!labelled) { cell.textContent = ""; return; }
      const text = zoomed && m.restarts ? `${m.id} ↻${m.restarts}` : m.id;
      cell.textContent = text;
      if (cell.scrollWidth > cell.clientWidth) cell.textContent = m.id;
      if (cell.scrollWidth > cell.clientWidth) cell.textContent = [...m.id].slice(0, 2).join("");
      if (cell.scrollWidth > cell.clientWidth) cell.textContent = "";
    });
  }

  function drawPanel(p, zoomed) {
    const parts = panelFor(p);
    parts.panel.className = "panel " + p.status;
    parts.mark.textContent = icon(p.status);
    parts.restarts.textContent = p.restarts ? "↻" + p.restarts : "";
    parts.count.textContent = `${p.alive}/${p.total} up`;
    drawTrace(parts.trace, p.trace.length ? p.trace : [0]);
    drawBudget(parts, p);
    const last = p.status === "gaveup" ? "⊘ gave up: " + p.reason
      : p.last.length ? "✕ " + p.last.join(", ") : "no crash yet";
    parts.last.classList.toggle("none", !p.last.length && p.status !== "gaveup");
    fitLine(parts.last, last);
    drawCells(parts, p, zoomed);
    return parts.panel;
  }

  function drawHall() {
    if (!data) return;
    const v = view();
    const shown = v.kind === "partition"
      ? data.partitions.filter((p) => p.name === v.name)
      : data.partitions;
    const cols = hallColumns(shown);
    hall.style.setProperty("--cols", cols);
    const wanted = shown.map((p) => panelFor(p).panel);
    if (wanted.length !== hall.children.length || wanted.some((p, i) => hall.children[i] !== p)) {
      hall.replaceChildren(...wanted);
      shown.forEach((p) => { panelFor(p).key = ""; });
    }
    shown.forEach((p) => drawPanel(p, v.kind === "partition"));
  }

  // The columns that give the smallest partition's cells the most room.
  function hallColumns(shown) {
    const n = shown.length;
    if (n <= 1) return 1;
    const W = hall.clientWidth || window.innerWidth, H = hall.clientHeight || window.innerHeight;
    // A panel's three lines above its cells, and the least width they need.
    const head = window.innerHeight * 0.12, least = window.innerHeight * 0.3;
    let best = 1, bestSize = -1;
    for (let c = 1; c <= n; c++) {
      if (c > 1 && W / c < least) break;
      const r = Math.ceil(n / c);
      const pw = W / c, ph = H / r - head;
      if (ph <= 0) continue;
      const size = Math.min(...shown.map((p) => grid(Math.max(1, p.members.length), pw, ph, 2, 1.4).h));
      if (size > bestSize) { best = c; bestSize = size; }
    }
    return best;
  }

  // ---- one member's story, from what the hall frames showed ----
  function remember() {
    const now = new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
    for (const p of data.partitions) {
      for (const m of p.members) {
        const key = p.name + "/" + m.id;
        const before = seen.get(key);
        const log = history.get(key) || [];
        if (!before) log.push({ at: now, text: `first seen as ${m.pid || "…"}` });
        else {
          if (m.status === "crashed" && before.status !== "crashed") {
            log.push({ at: now, text: `✕ crashed: ${m.reason || "?"}`, crashed: true });
          }
          if (m.pid && m.pid !== before.pid) log.push({ at: now, text: `↻ restarted as ${m.pid}` });
        }
        while (log.length > MAX_STORY) log.shift();
        history.set(key, log);
        seen.set(key, { pid: m.pid || before?.pid, status: m.status });
      }
    }
  }

  function drawStory(name, id) {
    const p = data && data.partitions.find((x) => x.name === name);
    const m = p && p.members.find((x) => x.id === id);
    $("story-name").textContent = id;
    $("story-now").textContent = m
      ? `${icon(m.status === "running" || m.status === "fresh" ? "" : m.status)} ${m.pid} in ${name} · ${m.status} · ↻${m.restarts}`
      : `not in ${name} now`;
    const list = $("story-log");
    list.replaceChildren(...(history.get(name + "/" + id) || []).slice().reverse().map((entry) => {
      const li = el("li", entry.crashed ? "crashed" : "", `${entry.at}  ${entry.text}`);
      return li;
    }));
    while (list.children.length > 1 && list.scrollHeight > list.clientHeight) list.lastChild.remove();
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
    else if (v.kind === "member") drawStory(v.name, v.id);
    else drawHall();
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
    panels.forEach((p) => { p.key = ""; });
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
      if (data) remember();
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
      panels.forEach((p) => { p.key = ""; });
      show();
    });
  }
  show();
  connect();
})();
