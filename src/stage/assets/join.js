// The audience page: join with a name, then crash your own process and
// watch its life: its pid, its restarts, the count it restored from the
// state server, its partition going down and coming back. The membership
// is an HttpOnly cookie; this script never sees it. Every text from the
// server goes in with textContent.
//
// Phones lose Wi-Fi. A browser's EventSource reconnects by itself only
// sometimes (Chromium gives up, readyState CLOSED, when a reconnection
// fails outright), and a stream whose network vanished may never error at
// all. So the page watches its stream: the server sends at least a
// keepalive every few seconds (the keepalive says how many), a stream
// silent for much longer counts as dead, and a dead or closed stream is
// opened again with backoff, after asking the server who this phone is
// now (a restart it missed shows as the current pid and restarts).
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const form = $("join-form"), me = $("me"), message = $("message"), log = $("log"), link = $("link");
  // The stream: the EventSource, the timer that declares it dead, the
  // timer of the next attempt, the backoff, and the keepalive period the
  // server announced (seconds).
  let events = null, watchdog = 0, retry = 0, backoff = 1000, keepalive = 15;
  let shownPid = "";

  // A log line from pieces: strings are text, [text] is kept on one line
  // (a pid, a partition name).
  function note(kind, ...pieces) {
    const li = document.createElement("li");
    for (const piece of pieces) {
      if (Array.isArray(piece)) {
        const keep = document.createElement("span");
        keep.className = "keep";
        keep.textContent = piece[0];
        li.appendChild(keep);
      } else li.appendChild(document.createTextNode(piece));
    }
    if (kind) li.className = kind;
    log.insertBefore(li, log.firstChild);
    while (log.children.length > 12) log.removeChild(log.lastChild);
  }

  function plural(n, one, many) {
    return n + " " + (n === 1 ? one : many);
  }

  function setLink(state) {
    link.hidden = false;
    link.dataset.state = state;
    document.body.dataset.link = state;
    link.textContent = state === "live" ? "live" : "reconnecting…";
  }

  function showPid(pid) {
    const el = $("pid");
    el.textContent = pid || "(restarting)";
    if (pid === shownPid) return;
    shownPid = pid;
    el.classList.remove("fresh");
    void el.offsetWidth; // restart the fade-in
    el.classList.add("fresh");
  }

  function partitionState(up, why) {
    const el = $("partition-state");
    el.dataset.state = up ? "up" : "down";
    el.textContent = up ? $("partition").textContent + " is up" : why;
  }

  function showRestored(count, joined) {
    if (count === null || count === undefined) return;
    $("restored").textContent = String(count);
    $("state").textContent = "restored from the state server: " + plural(count, "crash", "crashes") +
      (joined ? ", joined " + new Date(joined * 1000).toLocaleTimeString() : "");
  }

  // The whole membership, as /me, /join and the first frame of every
  // stream give it: where things are now.
  function apply(member) {
    form.hidden = true;
    me.hidden = false;
    $("partition").textContent = member.partition;
    $("member-name").textContent = member.name;
    $("restarts").textContent = String(member.restarts || 0);
    showRestored(member.restored, member.joined);
    showPid(member.pid);
    if (member.pid) partitionState(true);
  }

  // A membership from a new stream or from /me: if the pid changed, a
  // restart happened while this page was not listening.
  function caughtUp(member) {
    if (shownPid && member.pid && member.pid !== shownPid) {
      note("started", "while this page was away your process restarted: now ", [member.pid]);
    }
    apply(member);
  }

  function onMember(m) {
    switch (m.type) {
      case "member":
        caughtUp(m);
        setLink("live");
        backoff = 1000;
        break;
      case "crashed":
        note("crashed", "your process ", [m.pid], " crashed: " + m.reason);
        break;
      case "started":
        showPid(m.pid);
        $("restarts").textContent = String(m.restarts);
        partitionState(true);
        note("started", "your supervisor restarted you as ", [m.pid]);
        break;
      case "restored":
        showRestored(m.count, m.joined);
        note("restored", "state restored: ", ["count " + m.count]);
        break;
      case "partition_down":
        $("pid").textContent = "(down)";
        partitionState(false, m.partition + " is down: " + m.reason);
        note("down", "partition ", [m.partition], " went down (" + m.reason + "): the top supervisor restarts it");
        break;
      case "audience_down":
        $("pid").textContent = "(down)";
        partitionState(false, "the whole audience tree is down: back in " + plural(m.back_in, "second", "seconds"));
        note("down", "the whole audience tree went down (" + m.reason + "): the stage starts it again in " +
          plural(m.back_in, "second", "seconds") + ", and you with it");
        break;
      case "rejoined":
        apply(m);
        note("started", [m.partition], " is back: you rejoined as ", [m.pid]);
        break;
      case "forgotten":
        forgotten("the presenter reset the demo: join again");
        break;
    }
  }

  function stopStream() {
    clearTimeout(watchdog);
    if (events) { events.close(); events = null; }
  }

  // Something came on the stream: it is alive for another few keepalives.
  function heard() {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => { setLink("reconnecting"); retryLater(); }, keepalive * 2500);
  }

  function connect() {
    stopStream();
    const source = new EventSource("/events/me");
    events = source;
    source.addEventListener("member", (e) => { heard(); onMember(JSON.parse(e.data)); });
    source.addEventListener("keepalive", (e) => { keepalive = Number(e.data) || keepalive; heard(); });
    source.onerror = () => {
      if (events !== source) return;
      setLink("reconnecting");
      // CONNECTING: the browser tries again by itself (the watchdog
      // catches it if that hangs); CLOSED: it gave up, so we try.
      if (source.readyState === EventSource.CLOSED) retryLater();
    };
    heard();
  }

  // Another attempt after the backoff, with jitter so that a room whose
  // Wi-Fi comes back does not reconnect all at the same instant.
  function retryLater() {
    stopStream();
    if (retry) return;
    const wait = backoff * (0.5 + Math.random() / 2);
    backoff = Math.min(backoff * 2, 16000);
    retry = setTimeout(reconnect, wait);
  }

  // Who this phone is now. On a link that went silent a request may never
  // be answered: it is given up after a while, like the stream.
  function whoAmI() {
    const giveUp = new AbortController();
    const timer = setTimeout(() => giveUp.abort(), 10000);
    return fetch("/me", { credentials: "same-origin", cache: "no-store", signal: giveUp.signal })
      .then((r) => r.json())
      .finally(() => clearTimeout(timer));
  }

  let asking = false;
  async function reconnect() {
    clearTimeout(retry);
    retry = 0;
    if (asking) return; // the "online" event and the timer, together
    asking = true;
    try {
      const m = await whoAmI();
      if (m.member) { caughtUp(m); connect(); }
      else forgotten("the stage does not know this phone any more: join again");
    } catch (_) {
      retryLater();
    } finally {
      asking = false;
    }
  }

  // Back online or back in front: no need to wait for the backoff.
  function reconnectNowIfLost() {
    if (!me.hidden && link.dataset.state !== "live") reconnect();
  }
  window.addEventListener("online", reconnectNowIfLost);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") reconnectNowIfLost();
  });

  function forgotten(why) {
    stopStream();
    clearTimeout(retry);
    retry = 0;
    shownPid = "";
    note("down", why);
    link.hidden = true;
    me.hidden = true;
    form.hidden = false;
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
    try {
      const answer = await post("/join", "name=" + encodeURIComponent($("name").value));
      if (answer.ok) { message.textContent = ""; apply(answer.data); connect(); }
      else message.textContent = answer.data.error || ("could not join (" + answer.status + ")");
    } catch (_) {
      message.textContent = "could not reach the stage: check the Wi-Fi and press Join again";
    }
  });

  $("crash").addEventListener("click", async () => {
    try {
      const answer = await post("/crash", "");
      if (answer.ok) message.textContent = "crashed " + answer.data.crashed + " (crash #" + answer.data.count + ")";
      else message.textContent = answer.data.error || ("could not crash (" + answer.status + ")");
    } catch (_) {
      message.textContent = "could not reach the stage: reconnecting…";
      setLink("reconnecting");
      retryLater();
    }
  });

  whoAmI()
    .then((m) => { if (m.member) { apply(m); connect(); } else form.hidden = false; })
    .catch(() => { form.hidden = false; });
})();
