// ragtune review page: list a drafted QA file's items (GET /v1/qa/items?file=...), and
// accept, edit or drop each one (POST /v1/qa/items/ID?file=...). The file keeps `status`.
// Item text is only ever inserted as text (textContent), never as HTML.
"use strict";
// $, params and el come from dom.js, loaded first.

let current = "";

function setState(state, text) {
  document.body.dataset.state = state;
  $("status").textContent = text || "";
  $("status").className = state === "error" ? "error" : "";
}
async function errorText(resp) {
  try { return (await resp.json()).error.message; } catch (e) { return resp.status + " " + resp.statusText; }
}
function showCounts(counts) {
  $("counts").textContent = Object.entries(counts).map(([k, v]) => v + " " + k).join(", ");
}

function render(item) {
  const status = item.status || "draft";
  const answers = item.answers.length ? item.answers.join(" | ") : "(unanswerable: the right output is an abstention)";
  const qInput = el("input", { class: "eq", value: item.question, "aria-label": "question" });
  const aInput = el("input", { class: "ea", value: item.answers.join(" | "), "aria-label": "answers",
                                placeholder: "answers separated by | (empty: unanswerable)" });
  const sources = item.sources || (item.source ? [item.source] : []);
  const div = el("div", { class: "item " + status, "data-id": item.id, "data-status": status },
    el("div", { class: "q" }, item.question, el("span", { class: "badge " + status }, status)),
    el("div", { class: "a" }, "answer: ", answers, item.options ? "  (options: " + item.options.join(" | ") + ")" : ""),
    ...(item.type === "unanswerable"
      ? [el("div", { class: "src" }, "modelled on: ", item.modelled_on || sources[0] || "",
            item.made_up_name ? " (made-up name: " + item.made_up_name + ")" : "",
            item.missing_field_of ? " (asked of " + item.missing_field_of + ", whose record lacks it)" : "")]
      : sources.map((s) => el("div", { class: "src" }, "source: ", s))),
    el("div", { class: "ev" }, item.id + " · " + (item.type || "") + (item.evidence && item.evidence.length ? " · evidence: " + item.evidence.join(", ") : "")),
    el("button", { type: "button", class: "accept" }, "Accept"),
    el("button", { type: "button", class: "edit" }, "Edit"),
    el("button", { type: "button", class: "drop" }, "Drop"),
    el("div", { class: "editor" }, qInput, aInput, el("button", { type: "button", class: "save" }, "Save")));
  div.querySelector(".accept").addEventListener("click", () => decide(item.id, { action: "accept" }));
  div.querySelector(".drop").addEventListener("click", () => decide(item.id, { action: "drop" }));
  div.querySelector(".edit").addEventListener("click", () => div.classList.toggle("editing"));
  div.querySelector(".save").addEventListener("click", () => decide(item.id, {
    action: "edit", question: qInput.value,
    answers: aInput.value.split("|").map((a) => a.trim()).filter((a) => a) }));
  return div;
}

async function decide(id, body) {
  setState("saving", "saving " + id + " …");
  const resp = await fetch("/v1/qa/items/" + encodeURIComponent(id) + "?file=" + encodeURIComponent(current), {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  if (!resp.ok) { setState("error", await errorText(resp)); return; }
  const data = await resp.json();
  const old = document.querySelector('.item[data-id="' + CSS.escape(id) + '"]');
  if (old) old.replaceWith(render(data.item));
  showCounts(data.counts);
  setState("ready", "saved " + id + " (" + data.item.status + ")");
}

async function load(file) {
  current = file;
  setState("loading", "loading " + file + " …");
  const resp = await fetch("/v1/qa/items?file=" + encodeURIComponent(file));
  if (!resp.ok) { setState("error", await errorText(resp)); return; }
  const data = await resp.json();
  const show = $("show").value;
  $("items").replaceChildren(...data.items.filter((i) => show === "all" || (i.status || "draft") === "draft").map(render));
  showCounts(data.counts);
  setState("ready", data.items.length + " items");
}

async function start() {
  const resp = await fetch("/v1/qa/files");
  if (!resp.ok) { setState("error", await errorText(resp)); return; }
  const files = (await resp.json()).files;
  const wanted = params.get("file");
  if (wanted && !files.includes(wanted)) files.unshift(wanted);
  $("file").replaceChildren(...files.map((f) => el("option", { value: f }, f)));
  if (!files.length) { setState("ready", "no drafted QA files in this project (ragtune qa DOCS/ --out FILE)"); return; }
  $("file").value = wanted || files[0];
  $("file").addEventListener("change", () => load($("file").value));
  $("show").addEventListener("change", () => load(current));
  await load($("file").value);
}

start();
