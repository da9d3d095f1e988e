// orbitwatch workbench: draws the charts and sends people's corrections.
// Writes carry the token in an Authorization header, which a cross-site form cannot send.
(function () {
  "use strict";
  const $ = (sel, root) => (root || document).querySelector(sel);
  const $$ = (sel, root) => Array.from((root || document).querySelectorAll(sel));
  const status = (text) => { const s = $("#status"); if (s) s.textContent = text; };

  for (const id of ["token", "author"]) {
    const input = $("#" + id);
    if (!input) continue;
    input.value = sessionStorage.getItem("orbitwatch-" + id) || "";
    input.addEventListener("change", () => sessionStorage.setItem("orbitwatch-" + id, input.value.trim()));
  }

  for (const div of $$(".chart[data-figure]")) {
    const data = $("#fig-" + CSS.escape(div.dataset.figure));
    if (data && window.Plotly) {
      const fig = JSON.parse(data.textContent);
      Plotly.newPlot(div, fig.data, fig.layout, {responsive: true, displaylogo: false});
    }
  }

  async function correct(body) {
    const token = ($("#token") || {}).value || "";
    const author = (($("#author") || {}).value || "").trim() || "anonymous";
    const response = await fetch("/api/corrections", {
      method: "POST",
      headers: {"Content-Type": "application/json", "Authorization": "Bearer " + token.trim()},
      body: JSON.stringify(Object.assign({author: author}, body)),
    });
    if (!response.ok) {
      const detail = (await response.json().catch(() => ({}))).detail;
      status(response.status + ": " + (typeof detail === "string" ? detail : JSON.stringify(detail)));
      return false;
    }
    status("saved");
    location.reload();
    return true;
  }

  const recordsEl = $("#records-json");
  const records = recordsEl ? JSON.parse(recordsEl.textContent) : [];
  const keyOf = (r) => ({doc: r.doc, actor: r.key.actor, target: r.key.target, type: r.key.type});

  // document page: confirm, reject, edit and add
  const table = $("#records");
  const editForm = $("#edit-form");
  let editing = null;
  if (table) {
    table.addEventListener("click", (ev) => {
      const row = ev.target.closest("tr[data-index]");
      if (!row || ev.target.tagName !== "BUTTON") return;
      const r = records[Number(row.dataset.index)];
      const action = ev.target.className;
      if (action === "edit") {
        editing = r;
        editForm.hidden = false;
        for (const f of ["actor", "target", "type", "stance", "channel", "date"]) {
          editForm.elements[f].value = r[f] === null || r[f] === undefined ? "" : r[f];
        }
        return;
      }
      correct(Object.assign(keyOf(r), {action: action}));
    });
  }
  if (editForm) {
    editForm.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const e = editForm.elements;
      correct(Object.assign(keyOf(editing), {action: "edit", reason: e.reason.value || null, changes: {
        actor: e.actor.value, target: e.target.value, type: e.type.value, stance: Number(e.stance.value),
        channel: e.channel.value, date: e.date.value || null}}));
    });
  }
  const addForm = $("#add-form");
  if (addForm) {
    addForm.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const text = JSON.parse($("#doc-text").textContent);
      const chosen = String(window.getSelection()).trim();
      const start = chosen ? text.indexOf(chosen) : -1;
      if (start < 0) { status("select the sentence in the text first"); return; }
      const e = addForm.elements;
      const record = {actor: e.actor.value, target: e.target.value, type: e.type.value,
                      stance: Number(e.stance.value), channel: e.channel.value, date: e.date.value || null};
      correct({doc: $("#text").dataset.doc, actor: record.actor, target: record.target, type: record.type,
               action: "add", changes: record, start: start, end: start + chosen.length});
    });
  }

  // review queue: keyboard shortcuts
  const queue = $("#queue");
  if (queue) {
    const rows = $$("tr[data-index]", queue);
    let at = 0;
    const select = (i) => {
      if (!rows.length) return;
      at = Math.max(0, Math.min(rows.length - 1, i));
      rows.forEach((row, n) => row.classList.toggle("selected", n === at));
      rows[at].scrollIntoView({block: "nearest"});
    };
    select(0);
    document.addEventListener("keydown", (ev) => {
      if (ev.target.tagName === "INPUT" || !rows.length) return;
      const r = records[at];
      if (ev.key === "j") select(at + 1);
      else if (ev.key === "k") select(at - 1);
      else if (ev.key === "c") correct(Object.assign(keyOf(r), {action: "confirm"}));
      else if (ev.key === "r") correct(Object.assign(keyOf(r), {action: "reject"}));
      else if (ev.key === "e") location.href = "/documents/" + encodeURIComponent(r.doc) + "#ev-" + r.start;
    });
  }
})();
