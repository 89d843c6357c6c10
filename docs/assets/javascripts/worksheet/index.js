// A worksheet page brought to life: the wiring between its form and the modules that do the
// work. state.js holds the answers and their changes; an edit is worked out at once
// (evaluate.js) and stored a moment later (saving.js); linkedview.js shows what comes from other
// worksheets, typed.js the numbers the page cannot read. The buttons' code (actions.js) loads
// when a pointer or focus nears one.
//
// Events on the worksheet's root, for other parts of the page to follow:
//   ws:changed  its answers changed. detail: { worksheet: its id, cause }, cause being "edit"
//               (she typed or chose), "rows" (a row added, moved or removed), "replace" (clear,
//               the worked example, an import, an undo, answers brought back) or "other-tab"
//               (another tab stored this worksheet's answers).
//   ws:saved    its answers were stored (saving.js). detail: { worksheet, rev, saved (ISO time) }.

import { answered, inputsOf, own, solve } from "./evaluate.js";
import { fewestRows, progress, progressWords, put, same, startRows, trust } from "./answers.js";
import { WorksheetState } from "./state.js";
import { createSaver } from "./saving.js";
import { createLinkedView } from "./linkedview.js";
import { createNumberChecks } from "./typed.js";
import { listenerSet, listenToButtons, setText, showAlert, showStatus } from "./page.js";
import { openStore } from "./store.js";
import { addPrintCopies, controls, fieldAt, pathOf, read, refreshCopy, texts, write } from "./form.js";
import { drawRows, findRepeaters } from "./rows.js";
import { clearPrintHeading, setPrintHeading } from "./print.js";
import { showBookLine } from "./bookline.js";
import { describeValue } from "./format.js";
import { setAside } from "./rules.js";

performance.mark("ws:module"); // benchmarks/browser_budget.py times the start from here

const extras = () => import("./extras.js");
const tools = () => import("./actions.js");

/**
 * Typing done before this script ran, as [name, value, ticked] (autocomplete="off" on the form
 * stops browsers restoring old values, which would pass for typing).
 */
function typedEarly(form) {
  const ticks = (el) => /box|radio/.test(el.type);
  const filled = (el) => (ticks(el) ? el.checked : el.type === "select-one" ? el.selectedIndex > 0 : el.value);
  return [...form.elements].filter((el) => el.name && el.willValidate && filled(el)).map((el) => [el.name, el.value, ticks(el)]);
}

/** Each field's section id, for conditions that hide a whole section. */
function sectionsOfFields(spec) {
  const sectionOf = {};
  for (const section of spec.sections) {
    document
      .getElementById(`ws-${spec.id}--${section.id}`)
      ?.querySelectorAll("[data-field]")
      .forEach((el) => put(sectionOf, el.dataset.field, section.id));
  }
  return sectionOf;
}

/**
 * The status line and the alert box. A status that tells of an action (and may offer its Undo)
 * stays until her next edit; an alert that storage failed stays until a save succeeds, any other
 * until her next edit.
 */
function worksheetMessages(root, t) {
  let undo = null; // what the status line's Undo brings back
  let telling = false; // the status tells of an action
  let alerting = null; // "storage" or "note"
  const alarm = (text, storageFails = false) => {
    alerting = text ? (storageFails ? "storage" : "note") : null;
    showAlert(root, text, storageFails);
  };
  return {
    alarm,
    undo: () => undo,
    /** A plain status (ready, saved), not an action's. */
    show: (text) => (root.querySelector("[data-ws-status]").textContent = text),
    /** Tell of an action; `snapshot` is what its Undo brings back. */
    say(text, snapshot = null) {
      showStatus(root, text, snapshot);
      undo = snapshot;
      telling = true;
    },
    edited() {
      if (alerting === "note") alarm(null);
      if (!telling) return;
      telling = false;
      undo = null;
      root.querySelector('[data-ws-action="undo"]').hidden = true;
    },
    saved() {
      if (alerting === "storage") alarm(null);
      if (!telling) root.querySelector("[data-ws-status]").textContent = t("ws_status_saved");
    },
  };
}

/** "14:05": when the answers were last stored. */
function clockTime(date) {
  return `${date.getHours()}:${String(date.getMinutes()).padStart(2, "0")}`;
}

export function mount(root) {
  const form = root.querySelector("form.ws-form");
  const spec = JSON.parse(root.querySelector(".ws-spec").textContent);
  const t = texts(root);
  const id = spec.id;
  const $ = (selector) => root.querySelector(selector);
  const store = openStore();
  const early = typedEarly(form);
  const repeaters = findRepeaters(form, spec, t);
  const outputs = new Map([...form.querySelectorAll("output[name]")].map((o) => [o.name, o]));
  const fields = Object.entries(spec.fields);
  const sectionOf = sectionsOfFields(spec);
  const inputs = inputsOf(spec);
  const marks = t("ws_number_marks");
  const describe = (value, how = {}, withUnit = false) => describeValue(value, how, withUnit, marks);

  const state = new WorksheetState(spec.fields);
  const valueAt = (path) => state.valueAt(path);
  const messages = worksheetMessages(root, t);
  const numbers = createNumberChecks({ form, spec, t, extras });
  const links = createLinkedView({ spec, form, store, t, valueAt, describe, outputs, extras });
  const saver = createSaver({ root, store, state, spec, recordExtras, hearFirst: (record) => heard(record), onSaved, onFailed });
  const { save, schedule } = saver;
  const { alarm, say } = messages;
  let result = { values: {}, hidden: new Set() }; // the worked-out values and what conditions hide
  const reasons = {}; // formula id: why it shows no value, as last shown
  const warnedDates = new Set(); // date fields warned of as before the date they follow

  /** Another version's answers are checked (misfits become earlier answers). */
  const unpacked = (record) =>
    record.version === spec.version
      ? Promise.resolve(trust(record, spec.fields))
      : import("./check.js").then((check) => check.unpack(record, spec.fields));

  /** Tell everyone on the page that the answers changed, and why (see the top of this file). */
  const announceChange = (cause) => root.dispatchEvent(new CustomEvent("ws:changed", { detail: { worksheet: id, cause } }));

  // --- Showing the answers -------------------------------------------------------------------

  function showControls(container) {
    const named = new Map();
    for (const el of container.querySelectorAll("input[name], textarea[name], select[name]")) {
      if (named.has(el.name)) named.get(el.name).push(el);
      else named.set(el.name, [el]);
    }
    for (const [name, els] of named) {
      const path = pathOf(name);
      write(els, valueAt(path), spec.language);
      numbers.check(els[0], fieldAt(spec, path));
    }
  }

  /** Every control as the answers have it, tables with as many rows as they hold. */
  function show() {
    for (const repeater of repeaters.values()) {
      const rows = own(state.answers, repeater.id);
      const count = Array.isArray(rows) ? Math.max(rows.length, fewestRows(repeater.field)) : startRows(repeater.field);
      if (!repeater.drawn || repeater.body.children.length !== count) drawRows(repeater, count, t);
      repeater.drawn = true;
    }
    links.showRowChoices(form);
    showControls(form);
    if (Object.keys(state.earlier).length || !$("[data-ws-earlier]").hidden) extras().then((x) => x.showEarlier(root, state.earlier));
    $("[data-ws-replaced]").hidden = !state.replaced.length;
    update();
  }

  /** The answers to count: none that breaks its field's rules; the keys of those left out. */
  function countable() {
    const { counted, keys } = setAside(state.answers, spec.fields);
    return { counted, left: numbers.addUnreadableKeys(keys) };
  }

  const hidden = (key) => result.hidden.has(key) || result.hidden.has(`section:${own(sectionOf, key)}`);

  /** Why a formula has no value: an input to correct, inputs to answer, or these answers. */
  function reasonFor(fid, left) {
    const read = [...inputs.get(fid)];
    const wrong = read.filter((key) => left.has(key));
    if (wrong.length) return ["ws_formula_wrong", wrong];
    if (result.values[fid] != null) return null;
    const blank = read.filter((key) => !own(spec.fields, key)?.formula && !key.includes(".") && !hidden(key));
    const missing = blank.filter((key) => !answered(result.values[key]));
    return missing.length ? ["ws_formula_missing", missing] : ["ws_formula_impossible", []];
  }

  function showReason(fid, reason) {
    if (same(reason, own(reasons, fid))) return;
    put(reasons, fid, reason);
    const note = document.getElementById(`${outputs.get(fid).id}-note`);
    if (!reason) return setText(note, t("computed"));
    extras().then((x) => {
      const names = reason[1].map((key) => t("ws_quoted", { text: x.inputLabel(form, spec, key) }));
      setText(note, t(reason[0], { fields: names.join(", ") }));
    });
  }

  // Dates that contradict each other (a course ending before it starts) are warned of, still kept.
  const datesInOrder = fields.filter(([, field]) => field.not_before);
  function warnOfDates() {
    for (const [fid, { not_before: other }] of datesInOrder) {
      const [date, earliest] = [own(state.answers, fid), own(state.answers, other)];
      const wrong = typeof date === "string" && typeof earliest === "string" && date < earliest;
      if (!wrong && !warnedDates.has(fid)) continue;
      wrong ? warnedDates.add(fid) : warnedDates.delete(fid);
      const el = controls(form, fid)[0];
      extras().then((x) =>
        x.showProblem(el, wrong && t("ws_warning_date_order", { field: t("ws_quoted", { text: x.labelOf(form, other) }) }), "warning"),
      );
    }
  }

  /** Conditions hide and show fields and sections as the worked-out result says. */
  function showConditions() {
    for (const el of form.querySelectorAll("[data-ws-conditional]")) {
      const path = el.dataset.field ? pathOf(el.dataset.field) : null;
      const section = () => "section:" + el.id.slice(`ws-${id}--`.length);
      el.hidden = result.hidden.has(!path ? section() : path.length === 3 ? `${path[0]}.${path[2]}` : path[0]);
    }
  }

  function showProgress() {
    const now = progress(spec.questions, state.answers);
    const meter = $("progress");
    meter.max = now.asked || 1;
    meter.value = now.answered;
    setText($("[data-ws-progress-text]"), t("ws_progress_text", progressWords(now, t)));
  }

  /** Work everything out again and show it: formulas, conditions, linked values, progress. */
  function update() {
    warnOfDates();
    links.showColumns();
    const { counted, left } = countable();
    result = solve(spec, counted, links.values(), sectionOf);
    showConditions();
    for (const [fid, field] of fields) {
      if (field.formula) {
        const reason = reasonFor(fid, left);
        if (reason?.[0] === "ws_formula_wrong") result.values[fid] = null; // counts in no other formula's stored value either
        setText(outputs.get(fid), describe(result.values[fid], field) ?? t("blank"));
        showReason(fid, reason);
      } else if (field.source) links.showLinked(fid, field);
    }
    showProgress();
    if (spec.exports) import("./credential.js").then((c) => c.showPanel(root, spec, current(), t));
    if (spec.charts) import("./chart.js").then((chart) => chart.showCharts(root, spec, result.values, t));
  }

  /** The answers, linked values and worked-out values as they stand, for the description's panel and exports. */
  const current = () => ({ answers: state.answers, linked: links.values(), values: result.values });

  const computed = () =>
    Object.fromEntries(fields.filter(([fid, f]) => f.formula && result.values[fid] != null).map(([fid]) => [fid, result.values[fid]]));

  // --- Storing -------------------------------------------------------------------------------

  function recordExtras() {
    return { computed: computed(), ...numbers.typedTexts() };
  }

  const showBackup = () => import("./backup.js").then((x) => x.backupNote($("[data-ws-backup]"), store.meta(), t, spec.language));

  function onSaved(record, first) {
    messages.saved();
    $("[data-ws-saved-at]").textContent = t("ws_saved_at", { time: clockTime(new Date()) });
    const meta = store.meta();
    store.setMeta({ ...meta, edits: (meta.edits || 0) + 1 });
    if (first) store.persist();
    showBackup();
  }

  function onFailed(problem) {
    alarm(t(`ws_not_saved_${problem}`), true);
  }

  /** Another tab's answers, merged with this tab's unsaved edits. */
  function heard(record, theirs = record && trust(record, spec.fields)) {
    if (!record) {
      // Storage was cleared: store again.
      if (!state.isEmpty()) schedule();
      return;
    }
    const clashes = state.hear(record, theirs);
    if (!clashes) return;
    show();
    say(t("ws_other_tab"));
    announceChange("other-tab");
    if (clashes.length) {
      extras().then((x) => alarm(t("ws_other_tab_kept", { fields: clashes.map((c) => x.labelOf(form, c)).join(", ") })));
    }
  }

  /** Storage told of a change: this worksheet's record, another's it shows values of, or all (null). */
  function storageChanged(sheet, record, stored) {
    if (sheet === id || sheet === null) {
      if (record && record.version !== spec.version) unpacked(record).then((theirs) => heard(record, theirs));
      else heard(record);
    }
    if (sheet === null || links.sources.has(sheet)) {
      links.read();
      update();
      if (!same(computed(), state.synced.computed) && (stored || Object.keys(state.answers).length)) schedule();
    }
  }

  // --- Changing the answers ------------------------------------------------------------------

  function edited(cause) {
    messages.edited();
    update();
    schedule();
    announceChange(cause);
  }

  function onEdit(event) {
    const el = event.target;
    const path = el.name && el.tagName !== "OUTPUT" && el.tagName !== "BUTTON" ? pathOf(el.name) : null;
    const field = path && fieldAt(spec, path);
    if (!field) return;
    const wasUnreadable = numbers.isUnreadable(el.name);
    numbers.check(el, field);
    const value = read(controls(form, el.name), field, spec.language);
    if (!same(value, valueAt(path))) {
      state.edit(path, value, repeaters.get(path[0])?.body.children.length);
      refreshCopy(el);
      edited("edit");
    } else if (wasUnreadable !== numbers.isUnreadable(el.name)) update(); // "24" became "24x": formulas say why
    if (wasUnreadable || numbers.isUnreadable(el.name)) schedule(); // its text is kept, to be shown again
    if (event.type === "change") save();
  }

  /** New answers in place of these (clear, example, import, undo); `offerUndo` is what Undo brings back. */
  function replace(next, message, offerUndo) {
    state.replace(next);
    show();
    save();
    say(message, offerUndo);
    announceChange("replace");
  }

  function setRows(repeater, rows) {
    state.setRows(repeater.id, rows);
    drawRows(repeater, Math.max(rows.length, fewestRows(repeater.field)), t);
    links.showRowChoices(repeater.body);
    showControls(repeater.body);
    edited("rows");
    save();
  }

  // What the buttons' code (actions.js), the downloads and the book line are lent of this worksheet.
  const context = {
    root,
    form,
    spec,
    t,
    store,
    repeaters,
    readLinked: links.read,
    save,
    say,
    alarm,
    replace,
    snapshot: (focus) => state.snapshot(focus),
    setRows,
    showBackup,
    computed,
    describe,
    current,
    answers: () => state.answers,
    earlier: () => state.earlier,
    replaced: () => state.replaced,
    undo: messages.undo,
    nextRev: saver.nextRev,
  };

  // --- Starting and stopping -----------------------------------------------------------------

  const { listen, removeAll } = listenerSet();
  let unwatch = () => {};
  let stopped = false;

  /** Typing done before the script ran, taken as if typed now. */
  function takeEarlyTyping() {
    for (const [name, value, tick] of early) {
      const el = controls(form, name).find((c) => !tick || c.value === value);
      if (!el) continue;
      tick ? (el.checked = true) : (el.value = value);
      onEdit({ target: el });
    }
  }

  /** The tools appear only now: without the script they could not work. */
  function showTools(stored) {
    addPrintCopies(form);
    // A long list of choices (more than 30, as filter.js counts) gets a search box.
    if (form.querySelector("select option:nth-child(32)")) import("./filter.js").then((f) => f.attach(form, t));
    $("[data-ws-noscript]")?.setAttribute("hidden", "");
    $("[data-ws-toolbar]").hidden = $("[data-ws-bar]").hidden = false;
    root.classList.add("ws--live");
    root.dataset.wsState ||= "saved";
    messages.show(t(stored ? "ws_status_saved" : "ws_status_ready"));
    showBackup();
    showBookLine(context);
    if (store.problem) alarm(t(`ws_not_saved_${store.problem}`), true);
  }

  function listenToPage(stored) {
    listen(form, "input", onEdit);
    listen(form, "change", onEdit);
    listen(form, "submit", (event) => event.preventDefault());
    const run = (name, button) => tools().then((actions) => actions.act(name ?? "row", button, context));
    listenToButtons(root, listen, { selector: "[data-ws-op], [data-ws-action]", run, near: tools });
    listen(window, "pagehide", save);
    listen(window, "beforeprint", () => {
      save();
      setPrintHeading(spec, store.read);
    });
    listen(document, "visibilitychange", () => document.visibilityState === "hidden" && save());
    unwatch = store.watch((sheet, record) => storageChanged(sheet, record, stored));
  }

  function start(stored, mine) {
    if (stopped) return;
    if (mine) state.load(stored, mine);
    links.read();
    show();
    numbers.restore(stored);
    if (numbers.any()) update(); // the formulas reading them say why they are blank
    takeEarlyTyping();
    showTools(stored);
    // Store answers set aside for a new version, or new values for links, now.
    if (stored && (stored.version !== spec.version || !same(computed(), state.synced.computed))) {
      state.dirty = true;
      save();
    }
    listenToPage(stored);
    performance.mark("ws:ready");
  }

  const stored = store.read(id);
  if (stored?.version === spec.version || !stored) start(stored, stored && trust(stored, spec.fields));
  else unpacked(stored).then((mine) => start(stored, mine));

  return {
    save,
    restore() {
      const record = store.read(id);
      if (record) unpacked(record).then((mine) => replace(mine, t("ws_status_saved")));
    },
    clear: () => replace({ answers: {} }, t("ws_cleared"), state.snapshot()),
    destroy() {
      stopped = true;
      save();
      unwatch();
      removeAll();
      clearPrintHeading();
    },
  };
}
