// The audience page: join with a name, then crash your own process and
// watch it come back. The membership is an HttpOnly cookie; this script
// never sees it. Every text from the server goes in with textContent.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const form = $("join-form"), me = $("me"), message = $("message"), log = $("log");
  let events = null;

  function note(text, kind) {
    const li = document.createElement("li");
    li.textContent = text;
    if (kind) li.className = kind;
    log.insertBefore(li, log.firstChild);
    while (log.children.length > 12) log.removeChild(log.lastChild);
  }

  function showPid(pid) {
    const el = $("pid");
    el.textContent = pid || "(restarting)";
    el.classList.remove("fresh");
    void el.offsetWidth; // restart the fade-in
    el.classList.add("fresh");
  }

  function show(member) {
    form.hidden = true;
    me.hidden = false;
    $("partition").textContent = member.partition;
    $("member-name").textContent = member.name;
    showPid(member.pid);
    follow();
  }

  function joinedAt(seconds) {
    return seconds ? new Date(seconds * 1000).toLocaleTimeString() : "?";
  }

  function follow() {
    if (events) return;
    events = new EventSource("/events/me");
    events.addEventListener("member", (e) => {
      const m = JSON.parse(e.data);
      switch (m.type) {
        case "crashed":
          note("your process " + m.pid + " crashed: " + m.reason, "crashed");
          break;
        case "started":
          showPid(m.pid);
          note("your supervisor restarted you as " + m.pid, "started");
          break;
        case "restored":
          $("state").textContent = "restored from the state server: " + m.count +
            " crash(es), joined " + joinedAt(m.joined);
          note("state restored: count " + m.count, "restored");
          break;
        case "partition_down":
          $("pid").textContent = "(down)";
          note("partition " + m.partition + " went down (" + m.reason + "): the top supervisor restarts it", "down");
          break;
        case "audience_down":
          $("pid").textContent = "(down)";
          note("the whole audience tree went down (" + m.reason + "): the stage starts it again in " +
            m.back_in + " s, and you with it", "down");
          break;
        case "rejoined":
          showPid(m.pid);
          note(m.partition + " is back: you rejoined as " + m.pid, "started");
          break;
        case "forgotten":
          note("the presenter reset the demo: join again", "down");
          events.close(); events = null;
          me.hidden = true; form.hidden = false;
          break;
        case "member":
          if (m.pid) showPid(m.pid);
          break;
      }
    });
  }

  async function post(path, body) {
    const response = await fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: body,
      credentials: "same-origin",
    });
    let data = {};
    try { data = await response.json(); } catch (_) { /* not JSON */ }
    return { ok: response.ok, status: response.status, data: data };
  }

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    message.textContent = "joining…";
    const answer = await post("/join", "name=" + encodeURIComponent($("name").value));
    if (answer.ok) { message.textContent = ""; show(answer.data); }
    else message.textContent = answer.data.error || ("could not join (" + answer.status + ")");
  });

  $("crash").addEventListener("click", async () => {
    const answer = await post("/crash", "");
    if (answer.ok) message.textContent = "crashed " + answer.data.crashed + " (crash #" + answer.data.count + ")";
    else message.textContent = answer.data.error || ("could not crash (" + answer.status + ")");
  });

  fetch("/me", { credentials: "same-origin" })
    .then((r) => r.json())
    .then((m) => { if (m.member) show(m); else form.hidden = false; })
    .catch(() => { form.hidden = false; });
})();
