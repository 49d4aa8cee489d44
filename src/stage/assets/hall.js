// The hall: the audience as a panel per partition and a cell per member,
// drawn from the `hall` event's JSON (see src/stage/hall.rs), and one
// member's story. Used by projector.js, which owns the page and its views;
// this file only draws into the elements it is given. Names go in as text
// only (textContent), never as HTML.
"use strict";
window.Hall = (function () {
  const MAX_STORY = 30;
  const history = new Map();  // "P/id" -> [{at, text, crashed}]
  const seen = new Map();     // "P/id" -> {pid, status}
  const panels = new Map();   // partition -> its panel's elements

  // No text under 1/60 of the screen's height.
  const minText = () => window.innerHeight / 60;

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
  // at a readable size: the name (in smaller type, down to the least
  // readable, if need be), else its first letters, else nothing.
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
      const tries = [[text, ""], [m.id, ""], [m.id, minText() * 1.05 + "px"], [[...m.id].slice(0, 2).join(""), ""], ["", ""]];
      for (const [label, size] of tries) {
        cell.textContent = label;
        cell.style.fontSize = size;
        if (cell.scrollWidth <= cell.clientWidth) break;
      }
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

  // The hall, or only partition `zoomed` (its cells named), in `hall`.
  function draw(hall, data, zoomed) {
    if (!data) return;
    const shown = zoomed === undefined
      ? data.partitions
      : data.partitions.filter((p) => p.name === zoomed);
    const cols = hallColumns(hall, shown);
    hall.style.setProperty("--cols", cols);
    const wanted = shown.map((p) => panelFor(p).panel);
    if (wanted.length !== hall.children.length || wanted.some((p, i) => hall.children[i] !== p)) {
      hall.replaceChildren(...wanted);
      shown.forEach((p) => { panelFor(p).key = ""; });
    }
    shown.forEach((p) => drawPanel(p, zoomed !== undefined));
  }

  // The columns that give the smallest partition's cells the most room.
  function hallColumns(hall, shown) {
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
  function remember(data) {
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

  // Member `id` of partition `name`: into the story's three elements.
  function story(parts, data, name, id) {
    const p = data && data.partitions.find((x) => x.name === name);
    const m = p && p.members.find((x) => x.id === id);
    parts.name.textContent = id;
    parts.now.textContent = m
      ? `${icon(m.status === "running" || m.status === "fresh" ? "" : m.status)} ${m.pid} in ${name} · ${m.status} · ↻${m.restarts}`
      : `not in ${name} now`;
    const list = parts.log;
    list.replaceChildren(...(history.get(name + "/" + id) || []).slice().reverse().map((entry) => {
      const li = el("li", entry.crashed ? "crashed" : "", `${entry.at}  ${entry.text}`);
      return li;
    }));
    while (list.children.length > 1 && list.scrollHeight > list.clientHeight) list.lastChild.remove();
  }

  // The page changed size (or the caption did): every panel lays out its
  // cells again on its next drawing.
  function relayout() {
    panels.forEach((p) => { p.key = ""; });
  }

  return { draw, remember, story, relayout, icon };
})();
