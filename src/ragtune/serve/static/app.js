// ragtune web page: ask, stream the answer (POST /v1/query with stream: true, server-sent
// events), list the sources (click one to open its chunk) and the strategy's steps.
// Document text is only ever inserted as text (textContent), never as HTML.
"use strict";
// $, params and el come from dom.js, loaded first.

let collectionUsed = "";

function key() { return $("key").value.trim(); }
function headers(json) {
  const h = json ? { "Content-Type": "application/json" } : {};
  if (key()) h["Authorization"] = "Bearer " + key();
  return h;
}
function setState(state, text) {
  document.body.dataset.state = state;
  $("status").textContent = text || "";
  $("status").className = state === "error" ? "error" : "";
  $("submit").disabled = state === "running";
}
async function errorText(resp) {
  try { return (await resp.json()).error.message; } catch (e) { return resp.status + " " + resp.statusText; }
}

async function loadModels() {
  try {
    const resp = await fetch("/v1/models", { headers: headers(false) });
    if (!resp.ok) return;
    const want = params.get("strategy") || $("strategy").value;
    const select = $("strategy");
    select.replaceChildren();
    for (const m of (await resp.json()).data) select.append(el("option", { value: m.id }, m.id));
    if ([...select.options].some((o) => o.value === want)) select.value = want;
  } catch (e) { /* the default list stays */ }
}

function showStep(step) {
  const summary = el("summary", {}, el("span", { class: "kind" }, step.kind),
    step.ms ? ` · ${Math.round(step.ms)} ms` : "", step.tokens ? ` · ${step.tokens} tokens` : "");
  const fmt = (x) => typeof x === "string" ? x : JSON.stringify(x, null, 1);
  const details = el("details", { class: "step" }, summary,
    el("pre", {}, "in: " + fmt(step.input)), el("pre", {}, "out: " + fmt(step.output)));
  $("steps").append(el("li", {}, details));
}

async function openChunk(chunkId) {
  const box = $("chunk");
  box.hidden = false;
  box.textContent = "loading " + chunkId + " …";
  const q = collectionUsed ? "?collection=" + encodeURIComponent(collectionUsed) : "";
  const resp = await fetch("/v1/chunks/" + encodeURIComponent(chunkId) + q, { headers: headers(false) });
  if (!resp.ok) { box.textContent = await errorText(resp); return; }
  const c = (await resp.json()).chunk;
  box.textContent = [c.title, c.heading, "", c.text].filter((x, i) => x || i === 2).join("\n");
}

function showSources(answer) {
  const list = $("sources");
  list.replaceChildren();
  const shown = new Set();
  const add = (docId, chunkId, kind, text) => {
    if (shown.has(chunkId)) return;
    shown.add(chunkId);
    const link = el("a", { href: "#", "data-chunk": chunkId }, docId);
    link.addEventListener("click", (ev) => { ev.preventDefault(); openChunk(chunkId); });
    list.append(el("li", { class: "source", "data-kind": kind }, link, el("span", { class: "kind" }, kind),
      el("span", { class: "quote" }, (text || "").slice(0, 240))));
  };
  for (const c of answer.citations || []) add(c.doc_id, c.chunk_id, "cited", c.quote);
  for (const h of answer.retrieved || []) add(h.doc_id, h.chunk_id, "retrieved", h.text);
  if (!shown.size) list.append(el("li", {}, "no sources (the strategy did not retrieve)"));
}

async function ask(ev) {
  if (ev) ev.preventDefault();
  const question = $("question").value.trim();
  if (!question) return;
  if (key()) localStorage.setItem("ragtune-key", key());
  $("answer").textContent = "";
  $("meta").textContent = "";
  $("sources").replaceChildren();
  $("steps").replaceChildren();
  $("chunk").hidden = true;
  setState("running", "sending …");
  const body = { question, model: $("strategy").value, stream: true };
  if ($("collection").value.trim()) body.collection = $("collection").value.trim();
  let resp;
  try {
    resp = await fetch("/v1/query", { method: "POST", headers: headers(true), body: JSON.stringify(body) });
  } catch (e) { setState("error", "cannot reach the server: " + e); return; }
  if (!resp.ok) { setState("error", await errorText(resp)); return; }
  const reader = resp.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let finished = false;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let cut;
    while ((cut = buffer.indexOf("\n\n")) >= 0) {
      const raw = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      let event = "message", data = "";
      for (const line of raw.split("\n")) {
        if (line.startsWith("event: ")) event = line.slice(7);
        else if (line.startsWith("data: ")) data += line.slice(6);
      }
      const msg = data ? JSON.parse(data) : {};
      if (event === "status") { collectionUsed = msg.collection; setState("running", `${msg.model} is answering …`); }
      else if (event === "step") showStep(msg);
      else if (event === "delta") $("answer").textContent += msg.content;
      else if (event === "answer") {
        const a = msg.answer;
        $("answer").textContent = a.text || "(empty answer)";
        $("meta").textContent = `${a.abstained ? "abstained" : a.exit_reason} · ${a.usage.prompt_tokens}+` +
          `${a.usage.completion_tokens} tokens · ${Math.round(a.wall_ms)} ms · ${msg.model} on ${msg.collection}`;
        showSources(a);
      } else if (event === "error") { setState("error", msg.error.message); return; }
      else if (event === "done") finished = true;
    }
  }
  setState(finished ? "done" : "error", finished ? "done" : "the stream ended early");
}

function init() {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get("key");
  if (fromHash) {
    localStorage.setItem("ragtune-key", fromHash);
    history.replaceState(null, "", location.pathname + location.search);  // keep the key out of sight
  }
  $("key").value = fromHash || localStorage.getItem("ragtune-key") || "";
  if (params.get("collection")) $("collection").value = params.get("collection");
  if (params.get("strategy")) $("strategy").value = params.get("strategy");
  $("ask").addEventListener("submit", ask);
  $("key").addEventListener("change", loadModels);
  loadModels().then(() => {
    if (params.get("q")) { $("question").value = params.get("q"); ask(); }
  });
}

init();
