// The page behind GET /: send the article to POST /extract, draw entities and facts.
"use strict";

const FACT_COLUMNS = ["flow", "province", "country", "sector", "product", "period", "value",
  "currency", "change_pct", "change_abs", "share_pct", "rank", "quantity", "unit"];
const NUMERIC = new Set(["value", "change_pct", "change_abs", "share_pct", "rank", "quantity"]);
const LABELS = ["PROVINCE", "COUNTRY", "SECTOR", "MONEY", "PERCENT", "DATE", "QUANTITY"];

const $ = (id) => document.getElementById(id);
let examples = [];
let segmentsByFact = [];

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
  const cuts = new Set([0, n]);
  ents.forEach((e) => { cuts.add(e.start); cuts.add(e.end); });
  evidence.forEach((spans) => spans.forEach(([s, e]) => { cuts.add(s); cuts.add(e); }));
  const points = [...cuts].sort((a, b) => a - b);

  const doc = $("doc");
  doc.replaceChildren();
  segmentsByFact = result.facts.map(() => []);
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
  const body = { text };
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

document.addEventListener("DOMContentLoaded", () => {
  $("form").addEventListener("submit", extract);
  $("example").addEventListener("change", pickExample);
  loadExamples();
});
