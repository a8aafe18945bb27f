// The dashboard: a paste box that analyses on the spot, and the corpus charts, filters and
// search. Everything shown comes from the API and enters the page as textContent (charts
// draw on a canvas), never as markup.
"use strict";

const PALETTE = ["#0b5cad", "#c0392b", "#2e8b57", "#8e44ad", "#d35400", "#16a085", "#7f8c8d", "#b7950b"];
const TOP_LABELS = 8;
const PAGE = 20;
const charts = {};
let offset = 0;

const $ = (id) => document.getElementById(id);

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

async function getJSON(url) {
  const response = await fetch(url, { headers: { accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : `${response.status}`);
  return body;
}

function option(select, value, text) {
  const node = element("option", text);
  node.value = value;
  select.append(node);
}

function filters() {
  const params = new URLSearchParams();
  params.set("layer", $("f-layer").value || "technique");
  for (const [key, id] of [["label", "f-label"], ["source", "f-source"], ["language", "f-language"], ["since", "f-since"], ["until", "f-until"]]) {
    if ($(id).value) params.set(key, $(id).value);
  }
  for (const name of $("f-entity").value.split(";")) if (name.trim()) params.append("entity", name.trim());
  if ($("f-having").value) params.set("having", $("f-having").value);
  params.set("by", $("f-by").value);
  return params;
}

// -- paste box --------------------------------------------------------------------------------

function looksLikeHtml(text, name) {
  if (/\.html?$/i.test(name || "")) return true;
  return /^\s*</.test(text) && /<(html|body|article|p|div)[\s>]/i.test(text);
}

async function analyse(event) {
  event.preventDefault();
  const status = $("analyze-status");
  status.className = "status";
  const file = $("file").files[0];
  const content = file ? await file.text() : $("article").value;
  if (!content.trim()) {
    status.textContent = "Paste an article, or choose a file.";
    status.className = "status error";
    return;
  }
  const body = { store: true };
  body[looksLikeHtml(content, file && file.name) ? "html" : "text"] = content;
  for (const key of ["title", "source", "published"]) if ($(key).value) body[key] = $(key).value;
  const headers = { "content-type": "application/json", accept: "application/json" };
  if ($("token").value) headers.authorization = `Bearer ${$("token").value}`;
  $("analyze-button").disabled = true;
  status.textContent = "Analysing…";
  try {
    const response = await fetch("/api/analyze", { method: "POST", headers, body: JSON.stringify(body) });
    const answer = await response.json();
    if (!response.ok) throw new Error(answer.error ? answer.error.message : `${response.status}`);
    status.textContent = "Done: opening the article…";
    window.location.assign(`/documents/${encodeURIComponent(answer.id)}`);
  } catch (error) {
    status.textContent = error.message;
    status.className = "status error";
  } finally {
    $("analyze-button").disabled = false;
  }
}

// -- charts -----------------------------------------------------------------------------------

function draw(id, config) {
  if (charts[id]) charts[id].destroy();
  charts[id] = new window.Chart($(id), config);
}

// What a row of an outlet-level table is about: its outlet, or its language (the first column).
function grouping(table) {
  const missing = `(no ${table.columns[0]})`;
  return (row) => (row[0] === null ? missing : row[0]);
}

function topLabels(rows, labelAt, valueAt) {
  const totals = new Map();
  for (const row of rows) totals.set(row[labelAt], (totals.get(row[labelAt]) || 0) + Number(row[valueAt] || 0));
  return [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, TOP_LABELS).map(([label]) => label);
}

async function outletsChart(params) {
  const url = `/api/stats/outlet-profile?${params}`;
  $("csv-outlets").href = `${url}&format=csv`;
  const table = await getJSON(url);
  const c = Object.fromEntries(table.columns.map((name, i) => [name, i]));
  const groupOf = grouping(table);
  const outlets = [...new Set(table.rows.map(groupOf))];
  const labels = topLabels(table.rows, c.label, c.occurrences);
  const datasets = labels.map((label, i) => ({
    label,
    backgroundColor: PALETTE[i % PALETTE.length],
    data: outlets.map((outlet) => {
      const row = table.rows.find((r) => groupOf(r) === outlet && r[c.label] === label);
      return row ? row[c.per_document] : 0;
    }),
  }));
  draw("chart-outlets", { type: "bar", data: { labels: outlets, datasets }, options: { maintainAspectRatio: false, animation: false, plugins: { legend: { position: "bottom" } } } });
}

async function timelineChart(params) {
  const url = `/api/stats/outlet-week?${params}`;
  $("csv-timeline").href = `${url}&format=csv`;
  const table = await getJSON(url);
  const c = Object.fromEntries(table.columns.map((name, i) => [name, i]));
  const rows = table.rows.filter((r) => r[c.week] !== "undated");
  const weeks = [...new Set(rows.map((r) => r[c.week]))].sort();
  const labels = topLabels(rows, c.label, c.documents);
  const datasets = labels.map((label, i) => ({
    label,
    borderColor: PALETTE[i % PALETTE.length],
    backgroundColor: PALETTE[i % PALETTE.length],
    data: weeks.map((week) => rows.filter((r) => r[c.week] === week && r[c.label] === label).reduce((sum, r) => sum + r[c.documents], 0)),
  }));
  draw("chart-timeline", { type: "line", data: { labels: weeks, datasets }, options: { maintainAspectRatio: false, animation: false, plugins: { legend: { position: "bottom" } } } });
}

// -- how the named actor is cast -------------------------------------------------------------

const CAST = [["Protagonist", "hero", "#2e8b57"], ["Antagonist", "villain", "#c0392b"], ["Innocent", "victim", "#0b5cad"]];

// Shown while the corpus is narrowed to a name: per outlet, the share of the articles naming it
// that cast it as hero, villain or victim (its own mentions' roles, not anyone else's).
async function castingChart(params) {
  const names = params.getAll("entity");
  $("casting").hidden = names.length === 0;
  if (!names.length) return;
  const query = new URLSearchParams(params);
  query.set("layer", "article_role");
  query.delete("label");
  for (const name of names) query.append("mention", name);
  const url = `/api/stats/outlet-profile?${query}`;
  $("casting-name").textContent = names[0];
  $("csv-casting").href = `${url}&format=csv`;
  const fine = new URLSearchParams(query);
  fine.set("layer", "fine_role");
  const [table, fineTable, weekly] = await Promise.all([
    getJSON(url), getJSON(`/api/stats/outlet-profile?${fine}`), getJSON(`/api/stats/outlet-week?${query}`),
  ]);
  $("casting-fine").textContent = fineRoles(fineTable);
  castingTimeline(weekly);
  const c = Object.fromEntries(table.columns.map((name, i) => [name, i]));
  const outletOf = grouping(table);
  const outlets = [...new Set(table.rows.map(outletOf))];
  // Per outlet, the share of the articles naming it that cast it, as a whole, as hero, villain
  // or victim (each article once: the role most of its mentions get), and the rest.
  const row = (outlet, label) => table.rows.find((r) => outletOf(r) === outlet && r[c.label] === label);
  const naming = outlets.map((outlet) => table.rows.find((r) => outletOf(r) === outlet)[c.documents]);
  const percent = (n, total) => (total ? Math.round((n * 1000) / total) / 10 : 0);
  const casting = (outlet, label) => (row(outlet, label) || [])[c.documents_with_label] || 0;
  const datasets = CAST.map(([label, word, colour]) => {
    const found = outlets.map((outlet) => casting(outlet, label));
    return {
      label: word,
      backgroundColor: colour,
      data: found.map((n, i) => percent(n, naming[i])),
      counts: found.map((n, i) => `${n} of ${naming[i]} articles`),
    };
  });
  const cast = outlets.map((outlet) => CAST.reduce((sum, [label]) => sum + casting(outlet, label), 0));
  datasets.push({
    label: "named, not cast",
    backgroundColor: "#d5d8dc",
    data: outlets.map((_, i) => percent(naming[i] - cast[i], naming[i])),
    counts: outlets.map((_, i) => `${naming[i] - cast[i]} of ${naming[i]} articles`),
  });
  $("casting-status").textContent = table.rows.length ? "" : "No article in this selection casts it as hero, villain or victim.";
  const tooltip = { callbacks: { label: (item) => `${item.dataset.label}: ${item.raw}% (${item.dataset.counts[item.dataIndex]})` } };
  draw("chart-casting", {
    type: "bar",
    data: { labels: outlets, datasets },
    options: {
      indexAxis: "y", maintainAspectRatio: false, animation: false,
      scales: { x: { stacked: true, min: 0, max: 100, title: { display: true, text: "% of the articles naming it" } }, y: { stacked: true } },
      plugins: { legend: { position: "bottom" }, tooltip },
    },
  });
}

// Week by week, over every outlet: of the articles that cast the actor, the share casting it as
// hero, villain or victim.
function castingTimeline(table) {
  const c = Object.fromEntries(table.columns.map((name, i) => [name, i]));
  const rows = table.rows.filter((r) => r[c.week] !== "undated" && CAST.some(([label]) => label === r[c.label]));
  const weeks = [...new Set(rows.map((r) => r[c.week]))].sort();
  const count = (week, label) => rows.filter((r) => r[c.week] === week && (label === null || r[c.label] === label)).reduce((sum, r) => sum + r[c.documents], 0);
  const totals = weeks.map((week) => count(week, null));
  const datasets = CAST.map(([label, word, colour]) => ({
    label: word,
    borderColor: colour,
    backgroundColor: colour,
    data: weeks.map((week, i) => Math.round((count(week, label) * 1000) / totals[i]) / 10),
  }));
  draw("chart-casting-time", {
    type: "line",
    data: { labels: weeks, datasets },
    options: {
      maintainAspectRatio: false, animation: false,
      scales: { y: { min: 0, max: 100, title: { display: true, text: "% of articles casting it" } } },
      plugins: { legend: { position: "bottom" } },
    },
  });
}

const FINE_SHOWN = 6;

// "Most often as: Incompetent (31 articles), Deceiver (11), ..." over every outlet.
function fineRoles(table) {
  const c = Object.fromEntries(table.columns.map((name, i) => [name, i]));
  const articles = new Map();
  for (const row of table.rows) articles.set(row[c.label], (articles.get(row[c.label]) || 0) + row[c.documents_with_label]);
  const ranked = [...articles.entries()].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, FINE_SHOWN);
  if (!ranked.length) return "";
  return "Most often as: " + ranked.map(([role, n], i) => `${role} (${n}${i === 0 ? (n === 1 ? " article" : " articles") : ""})`).join(", ");
}

// -- who is named -----------------------------------------------------------------------------

const NAMED = 15;
const ALSO_SHOWN = 3;

async function namedTable(params) {
  const [layer, label] = $("n-kind").value.split(":");
  const query = new URLSearchParams(params);
  query.set("layer", layer);
  query.set("label", label);
  query.set("limit", String(NAMED));
  const url = `/api/stats/top-mentions?${query}`;
  $("csv-named").href = `${url}&format=csv`;
  const body = $("named-rows");
  try {
    const table = await getJSON(url);
    const c = Object.fromEntries(table.columns.map((name, i) => [name, i]));
    body.replaceChildren();
    for (const row of table.rows) {
      const forms = row[c.also] ? row[c.also].split("; ") : [];
      const name = element("button", row[c.text], "link");
      name.type = "button";
      name.title = "Only the articles that name it";
      name.addEventListener("click", () => findNaming([row[c.text], ...forms]));
      const cell = element("td");
      cell.append(name);
      if (forms.length) {
        const also = forms.slice(0, ALSO_SHOWN).join(", ") + (forms.length > ALSO_SHOWN ? `, +${forms.length - ALSO_SHOWN}` : "");
        const line = element("div", `also ${also}`, "muted also");
        line.title = forms.join("; ");
        cell.append(line);
      }
      const tr = element("tr");
      tr.append(cell, element("td", row[c.documents], "num"), element("td", row[c.occurrences], "num"));
      body.append(tr);
    }
    $("named-status").textContent = table.rows.length ? "" : "No names here yet.";
  } catch (error) {
    body.replaceChildren();
    $("named-status").textContent = error.message;
  }
}

// The whole dashboard narrows to the articles naming any of the forms the row counts, as the
// counts do: its outlets, its weeks, who else is named in them, and the articles themselves.
async function findNaming(names) {
  $("f-entity").value = names.join("; ");
  $("filters").scrollIntoView();
  await refresh();
}

// -- search -----------------------------------------------------------------------------------

async function search() {
  const params = filters();
  if ($("q").value.trim()) params.set("q", $("q").value.trim());
  params.set("limit", String(PAGE));
  params.set("offset", String(offset));
  const list = $("results");
  try {
    const page = await getJSON(`/api/documents?${params}`);
    list.replaceChildren();
    for (const item of page.items) {
      const entry = element("li");
      const link = element("a", item.title || `Document ${item.id}`);
      link.href = `/documents/${encodeURIComponent(item.id)}`;
      const where = [item.outlet, item.published, item.language].filter(Boolean).join(" · ");
      entry.append(link, element("span", where ? ` — ${where}` : "", "muted"), element("div", item.snippet, "snippet"));
      list.append(entry);
    }
    const last = Math.min(offset + page.items.length, page.total);
    const total = page.total_is_lower_bound ? `${page.total.toLocaleString("en")}+` : page.total;
    $("result-count").textContent = page.total ? `${offset + 1}–${last} of ${total} documents` : "No documents match.";
    $("prev").disabled = offset === 0;
    $("next").disabled = last >= page.total && !page.total_is_lower_bound;
  } catch (error) {
    list.replaceChildren();
    $("result-count").textContent = error.message;
  }
}

async function refresh() {
  const params = filters();
  for (const word of document.querySelectorAll(".by-word")) word.textContent = $("f-by").value;
  const results = await Promise.allSettled([outletsChart(params), timelineChart(params), namedTable(params), castingChart(params)]);
  for (const result of results) if (result.status === "rejected") $("corpus-size").textContent = result.reason.message;
  offset = 0;
  await search();
  document.body.dataset.ready = "true";
}

// -- start ------------------------------------------------------------------------------------

// Document labels to narrow the corpus by, whichever layer the charts count: the villains of
// the articles pushing one narrative, the techniques of opinion pieces.
const HAVING_LAYERS = [["narrative", "narratives"], ["genre", "genre"], ["frame", "frames"]];

function fillHaving(facets) {
  const select = $("f-having");
  for (const [layer, title] of HAVING_LAYERS) {
    const labels = facets.layers[layer] || [];
    if (!labels.length) continue;
    const group = document.createElement("optgroup");
    group.label = title;
    for (const label of labels) option(group, `${layer}=${label}`, label);
    select.append(group);
  }
}

function fillLabels(facets) {
  const select = $("f-label");
  select.replaceChildren();
  option(select, "", "any");
  for (const label of facets.layers[$("f-layer").value] || []) option(select, label, label);
}

async function main() {
  $("analyze-form").addEventListener("submit", analyse);
  const [info, facets] = await Promise.all([getJSON("/api/info"), getJSON("/api/facets")]);
  $("token-row").hidden = !info.writes_need_token;
  $("corpus-size").textContent = `${facets.documents} documents from ${facets.outlets.length} outlets` + (facets.published.first ? `, published ${facets.published.first} to ${facets.published.last}` : "");
  const layers = Object.keys(facets.layers);
  if (!layers.includes("technique")) layers.unshift("technique");
  for (const layer of layers) option($("f-layer"), layer, layer.replace(/_/g, " "));
  $("f-layer").value = "technique";
  fillLabels(facets);
  fillHaving(facets);
  for (const outlet of facets.outlets) if (outlet.name !== null) option($("f-source"), outlet.name, `${outlet.name} (${outlet.documents})`);
  for (const language of facets.languages) if (language.code !== null) option($("f-language"), language.code, `${language.code} (${language.documents})`);
  $("f-layer").addEventListener("change", () => fillLabels(facets));
  $("filter-form").addEventListener("submit", (event) => { event.preventDefault(); refresh(); });
  $("n-kind").addEventListener("change", () => namedTable(filters()));
  $("search-form").addEventListener("submit", (event) => { event.preventDefault(); offset = 0; search(); });
  $("prev").addEventListener("click", () => { offset = Math.max(0, offset - PAGE); search(); });
  $("next").addEventListener("click", () => { offset += PAGE; search(); });
  await refresh();
}

main().catch((error) => {
  $("corpus-size").textContent = `The dashboard could not load: ${error.message}`;
  document.body.dataset.ready = "error";
});
