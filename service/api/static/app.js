// The page behind GET /: send the article to POST /extract, draw entities and facts.
"use strict";

const FACT_COLUMNS = ["flow", "province", "country", "sector", "product", "period", "value",
  "currency", "change_pct", "change_abs", "share_pct", "rank", "quantity", "unit"];
const NUMERIC = new Set(["value", "change_pct", "change_abs", "share_pct", "rank", "quantity"]);
const LABELS = ["PROVINCE", "COUNTRY", "SECTOR", "MONEY", "PERCENT", "DATE", "QUANTITY"];

const $ = (id) => document.getElementById(id);
let examples = [];
let segmentsByFact = [];
let sourcesByFact = [];
let lastResult = null;
let lastText = "";
window.historyChart = null;

function node(tag, props = {}, text = null) {
  const e = document.createElement(tag);
  Object.entries(props).forEach(([k, v]) => {
    if (k === "dataset") Object.assign(e.dataset, v); else e[k] = v;
  });
  if (text !== null) e.textContent = text;
  return e;
}

function setStatus(message, isError = false) {
  $("status").textContent = message;
  $("status").classList.toggle("error", isError);
}

async function loadExamples() {
  try {
    const r = await fetch("/examples");
    examples = await r.json();
  } catch (err) {
    examples = [];
  }
  examples.forEach((ex, i) => $("example").append(node("option", { value: String(i) }, ex.title)));
}

function entityMark(ent) {
  const title = [ent.norm, ent.code, ent.value, ent.currency, ent.unit, ent.period]
    .filter((v) => v !== null && v !== undefined).join(" · ");
  return node("mark", { className: "entity", title, dataset: { label: ent.label } });
}

// Offsets from the service count Unicode code points (Python's str); JavaScript strings
// count UTF-16 units, so the text is cut as an array of code points.
function drawText(text, result) {
  const chars = Array.from(text);
  const n = chars.length;
  const clamp = (x) => Math.max(0, Math.min(n, x));
  const ents = [];
  result.entities.slice().sort((a, b) => a.start - b.start).forEach((e) => {
    const last = ents[ents.length - 1];
    if (e.start < e.end && e.end <= n && (!last || e.start >= last.end)) ents.push(e);
  });
  const evidence = result.facts.map((f) => (f.evidence || []).map((ev) => [clamp(ev.start), clamp(ev.end)]));
  // Provenance (answered with "explain": true): the span each field was read from.
  const sources = result.facts.map((f) => Object.entries(f.sources || {})
    .filter(([, src]) => src.end > src.start)
    .map(([field, src]) => ({ field, how: src.how, start: clamp(src.start), end: clamp(src.end) })));
  const cuts = new Set([0, n]);
  ents.forEach((e) => { cuts.add(e.start); cuts.add(e.end); });
  evidence.forEach((spans) => spans.forEach(([s, e]) => { cuts.add(s); cuts.add(e); }));
  sources.forEach((list) => list.forEach((src) => { cuts.add(src.start); cuts.add(src.end); }));
  const points = [...cuts].sort((a, b) => a - b);

  const doc = $("doc");
  doc.replaceChildren();
  segmentsByFact = result.facts.map(() => []);
  sourcesByFact = result.facts.map(() => []);
  let ei = 0;
  let mark = null;
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k], b = points[k + 1];
    while (ei < ents.length && ents[ei].end <= a) ei++;
    const ent = ei < ents.length && ents[ei].start <= a && b <= ents[ei].end ? ents[ei] : null;
    if (ent && a === ent.start) { mark = entityMark(ent); doc.append(mark); }
    const seg = node("span", { className: "seg" }, chars.slice(a, b).join(""));
    evidence.forEach((spans, i) => {
      if (spans.some(([s, e]) => s <= a && b <= e)) segmentsByFact[i].push(seg);
    });
    sources.forEach((list, i) => list.forEach((src) => {
      if (src.start <= a && b <= src.end) sourcesByFact[i].push({ seg, field: src.field, how: src.how });
    }));
    (ent ? mark : doc).append(seg);
    if (ent && b === ent.end) { mark.append(node("span", { className: "label" }, ent.label)); mark = null; }
  }
}

function drawLegend(result) {
  const seen = new Set(result.entities.map((e) => e.label));
  const labels = LABELS.filter((l) => seen.has(l)).concat([...seen].filter((l) => !LABELS.includes(l)));
  $("legend").replaceChildren(...labels.map((l) => {
    const m = node("mark", { className: "entity", dataset: { label: l } });
    m.append(node("span", { className: "label" }, l));
    return m;
  }));
}

function showEvidence(i, on) {
  (segmentsByFact[i] || []).forEach((seg) => seg.classList.toggle("evidence", on));
  (sourcesByFact[i] || []).forEach(({ seg, field, how }) => {
    seg.classList.toggle("source", on);
    if (on) { seg.dataset.field = field; seg.title = `${field} (${how})`; } else { delete seg.dataset.field; seg.title = ""; }
  });
}

const HOW = {
  clause: "its own clause", sentence: "its sentence", list: "a list", table: "a table",
  subject: "the article's subject", scope: "a scope", frame: "the running period",
  date: "the publication date",
};

// Where each field of fact i came from, listed under the table (on click).
function showProvenance(i) {
  const fact = lastResult.facts[i];
  const chars = Array.from(lastText);
  const box = $("provenance");
  const entries = Object.entries(fact.sources || {});
  box.replaceChildren(node("h3", {}, `Fact ${i + 1}: where its fields came from`));
  if (!entries.length) {
    box.append(node("p", { className: "null" }, "No provenance recorded for this fact."));
  } else {
    const list = node("dl");
    entries.forEach(([field, src]) => {
      const quoted = src.end > src.start ? `“${chars.slice(src.start, src.end).join("")}” ` : "";
      list.append(node("dt", {}, field), node("dd", { dataset: { field } },
        `${formatCell(field, fact[field])} ← ${quoted}(${HOW[src.how] || src.how})`));
    });
    box.append(list);
  }
  box.hidden = false;
}

function formatCell(column, value) {
  if (value === null || value === undefined) return "—";
  if (NUMERIC.has(column) && typeof value === "number") return value.toLocaleString("tr-TR");
  return String(value);
}

function drawFacts(text, result) {
  const chars = Array.from(text);
  $("facts").tHead.rows[0].replaceChildren(...FACT_COLUMNS.concat(["evidence"]).map((c) => node("th", {}, c)));
  const rows = result.facts.map((fact, i) => {
    const tr = node("tr", { tabIndex: 0, dataset: { fact: String(i) } });
    FACT_COLUMNS.forEach((c) => {
      const v = fact[c];
      const cls = [NUMERIC.has(c) ? "num" : "", v === null || v === undefined ? "null" : ""].join(" ").trim();
      tr.append(node("td", { className: cls }, formatCell(c, v)));
    });
    const first = (fact.evidence || [])[0];
    const snippet = first ? chars.slice(first.start, first.end).join("") : "";
    tr.append(node("td", { title: snippet }, snippet.length > 60 ? snippet.slice(0, 57) + "…" : snippet));
    tr.addEventListener("mouseenter", () => showEvidence(i, true));
    tr.addEventListener("mouseleave", () => showEvidence(i, false));
    tr.addEventListener("focus", () => showEvidence(i, true));
    tr.addEventListener("blur", () => showEvidence(i, false));
    tr.addEventListener("click", () => {
      const seg = (segmentsByFact[i] || [])[0];
      if (seg) seg.scrollIntoView({ block: "center", behavior: "smooth" });
      showProvenance(i);
      fillHistory(fact);
    });
    return tr;
  });
  $("facts").tBodies[0].replaceChildren(...rows);
  $("fact-count").textContent = `(${result.facts.length})`;
  $("no-facts").hidden = result.facts.length > 0;
}

async function extract(event) {
  if (event) event.preventDefault();
  const text = $("text").value;
  const body = { text, explain: true };
  const date = $("date").value.trim();
  if (date) body.date = date;
  setStatus("reading…");
  $("submit").disabled = true;
  const t0 = performance.now();
  try {
    const r = await fetch("/extract", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    const answer = await r.json();
    if (!r.ok) {
      const err = answer.error || {};
      setStatus(`${r.status}: ${err.message || "request failed"}`, true);
      return;
    }
    lastResult = answer;
    lastText = text;
    $("provenance").hidden = true;
    drawLegend(answer);
    drawText(text, answer);
    drawFacts(text, answer);
    $("result").hidden = false;
    const ms = Math.round(performance.now() - t0);
    const dated = answer.date ? `, date ${answer.date}` : "";
    setStatus(`${answer.entities.length} entities, ${answer.facts.length} facts in ${ms} ms${dated} ` +
      `(request ${r.headers.get("x-request-id") || "?"})`);
  } catch (err) {
    setStatus(`the service did not answer: ${err}`, true);
  } finally {
    $("submit").disabled = false;
  }
}

function pickExample() {
  const ex = examples[Number($("example").value)];
  if (!ex) return;
  $("text").value = ex.text;
  $("date").value = ex.date || "";
  extract();
}

// --- stored facts over time (only when the service reads a database: GET /facts) ---------

const CELL = ["province", "country", "sector", "product"];

function fillHistory(fact) {
  if ($("history").hidden) return;
  $("h-flow").value = fact.flow;
  CELL.forEach((k) => { $(`h-${k}`).value = fact[k] || ""; });
}

function periodKind(period) {
  if (/^\d{4}$/.test(period)) return "year";
  if (/^\d{4}-\d{2}$/.test(period)) return "month";
  return "range";
}

async function drawHistory(event) {
  if (event) event.preventDefault();
  const cell = { flow: $("h-flow").value };
  CELL.forEach((k) => { cell[k] = $(`h-${k}`).value.trim() || null; });
  const params = new URLSearchParams({ flow: cell.flow, sort: "period", limit: "1000" });
  CELL.forEach((k) => { if (cell[k]) params.set(k, cell[k]); });
  $("history-status").textContent = "reading…";
  $("history-status").classList.remove("error");
  const r = await fetch(`/facts?${params}`);
  const answer = await r.json();
  if (!r.ok) {
    $("history-status").textContent = `${r.status}: ${(answer.error || {}).message || "request failed"}`;
    $("history-status").classList.add("error");
    return;
  }
  // The query leaves an unset field open; the chart is of one cell, so blank means "the whole".
  const items = answer.items.filter((f) => f.value !== null && f.period &&
    CELL.every((k) => (f[k] || null) === cell[k]));
  let kind = $("h-kind").value;
  if (kind === "auto") kind = ["month", "year", "range"].find((k) => items.some((f) => periodKind(f.period) === k)) || "year";
  const byPeriod = new Map();
  items.filter((f) => periodKind(f.period) === kind).forEach((f) => {
    if (!byPeriod.has(f.period)) byPeriod.set(f.period, []);
    byPeriod.get(f.period).push(f);
  });
  const labels = [...byPeriod.keys()];
  const values = labels.map((p) => byPeriod.get(p)[0].value);
  const name = [cell.flow, ...CELL.map((k) => cell[k]).filter(Boolean)].join(" · ") || cell.flow;
  if (window.historyChart) window.historyChart.destroy();
  window.historyChart = new Chart($("history-chart"), {
    type: "line",
    data: { labels, datasets: [{ label: `${name} (${(items[0] || {}).currency || "USD"})`, data: values,
      borderColor: "#1f6feb", backgroundColor: "#1f6feb", tension: 0 }] },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false,
      scales: { y: { ticks: { callback: (v) => Number(v).toLocaleString("tr-TR") } } },
      plugins: { tooltip: { callbacks: { afterLabel: (ctx) => {
        const facts = byPeriod.get(labels[ctx.dataIndex]);
        return `${facts.length} article(s): ${facts.map((f) => f.document_id).join(", ")}`;
      } } } },
    },
  });
  $("history-status").textContent = labels.length
    ? `${labels.length} ${kind} values of ${name}`
    : `no stored ${kind} values for ${name}`;
}

async function detectDatabase() {
  try {
    const r = await fetch("/version");
    const info = r.ok ? await r.json() : {};
    $("history").hidden = !info.database || typeof Chart === "undefined";
  } catch (err) {
    $("history").hidden = true;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("form").addEventListener("submit", extract);
  $("example").addEventListener("change", pickExample);
  $("history-form").addEventListener("submit", drawHistory);
  loadExamples();
  detectDatabase();
});
