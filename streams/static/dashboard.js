/* crisis-stream operators' dashboard: polls the worker's read-only HTTP API and renders it.
 *
 * No build step and no dependencies, so it runs offline from the worker's /static/ route.
 * Every string that comes from the API (article text, place names, sources) is inserted with
 * textContent, never as HTML: the text is untrusted newsroom input.
 *
 * URL parameters (all optional): window=day|7d|30d, metric=killed|wounded|displaced,
 * as_of=YYYY-MM-DD, poll=<milliseconds between polls, default 5000>, api=<base URL of the
 * API, loopback hosts only; default: the page's own origin>.
 */
"use strict";

(function () {
  const WINDOWS = ["day", "7d", "30d"];
  const METRICS = ["killed", "wounded", "displaced"];
  // Tallies exist per admin1 region (SY-DY) and per country (SY, the sum over the country);
  // ranking both together would list every incident twice, so the table shows one level.
  const LEVELS = ["region", "country", "all"];
  const LEVEL_NOUNS = { region: ["admin1 region", "admin1 regions"], country: ["country", "countries"], all: ["region or country", "regions and countries"] };
  const WINDOW_LABELS = { day: "day", "7d": "7-day", "30d": "30-day" };
  const DEFAULT_POLL_MS = 5000;
  const MIN_POLL_MS = 250;
  const REQUEST_TIMEOUT_MS = 8000;
  const TOP_LIMIT = 15;
  const TOP_FETCH_LIMIT = 200; // fetched, then filtered to the chosen level and cut to TOP_LIMIT
  const EVENTS_LIMIT = 30;
  const REGION_WINDOWS_SHOWN = 10;
  const TYPE_LABELS = {
    armed_clash: "Armed clash",
    airstrike: "Air/drone strike",
    shelling: "Shelling/missile",
    bombing: "Bombing/IED",
    suicide_attack: "Suicide attack",
    attack_on_civilians: "Attack on civilians",
    abduction: "Abduction",
    territorial_change: "Territorial change",
    protest: "Protest",
    riot: "Riot",
    displacement: "Displacement",
    flood: "Flood",
    earthquake: "Earthquake",
    storm: "Storm",
    landslide: "Landslide",
    wildfire: "Wildfire",
    drought: "Drought",
    other_disaster: "Other disaster",
    other: "Other",
  };
  const FIELD_LABELS = {
    killed: "killed",
    wounded: "wounded",
    displaced: "displaced",
    displaced_households: "households displaced",
    date: "date",
    location: "place",
    type: "event type",
  };

  const params = new URLSearchParams(window.location.search);
  const state = {
    window: pick(params.get("window"), WINDOWS, "7d"),
    metric: pick(params.get("metric"), METRICS, "killed"),
    level: pick(params.get("level"), LEVELS, "region"),
    asOf: /^\d{4}-\d{2}-\d{2}$/.test(params.get("as_of") || "") ? params.get("as_of") : "",
    pollMs: Math.max(MIN_POLL_MS, parseInt(params.get("poll") || "", 10) || DEFAULT_POLL_MS),
    apiBase: apiBase(params.get("api")),
    generation: 0,
    timer: null,
    events: new Map(), // event_id -> EventRecord JSON, from the last events poll
    selection: null, // {kind: "event"|"region"|"incident", id, from?}
    rendered: {}, // section -> JSON last rendered, to leave unchanged sections (and focus) alone
    lastOk: null,
  };

  const $ = (id) => document.getElementById(id);

  // ------------------------------------------------------------------ small helpers

  function pick(value, allowed, fallback) {
    return allowed.includes(value) ? value : fallback;
  }

  function apiBase(raw) {
    // Only loopback: the API is read-only and local; a link must not point the page elsewhere.
    if (!raw) return "";
    try {
      const url = new URL(raw);
      const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
      if ((url.protocol === "http:" || url.protocol === "https:") && loopback) {
        return url.origin;
      }
    } catch (err) {
      /* fall through */
    }
    return "";
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "dataset") Object.assign(node.dataset, value);
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  const numberFormat = new Intl.NumberFormat("en-US");
  const fmt = (n) => numberFormat.format(n);

  function isoDayBefore(iso) {
    const d = new Date(iso + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() - 1);
    return d.toISOString().slice(0, 10);
  }

  function utcTime(date) {
    return date.toISOString().slice(11, 19) + " UTC";
  }

  function safeHref(url) {
    try {
      const parsed = new URL(url);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch (err) {
      return null;
    }
  }

  function typeLabel(type) {
    return TYPE_LABELS[type] || type || "Event";
  }

  function placeOf(location) {
    const loc = location || {};
    const parts = [loc.name, loc.admin1 && loc.admin1 !== loc.name ? loc.admin1 : null, loc.country];
    const text = parts.filter(Boolean).join(", ");
    return text || "place unknown";
  }

  // ------------------------------------------------------------------ figures

  /** A Range as "best (min–max)", with a mark for vague figures. */
  function rangeNode(range, options) {
    const opts = options || {};
    if (!range) {
      return el("span", { class: "figure figure--none", title: "no figure reported" }, "—");
    }
    const node = el("span", { class: "figure" + (range.vague ? " figure--vague" : "") + (range.best === 0 ? " figure--zero" : "") });
    if (range.vague) {
      node.append(
        el("span", { class: "vague-mark", title: "vague figure, counted at its conservative value", "aria-hidden": "true" }, "~"),
        el("span", { class: "visually-hidden" }, "approximately "),
      );
    }
    node.append(el("span", { class: "figure__best" }, fmt(range.best)));
    const exact = range.max !== null && range.max !== undefined && range.min === range.max;
    if (!exact && !opts.bestOnly) {
      const span =
        range.max === null || range.max === undefined
          ? el("span", { class: "figure__range", title: `at least ${fmt(range.min)}, no upper bound given` }, ` (≥${fmt(range.min)})`)
          : el("span", { class: "figure__range" }, ` (${fmt(range.min)}–${fmt(range.max)})`);
      node.append(span);
    }
    return node;
  }

  function figureSummary(record) {
    const parts = [];
    for (const metric of METRICS) {
      const range = record[metric];
      if (range) parts.push(el("span", { class: "summary-figure" }, rangeNode(range, { bestOnly: true }), " " + metric));
    }
    if (!parts.length) return el("span", { class: "summary-figure summary-figure--none" }, "no figures");
    const out = el("span", { class: "summary" });
    parts.forEach((part, i) => {
      if (i) out.append(" · ");
      out.append(part);
    });
    return out;
  }

  // ------------------------------------------------------------------ API

  class ApiError extends Error {
    constructor(message, status) {
      super(message);
      this.status = status; // 0: no answer at all
    }
    get unreachable() {
      return this.status === 0 || this.status >= 500;
    }
  }

  async function getJson(path, query) {
    const url = new URL((state.apiBase || window.location.origin) + path);
    for (const [key, value] of Object.entries(query || {})) {
      if (value !== "" && value !== null && value !== undefined) url.searchParams.set(key, value);
    }
    const controller = new AbortController();
    const timeout = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
    let response;
    try {
      response = await fetch(url, { headers: { Accept: "application/json" }, signal: controller.signal, cache: "no-store" });
    } catch (err) {
      throw new ApiError(`no answer from ${url.origin}`, 0);
    } finally {
      clearTimeout(timeout);
    }
    let body = null;
    try {
      body = await response.json();
    } catch (err) {
      body = null;
    }
    if (!response.ok) {
      const detail = body && body.error ? body.error : `HTTP ${response.status}`;
      throw new ApiError(`${path}: ${detail}`, response.status);
    }
    if (body === null) throw new ApiError(`${path}: the answer is not JSON`, 502);
    return body;
  }

  // ------------------------------------------------------------------ polling

  async function refresh() {
    const generation = ++state.generation;
    clearTimeout(state.timer);
    document.body.setAttribute("aria-busy", "true");
    const query = { window: state.window, metric: state.metric, limit: TOP_FETCH_LIMIT, as_of: state.asOf };
    const [health, top, events] = await Promise.allSettled([
      getJson("/health"),
      getJson("/api/tallies/top", query),
      getJson("/api/events/recent", { limit: EVENTS_LIMIT }),
    ]);
    if (generation !== state.generation) return; // a newer refresh (a control changed) owns the page
    const failures = [health, top, events].filter((r) => r.status === "rejected").map((r) => r.reason);
    const unreachable = failures.find((e) => !(e instanceof ApiError) || e.unreachable);

    if (unreachable) {
      showUnreachable(unreachable.message);
    } else {
      showHealthy(health.value);
    }
    if (top.status === "fulfilled") renderTop(top.value);
    else if (!unreachable) renderTopError(top.reason.message);
    if (events.status === "fulfilled") renderEvents(events.value.events || []);

    if (!failures.length) {
      await refreshSelection(generation);
      if (generation !== state.generation) return;
      state.lastOk = new Date();
      const stamp = $("last-update");
      stamp.textContent = utcTime(state.lastOk);
      stamp.setAttribute("datetime", state.lastOk.toISOString());
      stamp.dataset.state = "fresh";
    }
    document.body.removeAttribute("aria-busy");
    state.timer = setTimeout(refresh, state.pollMs);
  }

  function showHealthy(health) {
    const pill = $("health");
    const partitions = Number(health.assigned_partitions || 0);
    // "extractor" (loading | ready | failed) is reported by newer workers; absent means ready.
    const extractor = health.extractor || "ready";
    let kind = "ok";
    let text = `Worker ok · ${health.worker || "?"} · ${partitions} partition${partitions === 1 ? "" : "s"}`;
    if (extractor === "failed") {
      kind = "failed";
      text = `Worker ${health.worker || ""} is up but its extractor failed to load: articles go to the dead-letter topic`;
    } else if (partitions === 0 || extractor === "loading") {
      kind = "starting";
      text = extractor === "loading"
        ? `Worker ${health.worker || ""} is starting: loading the gazetteer`
        : `Worker ${health.worker || ""} is starting: no partitions assigned yet`;
    }
    pill.className = "pill " + (kind === "ok" ? "pill--ok" : kind === "starting" ? "pill--warn" : "pill--error");
    pill.dataset.state = kind;
    $("health-text").textContent = text;
    $("error-banner").hidden = true;
    document.body.dataset.state = "ok";
  }

  function showUnreachable(detail) {
    const pill = $("health");
    pill.className = "pill pill--error";
    pill.dataset.state = "unreachable";
    $("health-text").textContent = "Worker unreachable";
    $("error-detail").textContent = detail ? `(${detail}.)` : "";
    $("poll-seconds").textContent = String(Math.round(state.pollMs / 100) / 10);
    $("error-note").textContent = state.lastOk
      ? "The figures below are from the last successful update."
      : "No figures have been received yet.";
    $("error-banner").hidden = false;
    const stamp = $("last-update");
    if (state.lastOk) {
      stamp.dataset.state = "stale";
    } else {
      // Never reached: say so where the data would be, instead of "waiting".
      const message = "Worker unreachable: nothing to show yet.";
      state.rendered.top = null;
      state.rendered.events = null;
      $("top-caption").textContent = "No data: the worker is unreachable";
      $("top-body").replaceChildren(el("tr", { class: "empty-row error-row" }, el("td", { colspan: 9 }, message)));
      $("events-list").replaceChildren(el("li", { class: "empty error" }, message));
    }
    document.body.dataset.state = "unreachable";
  }

  function changed(section, data) {
    const json = JSON.stringify(data);
    if (state.rendered[section] === json) return false;
    state.rendered[section] = json;
    return true;
  }

  // ------------------------------------------------------------------ top regions

  function isCountry(tally) {
    return tally.region === tally.country;
  }

  function atLevel(tally) {
    if (state.level === "all") return true;
    return (state.level === "country") === isCountry(tally);
  }

  function renderTop(body) {
    const table = $("top-table");
    table.dataset.window = body.window || state.window;
    table.dataset.metric = body.metric || state.metric;
    table.dataset.level = state.level;
    table.dataset.asOf = body.as_of || "";
    const regions = (body.regions || []).filter(atLevel).slice(0, TOP_LIMIT);
    if (!changed("top", [state.level, body])) return;

    for (const th of table.querySelectorAll("th[data-metric]")) {
      const active = th.dataset.metric === (body.metric || state.metric);
      th.classList.toggle("is-metric", active);
      if (active) th.setAttribute("aria-sort", "descending");
      else th.removeAttribute("aria-sort");
    }
    const caption = $("top-caption");
    const tbody = $("top-body");
    tbody.replaceChildren();
    if (!regions.length) {
      caption.textContent = body.as_of
        ? `No incidents in the ${WINDOW_LABELS[body.window] || body.window} window containing ${body.as_of}`
        : "Waiting for data";
      const message = body.as_of
        ? "No incidents in this window."
        : "Waiting for data: no tallies yet. They appear as soon as the worker has processed articles.";
      tbody.append(el("tr", { class: "empty-row" }, el("td", { colspan: 9 }, message)));
      table.dataset.rows = "0";
      return;
    }
    const first = regions[0];
    const noun = LEVEL_NOUNS[state.level][regions.length === 1 ? 0 : 1];
    caption.textContent =
      `Top ${regions.length} ${noun} by ${body.metric}, ` +
      `${WINDOW_LABELS[body.window] || body.window} window ${first.window_start} to ${isoDayBefore(first.window_end)}` +
      (body.as_of ? ` (as of ${body.as_of})` : "");
    regions.forEach((tally, i) => {
      const selected = state.selection && state.selection.kind === "region" && state.selection.id === tally.region;
      const row = el(
        "tr",
        { dataset: { region: tally.region }, class: selected ? "is-selected" : null },
        el("td", { class: "num rank" }, String(i + 1)),
        el(
          "th",
          { scope: "row", class: "region" },
          el(
            "button",
            {
              type: "button",
              class: "link-button",
              "aria-label": `Show history and incidents of ${tally.region}${tally.admin1 ? " (" + tally.admin1 + ")" : ""}`,
              onclick: () => select({ kind: "region", id: tally.region, admin1: tally.admin1, country: tally.country }),
            },
            tally.region,
          ),
        ),
        el("td", { class: "admin1" + (isCountry(tally) ? " muted" : "") }, isCountry(tally) ? "(whole country)" : tally.admin1 || "—"),
        el("td", { class: "country" }, tally.country || "—"),
        ...METRICS.map((m) =>
          el("td", { class: "num " + m + (m === body.metric ? " is-metric" : ""), dataset: { metric: m } }, rangeNode(tally[m])),
        ),
        el("td", { class: "num incidents" }, fmt(tally.incidents)),
        el("td", { class: "num reports" }, fmt(tally.reports)),
      );
      tbody.append(row);
    });
    table.dataset.rows = String(regions.length);
  }

  function renderTopError(message) {
    state.rendered.top = null;
    $("top-caption").textContent = "The tallies could not be loaded";
    $("top-body").replaceChildren(el("tr", { class: "empty-row error-row" }, el("td", { colspan: 9 }, message)));
    $("top-table").dataset.rows = "0";
  }

  // ------------------------------------------------------------------ recent events

  function eventDate(event) {
    const occurred = event.occurred_on || {};
    if (occurred.date) return { text: occurred.date, note: occurred.precision && occurred.precision !== "day" ? occurred.precision : "" };
    if (event.published_at) return { text: event.published_at.slice(0, 10), note: "published" };
    return { text: "date unknown", note: "" };
  }

  function renderEvents(events) {
    state.events = new Map(events.map((e) => [e.event_id, e]));
    if (!changed("events", events)) return;
    const list = $("events-list");
    list.replaceChildren();
    if (!events.length) {
      list.append(el("li", { class: "empty" }, "Waiting for data: no events yet."));
      return;
    }
    for (const event of events) {
      const date = eventDate(event);
      const selected = state.selection && state.selection.kind === "event" && state.selection.id === event.event_id;
      const kind = event.figure_kind && event.figure_kind !== "first_report" ? event.figure_kind : null;
      list.append(
        el(
          "li",
          { class: "event" + (selected ? " is-selected" : ""), dataset: { eventId: event.event_id } },
          el(
            "button",
            {
              type: "button",
              class: "event__button",
              "aria-label": `${typeLabel(event.event_type)} in ${placeOf(event.location)} on ${date.text}: show evidence`,
              onclick: () => select({ kind: "event", id: event.event_id }),
            },
            el(
              "span",
              { class: "event__head" },
              el("span", { class: "badge badge--" + (event.event_type || "other") }, typeLabel(event.event_type)),
              kind ? el("span", { class: "badge badge--kind" }, kind === "update" ? "toll update" : kind) : null,
              el("span", { class: "event__date" }, date.text, date.note ? ` (${date.note})` : ""),
            ),
            el("span", { class: "event__place" }, placeOf(event.location)),
            el("span", { class: "event__figures" }, figureSummary(event)),
            el("span", { class: "event__source" }, event.source || "unknown source"),
          ),
        ),
      );
    }
  }

  // ------------------------------------------------------------------ selection and detail

  function select(selection) {
    state.selection = selection;
    state.rendered.detail = null;
    for (const node of document.querySelectorAll(".is-selected")) node.classList.remove("is-selected");
    if (selection.kind === "event") {
      const item = document.querySelector(`li.event[data-event-id="${CSS.escape(selection.id)}"]`);
      if (item) item.classList.add("is-selected");
    } else if (selection.kind === "region") {
      const row = document.querySelector(`#top-body tr[data-region="${CSS.escape(selection.id)}"]`);
      if (row) row.classList.add("is-selected");
    }
    refreshSelection(state.generation).then(() => {
      const heading = $("detail-heading");
      heading.setAttribute("tabindex", "-1");
      heading.focus({ preventScroll: true });
      $("detail").scrollIntoView({ block: "nearest" });
    });
  }

  async function refreshSelection(generation) {
    const selection = state.selection;
    if (!selection) return;
    const detail = $("detail-body");
    try {
      if (selection.kind === "event") {
        const event = state.events.get(selection.id) || selection.event;
        if (!event) return; // scrolled out of the recent list: keep what is shown
        selection.event = event;
        if (changed("detail", event)) detail.replaceChildren(...eventDetail(event));
      } else if (selection.kind === "region") {
        // allSettled: a country-wide scope has tallies but may list no incidents of its own.
        const [talliesResult, incidentsResult] = await Promise.allSettled([
          getJson("/api/tallies", { region: selection.id, window: state.window }),
          getJson("/api/incidents", { region: selection.id, limit: 20 }),
        ]);
        if (generation !== state.generation || state.selection !== selection) return;
        const unreachable = [talliesResult, incidentsResult].find((r) => r.status === "rejected" && r.reason.unreachable);
        if (unreachable) throw unreachable.reason;
        const tallies = talliesResult.status === "fulfilled" ? talliesResult.value : { tallies: [], error: talliesResult.reason.message };
        const incidents = incidentsResult.status === "fulfilled" ? incidentsResult.value : { incidents: [], error: incidentsResult.reason.message };
        if (changed("detail", [tallies, incidents])) detail.replaceChildren(...regionDetail(selection, tallies, incidents));
      } else if (selection.kind === "incident") {
        const incident = await getJson("/api/incidents/" + encodeURIComponent(selection.id));
        if (generation !== state.generation || state.selection !== selection) return;
        if (changed("detail", incident)) detail.replaceChildren(...incidentDetail(selection, incident));
      }
      detail.dataset.kind = selection.kind;
      detail.dataset.id = selection.id;
    } catch (err) {
      if (state.selection !== selection) return;
      state.rendered.detail = null;
      detail.replaceChildren(el("p", { class: "error" }, `Could not load the details: ${err.message}.`));
      detail.dataset.kind = "error";
    }
  }

  function headingFor(record, date) {
    return `${typeLabel(record.event_type)} in ${placeOf(record.location)}${date ? " on " + date : ""}`;
  }

  function figuresList(record) {
    const dl = el("dl", { class: "figures" });
    for (const metric of [...METRICS, "displaced_households"]) {
      if (!(metric in record) && metric === "displaced_households") continue;
      const range = record[metric];
      if (!range && metric === "displaced_households") continue;
      dl.append(el("div", { class: "figures__item" }, el("dt", {}, FIELD_LABELS[metric]), el("dd", {}, rangeNode(range))));
    }
    return dl;
  }

  /** Evidence grouped by sentence, every figure span of a sentence wrapped in <mark>. */
  function evidenceList(evidence) {
    if (!evidence || !evidence.length) return el("p", { class: "empty" }, "No evidence recorded for this record.");
    const bySentence = new Map();
    for (const item of evidence) {
      const key = `${item.sentence_start}\u0000${item.sentence}`;
      if (!bySentence.has(key)) bySentence.set(key, { sentence: item.sentence, start: item.sentence_start, items: [] });
      bySentence.get(key).items.push(item);
    }
    const list = el("ul", { class: "evidence-list" });
    for (const group of bySentence.values()) {
      list.append(el("li", { class: "evidence" }, highlightedSentence(group)));
    }
    return list;
  }

  function highlightedSentence(group) {
    const sentence = group.sentence || "";
    const spans = [];
    for (const item of group.items) {
      let from = item.start - group.start;
      let to = item.end - group.start;
      if (!(from >= 0 && to <= sentence.length && from < to && sentence.slice(from, to) === item.text)) {
        // Offsets disagree with the text (e.g. a re-extracted article): find the phrase instead.
        from = item.text ? sentence.indexOf(item.text) : -1;
        to = from + (item.text || "").length;
      }
      if (from >= 0 && to > from) spans.push({ from, to, item });
    }
    spans.sort((a, b) => a.from - b.from || b.to - a.to);
    const quote = el("blockquote", { class: "evidence__sentence" });
    let pos = 0;
    for (const span of spans) {
      if (span.from < pos) continue; // overlapping spans: keep the first
      quote.append(sentence.slice(pos, span.from));
      quote.append(
        el(
          "mark",
          { class: "span span--" + span.item.field, dataset: { field: span.item.field }, title: FIELD_LABELS[span.item.field] || span.item.field },
          sentence.slice(span.from, span.to),
        ),
      );
      pos = span.to;
    }
    quote.append(sentence.slice(pos));
    const fields = [...new Set(group.items.map((i) => FIELD_LABELS[i.field] || i.field))];
    const lost = group.items.filter((i) => !spans.some((s) => s.item === i));
    return [
      el("span", { class: "evidence__fields" }, fields.join(", ")),
      quote,
      lost.length ? el("p", { class: "evidence__lost" }, "Phrase not found in the sentence: ", lost.map((i) => `“${i.text}”`).join(", ")) : null,
    ];
  }

  function sourceLine(record) {
    const href = record.url ? safeHref(record.url) : null;
    const source = record.source || "unknown source";
    const published = record.published_at ? ` · published ${record.published_at.replace("T", " ").slice(0, 16)} UTC` : "";
    return el(
      "p",
      { class: "source" },
      href ? el("a", { href, rel: "noopener noreferrer", target: "_blank" }, source) : source,
      published,
    );
  }

  function eventDetail(event) {
    const date = eventDate(event);
    const kind = event.figure_kind === "update" ? " (a toll update: replaces earlier figures)" : event.figure_kind === "cumulative" ? " (a cumulative total)" : "";
    return [
      el("h3", { class: "detail__title" }, headingFor(event, date.text)),
      sourceLine(event),
      el("p", { class: "detail__meta" }, `Report ${event.event_id}${kind}; confidence ${Math.round((event.confidence || 0) * 100)}%.`),
      figuresList(event),
      el("h4", {}, "Evidence"),
      evidenceList(event.evidence),
    ];
  }

  function regionDetail(selection, talliesBody, incidentsBody) {
    const tallies = (talliesBody.tallies || []).slice(-REGION_WINDOWS_SHOWN).reverse();
    const incidents = incidentsBody.incidents || [];
    const title = [selection.id, selection.admin1, selection.country].filter(Boolean).join(" · ");
    const nodes = [el("h3", { class: "detail__title" }, title)];
    if (tallies.length) {
      const table = el(
        "table",
        { class: "tally-table tally-table--compact" },
        el("caption", {}, `Last ${tallies.length} ${WINDOW_LABELS[state.window] || state.window} windows`),
        el(
          "thead",
          {},
          el("tr", {}, ...["Window", "Killed", "Wounded", "Displaced", "Incidents"].map((h, i) => el("th", { scope: "col", class: i ? "num" : null }, h))),
        ),
        el(
          "tbody",
          {},
          ...tallies.map((t) =>
            el(
              "tr",
              {},
              el("th", { scope: "row" }, t.window === "day" ? t.window_start : `${t.window_start} – ${isoDayBefore(t.window_end)}`),
              ...METRICS.map((m) => el("td", { class: "num" }, rangeNode(t[m]))),
              el("td", { class: "num" }, fmt(t.incidents)),
            ),
          ),
        ),
      );
      nodes.push(el("div", { class: "table-scroll" }, table));
    } else {
      nodes.push(el("p", { class: "empty" }, talliesBody.error ? `No tallies: ${talliesBody.error}.` : "No tallies for this window kind yet."));
    }
    nodes.push(el("h4", {}, "Incidents"));
    if (!incidents.length) {
      const countryWide = selection.id === selection.country;
      nodes.push(
        el(
          "p",
          { class: "empty" },
          countryWide && incidentsBody.error
            ? "Incidents are listed per admin1 region: choose one of this country's regions (Level: Admin1 regions)."
            : incidentsBody.error
              ? `No incidents: ${incidentsBody.error}.`
              : "No incidents recorded.",
        ),
      );
    } else {
      nodes.push(
        el(
          "ul",
          { class: "incident-list" },
          ...incidents.map((inc) =>
            el(
              "li",
              { dataset: { incidentId: inc.incident_id } },
              el(
                "button",
                {
                  type: "button",
                  class: "incident__button",
                  onclick: () => select({ kind: "incident", id: inc.incident_id, from: selection }),
                },
                el("span", { class: "event__head" }, el("span", { class: "badge badge--" + inc.event_type }, typeLabel(inc.event_type)), el("span", { class: "event__date" }, inc.occurred_on)),
                el("span", { class: "event__place" }, placeOf(inc.location)),
                el("span", { class: "event__figures" }, figureSummary(inc)),
                el("span", { class: "event__source" }, `${inc.report_ids.length} report${inc.report_ids.length === 1 ? "" : "s"} · ${(inc.sources || []).join(", ") || "unknown source"}`),
              ),
            ),
          ),
        ),
      );
    }
    return nodes;
  }

  function incidentDetail(selection, incident) {
    const nodes = [];
    if (selection.from) {
      nodes.push(el("button", { type: "button", class: "link-button back", onclick: () => select(selection.from) }, `← Back to ${selection.from.id}`));
    }
    const reports = incident.reports || [];
    nodes.push(
      el("h3", { class: "detail__title" }, headingFor(incident, incident.occurred_on)),
      el(
        "p",
        { class: "detail__meta" },
        `Incident ${incident.incident_id}, revision ${incident.revision}; ${(incident.report_ids || []).length || reports.length} report(s) from ${(incident.sources || []).join(", ") || "unknown sources"}.`,
      ),
      figuresList(incident),
      el("h4", {}, "Evidence"),
      evidenceList(incident.evidence && incident.evidence.length ? incident.evidence : reports.flatMap((r) => r.evidence || [])),
    );
    if (reports.length) {
      const retired = (incident.retired_reports || []).length;
      // a big incident keeps its oldest reports as ids only (streams/incidents.py retire_reports)
      nodes.push(el("h4", {}, retired ? `Reports (${reports.length} of ${reports.length + retired} in full)` : "Reports"));
      nodes.push(
        el(
          "ol",
          { class: "report-list" },
          ...reports.map((report) =>
            el(
              "li",
              { class: "report", dataset: { eventId: report.event_id } },
              sourceLine(report),
              el("p", { class: "event__figures" }, figureSummary(report), report.figure_kind === "update" ? " (toll update)" : ""),
              evidenceList(report.evidence),
            ),
          ),
        ),
      );
    }
    return nodes;
  }

  // ------------------------------------------------------------------ controls

  function syncUrl() {
    const query = new URLSearchParams(window.location.search);
    query.set("window", state.window);
    query.set("metric", state.metric);
    query.set("level", state.level);
    if (state.asOf) query.set("as_of", state.asOf);
    else query.delete("as_of");
    window.history.replaceState(null, "", `${window.location.pathname}?${query}`);
  }

  function onControlsChange() {
    state.window = pick($("window").value, WINDOWS, "7d");
    state.metric = pick($("metric").value, METRICS, "killed");
    state.level = pick($("level").value, LEVELS, "region");
    state.asOf = $("as-of").value || "";
    state.rendered.top = null;
    if (state.selection && state.selection.kind === "region") state.rendered.detail = null;
    $("top-table").setAttribute("aria-busy", "true");
    syncUrl();
    refresh().finally(() => $("top-table").removeAttribute("aria-busy"));
  }

  function start() {
    $("window").value = state.window;
    $("metric").value = state.metric;
    $("level").value = state.level;
    $("as-of").value = state.asOf;
    $("poll-seconds").textContent = String(Math.round(state.pollMs / 100) / 10);
    $("controls").addEventListener("change", onControlsChange);
    $("controls").addEventListener("submit", (e) => {
      e.preventDefault();
      onControlsChange();
    });
    document.body.dataset.state = "loading";
    refresh();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
