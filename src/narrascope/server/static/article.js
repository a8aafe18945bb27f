// The article page: the text with every span in place, redrawn as the threshold slider moves.
//
// Article text comes from hostile sources, so it only ever enters the page as textContent
// or an attribute value, never as markup. Offsets are Python's: code points, not the UTF-16
// units of JavaScript strings, so the text is cut as an array of code points.
"use strict";

const ENTITY_COLOURS = { PER: ["#0b3d91", "person"], ORG: ["#5b2a86", "organisation"], LOC: ["#1e5631", "place"], NORP: ["#0c5460", "group or nationality"] };
const OTHER_COLOURS = { date: ["#7a4b00", "date"], speaker: ["#111111", "speaker"] };
const TEXT_STYLES = { speaker: ["700", "underline"], entity: ["600", ""], date: ["400", ""] };
const QUOTE_CLASSES = { direct: "q-direct", reported: "q-reported", phrase: "q-phrase" };
const QUOTE_NAMES = { direct: "direct quote", reported: "reported speech", phrase: "quoted phrase (no speaker)" };
const LINE_PX = 3;

async function getJSON(url) {
  const response = await fetch(url, { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function marksOf(doc, taxonomy) {
  const categories = Object.fromEntries(taxonomy.categories.map((c) => [c.name, c]));
  const techniques = Object.fromEntries(taxonomy.techniques.map((t) => [t.name, t]));
  const length = Array.from(doc.text).length;
  const marks = [];
  const speakers = new Set();
  for (const span of doc.spans) {
    const attrs = span.attrs || {};
    if (span.layer === "technique") {
      const technique = techniques[span.label];
      const category = technique ? categories[technique.category] : null;
      marks.push({ ...span, kind: "technique", colour: category ? category.colour : "#555555", technique, category });
    } else if (span.layer === "entity" && ENTITY_COLOURS[span.label]) {
      marks.push({ ...span, kind: "entity", colour: ENTITY_COLOURS[span.label][0] });
    } else if (span.layer === "date") {
      marks.push({ ...span, kind: "date", colour: OTHER_COLOURS.date[0] });
    } else if (span.layer === "quote") {
      marks.push({ ...span, kind: "quote", css: QUOTE_CLASSES[span.label] });
      const [start, end] = [attrs.speaker_start, attrs.speaker_end];
      if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= length && !speakers.has(`${start}:${end}`)) {
        speakers.add(`${start}:${end}`);
        marks.push({ start, end, layer: "speaker", label: "speaker", analyzer: span.analyzer, attrs, kind: "speaker", colour: OTHER_COLOURS.speaker[0] });
      }
    }
  }
  marks.sort((a, b) => a.start - b.start || b.end - a.end);
  return marks;
}

function lanesOf(marks) {
  const laneEnd = [];
  const lanes = new Map();
  for (const mark of marks) {
    if (mark.kind !== "technique") continue;
    let lane = laneEnd.findIndex((end) => end <= mark.start);
    if (lane < 0) { lane = laneEnd.length; laneEnd.push(mark.end); } else laneEnd[lane] = mark.end;
    lanes.set(mark, lane);
  }
  return lanes;
}

// The person a name stands for ("Viktor Dralenko" for "Dralenko"), else its normal form.
function entityName(mark) {
  return (mark.attrs && (mark.attrs.person || mark.attrs.normal)) || "";
}

function tip(mark) {
  const score = mark.score === null || mark.score === undefined ? "" : ` (${mark.score.toFixed(2)})`;
  if (mark.kind === "technique") return mark.technique ? `${mark.technique.display}${score}: ${mark.technique.definition}` : `technique: ${mark.label}${score}`;
  if (mark.kind === "entity") return `${ENTITY_COLOURS[mark.label][1]}: ${entityName(mark)}`;
  if (mark.kind === "date") return `date: ${(mark.attrs && mark.attrs.value) || "unresolved"}`;
  if (mark.kind === "quote") return QUOTE_NAMES[mark.label] + (mark.attrs && mark.attrs.speaker ? ` — ${mark.attrs.speaker}` : mark.attrs && mark.attrs.turn === "question" ? " — interviewer" : "");
  return `speaker: ${mark.attrs.speaker_entity || mark.attrs.speaker || ""}`;
}

function render(box, chars, marks, threshold) {
  const shown = marks.filter((m) => m.kind !== "technique" || m.score === null || m.score === undefined || m.score >= threshold);
  const lanes = lanesOf(shown);
  const cuts = [...new Set([0, chars.length, ...shown.flatMap((m) => [m.start, m.end])])].sort((a, b) => a - b);
  const fragment = document.createDocumentFragment();
  let next = 0;
  let active = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [left, right] = [cuts[i], cuts[i + 1]];
    while (next < shown.length && shown[next].start <= left) active.push(shown[next++]);
    active = active.filter((m) => m.end > left);
    const seg = element("span", chars.slice(left, right).join(""), "seg");
    seg.dataset.start = String(left);
    seg.dataset.end = String(right);
    if (active.length) {
      seg.marks = active.slice();
      seg.classList.add("marked");
      seg.title = active.map(tip).join(" | ");
      for (const m of active) if (m.css) seg.classList.add(m.css);
      const lines = active.filter((m) => lanes.has(m)).map((m) => [lanes.get(m), m.colour]).sort((a, b) => a[0] - b[0]);
      if (lines.length) {
        seg.style.boxShadow = lines.map(([lane, colour]) => `inset 0 -${(lane + 1) * LINE_PX}px 0 0 ${colour}`).join(", ");
        seg.style.paddingBottom = `${(lines[lines.length - 1][0] + 1) * LINE_PX}px`;
      }
      const named = active.filter((m) => TEXT_STYLES[m.kind]).sort((a, b) => Object.keys(TEXT_STYLES).indexOf(a.kind) - Object.keys(TEXT_STYLES).indexOf(b.kind));
      if (named.length) {
        const top = named[0];
        seg.style.color = top.colour;
        seg.style.fontWeight = TEXT_STYLES[top.kind][0];
        if (top.kind === "date") seg.style.fontStyle = "italic";
        if (TEXT_STYLES[top.kind][1]) seg.style.textDecoration = TEXT_STYLES[top.kind][1];
      }
    }
    fragment.append(seg);
  }
  box.replaceChildren(fragment);
  return shown.filter((m) => m.kind === "technique").length;
}

function legend(list, marks) {
  const seen = new Map();
  for (const m of marks) {
    if (m.kind === "technique" && m.category) seen.set(`c:${m.category.name}`, [m.category.name, m.colour, true]);
    else if (m.kind === "entity") seen.set(`e:${m.label}`, [ENTITY_COLOURS[m.label][1], m.colour, false]);
    else if (m.kind === "date" || m.kind === "speaker") seen.set(m.kind, [OTHER_COLOURS[m.kind][1], m.colour, false]);
  }
  list.replaceChildren();
  for (const [name, colour, line] of seen.values()) {
    const item = element("li");
    const swatch = element("span", line ? "" : name, line ? "swatch line" : "");
    if (line) { swatch.style.background = colour; item.append(swatch, element("span", name)); }
    else { swatch.style.color = colour; swatch.style.fontWeight = "600"; item.append(swatch); }
    list.append(item);
  }
}

function details(panel, seg, chars) {
  panel.replaceChildren(element("h2", "Here"));
  panel.append(element("p", `“${chars.slice(Number(seg.dataset.start), Number(seg.dataset.end)).join("")}”`, "muted"));
  for (const m of seg.marks) {
    const score = m.score === null || m.score === undefined ? "" : ` score ${m.score.toFixed(2)}`;
    if (m.kind === "technique") {
      panel.append(element("h3", m.technique ? m.technique.display : m.label));
      if (m.technique) panel.append(element("p", `${m.technique.category}: ${m.technique.definition}`));
    } else if (m.kind === "entity") {
      panel.append(element("h3", ENTITY_COLOURS[m.label][1]));
      if (entityName(m)) panel.append(element("p", entityName(m)));
    } else if (m.kind === "date") {
      panel.append(element("h3", "date"), element("p", (m.attrs && m.attrs.value) || "unresolved"));
    } else if (m.kind === "quote") {
      panel.append(element("h3", QUOTE_NAMES[m.label] || m.label));
      if (m.attrs && m.attrs.speaker) panel.append(element("p", `speaker: ${m.attrs.speaker}`));
      else if (m.attrs && m.attrs.turn === "question") panel.append(element("p", "the interviewer's question"));
    } else {
      panel.append(element("h3", "speaker"), element("p", m.attrs.speaker_entity || m.attrs.speaker || ""));
    }
    panel.append(element("p", `by ${m.analyzer}${score}`, "score"));
  }
  panel.hidden = false;
}

async function main() {
  const box = document.getElementById("text");
  const [doc, taxonomy] = await Promise.all([getJSON(`/api/documents/${encodeURIComponent(box.dataset.id)}`), getJSON("/api/taxonomy")]);
  const chars = Array.from(doc.text);
  const marks = marksOf(doc, taxonomy);
  const slider = document.getElementById("threshold");
  const value = document.getElementById("threshold-value");
  const shown = document.getElementById("shown");
  const total = marks.filter((m) => m.kind === "technique").length;
  const panel = document.getElementById("details");
  const draw = () => {
    const threshold = Number(slider.value);
    value.textContent = threshold.toFixed(2);
    shown.textContent = `${render(box, chars, marks, threshold)} of ${total} technique spans shown`;
    panel.hidden = true;
  };
  legend(document.getElementById("legend"), marks);
  slider.addEventListener("input", draw);
  box.addEventListener("click", (event) => {
    const seg = event.target.closest(".seg");
    if (!seg || !seg.marks) return;
    for (const old of box.querySelectorAll(".picked")) old.classList.remove("picked");
    seg.classList.add("picked");
    details(panel, seg, chars);
  });
  for (const link of document.querySelectorAll(".quote-list a[data-start]")) {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      const start = Number(link.dataset.start);
      const target = [...box.querySelectorAll(".seg")].find((s) => Number(s.dataset.end) > start);
      if (target) target.scrollIntoView({ behavior: "smooth", block: "center" });
    });
  }
  draw();
  document.body.dataset.ready = "true";
}

main().catch((error) => {
  const box = document.getElementById("text");
  box.after(element("p", `The highlights could not be drawn: ${error.message}`, "status error"));
  document.body.dataset.ready = "error";
});
