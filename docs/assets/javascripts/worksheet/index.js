// A worksheet brought to life. `answers` is the truth the form shows; an edit is worked out at
// once and saved a moment later. Buttons' code (actions.js) loads when a pointer or focus nears.

import { answered, inputsOf, own, solve } from "./evaluate.js";
import { fewestRows, progress, progressWords, put, same, startRows, trust } from "./answers.js";
import { WorksheetState } from "./state.js";
import { openStore, RECORD_FORMAT } from "./store.js";
import { addPrintCopies, controls, fieldAt, h, pathOf, read, refreshCopy, texts, write } from "./form.js";
import { isRemoved, linkedCell, linkedColumns, offeredRows, optionsKey, rowChoiceColumns } from "./linkedrows.js";
import { drawRows, findRepeaters } from "./rows.js";
import { clearPrintHeading, setPrintHeading } from "./print.js";
import { showBookLine } from "./bookline.js";
import { numberText, readNumber } from "./numbers.js";
import { describeValue } from "./format.js";
import { EXAMPLE } from "./workbook-list.js";
import { inputKey, isMap, ruleBroken, setAside } from "./rules.js";

performance.mark("ws:module"); // benchmarks/browser_budget.py times the start from here

const SAVE_AFTER = 400; // ms
let tabs = 0;

export function mount(root) {
  const form = root.querySelector("form.ws-form");
  const spec = JSON.parse(root.querySelector(".ws-spec").textContent);
  const t = texts(root);
  const id = spec.id;
  const $ = (selector) => root.querySelector(selector);
  const store = openStore();
  // Typing done before this script ran is kept (autocomplete="off" on the form stops browsers
  // restoring old values, which would pass for typing).
  const early = [...form.elements]
    .filter(
      (el) => el.name && el.willValidate && (/box|radio/.test(el.type) ? el.checked : el.type === "select-one" ? el.selectedIndex > 0 : el.value),
    )
    .map((el) => [el.name, el.value, /box|radio/.test(el.type)]);
  const repeaters = findRepeaters(form, spec, t);
  const outputs = new Map([...form.querySelectorAll("output[name]")].map((o) => [o.name, o]));
  const fields = Object.entries(spec.fields);
  const sectionOf = {};
  for (const section of spec.sections) {
    document
      .getElementById(`ws-${id}--${section.id}`)
      ?.querySelectorAll("[data-field]")
      .forEach((el) => put(sectionOf, el.dataset.field, section.id));
  }
  const rowChoices = rowChoiceColumns(spec); // choices among another worksheet's rows
  const linkedCells = linkedColumns(spec); // cells that show a column of the row such a choice chose
  const sources = new Set([
    ...fields.filter(([, f]) => f.source).map(([, f]) => f.source.worksheet),
    ...rowChoices.map((c) => c.worksheet),
    ...linkedCells.map((c) => c.worksheet),
  ]);
  const tab = `${Math.random().toString(36).slice(2)}.${++tabs}`;
  const status = $("[data-ws-status]");
  const undoButton = $('[data-ws-action="undo"]');
  const alertBox = $("[data-ws-alert]");

  const state = new WorksheetState(spec.fields);
  let linked = {};
  const shownRows = {};
  let result = { values: {}, hidden: new Set() };
  let timer = 0;
  let undo = null;
  let noting = false; // until the next edit, the status tells of an action
  let alarming = null; // "storage" or "note"
  let saves = 0;

  const extras = () => import("./extras.js");
  // Number fields whose text the page's language cannot read: no answer is stored for them (the
  // text is, as `typed`, to be shown again), and the formulas that read them show why they are blank.
  const unreadable = new Set();
  // A number field's text the page's language cannot read, or a number beyond its field's bounds.
  function problemOf(el, field) {
    if (!el.hasAttribute("data-ws-number")) return null;
    const { value, unreadable: refused } = readNumber(el.value, spec.language);
    refused ? unreadable.add(el.name) : unreadable.delete(el.name);
    if (refused) return t("ws_error_number");
    const [rule] = ruleBroken(value, field) || [];
    const bounds = { min: numberText(field.min, spec.language), max: numberText(field.max, spec.language) };
    return rule ? t(`ws_error_${rule}`, bounds) : null;
  }
  function checkField(el, field) {
    const message = problemOf(el, field);
    if (message || el.hasAttribute("aria-invalid")) extras().then((x) => x.showProblem(el, message));
  }

  /** The texts of the number fields the page cannot read, as a record keeps them: nothing typed is lost. */
  function typedTexts() {
    const typed = {};
    for (const name of unreadable) {
      const text = form.elements.namedItem(name)?.value;
      if (text) put(typed, name, text);
    }
    return Object.keys(typed).length ? { typed } : {};
  }

  /** Such texts as she left them, shown again and still marked (only in a field still empty). */
  function restoreTyped(record) {
    const typed = isMap(record?.typed) ? record.typed : {};
    for (const [name, text] of Object.entries(typed)) {
      const el = form.elements.namedItem(name);
      const field = el?.hasAttribute?.("data-ws-number") && fieldAt(spec, pathOf(name));
      if (typeof text !== "string" || !field || el.value) continue;
      el.value = text;
      checkField(el, field);
    }
  }
  const inputs = inputsOf(spec);
  const reasons = {}; // formula id: why it shows no value, as last shown
  // Another version's answers are checked (misfits become earlier answers).
  const unpacked = (record) =>
    record.version === spec.version
      ? Promise.resolve(trust(record, spec.fields))
      : import("./check.js").then((check) => check.unpack(record, spec.fields));

  /** The example's linked values come with the page, so its other worksheets need not be opened first. */
  function linkedValue(fid, source) {
    if (store.book === EXAMPLE) return own(spec.example_linked, fid);
    const record = store.read(source.worksheet);
    return own(record?.answers, source.field) ?? own(record?.computed, source.field);
  }

  function readLinked() {
    linked = {};
    for (const [fid, { source }] of fields) {
      const value = source && linkedValue(fid, source);
      if (value != null) put(linked, fid, value);
    }
    // What the columns take from other worksheets' rows: row choices' options, linked cells' values.
    if (store.book !== EXAMPLE) return Object.assign(linked, offeredRows(spec.fields, store.read));
    for (const { key } of rowChoices) put(linked, key, own(spec.example_linked, key) ?? []);
    for (const { key } of linkedCells) put(linked, key, own(spec.example_linked, key) ?? {});
  }

  /** Each linked cell shows the chosen row's value as the other worksheet now has it; nothing when no row is chosen or it is gone. */
  function showLinkedCells() {
    for (const output of form.querySelectorAll("output[data-ws-linked-cell]")) {
      const [table, index, column] = pathOf(output.name);
      const cell = linkedCells.find((c) => c.table === table && c.column === column);
      const how = fieldAt(spec, [table, index, column])?.source?.shows || {};
      setText(output, (cell && describe(linkedCell(linked, cell, valueAt([table, index])), how, true)) ?? "");
    }
  }

  /** Each choice among another worksheet's rows offers those rows; a chosen row that was removed is named so, and kept. */
  const offered = new WeakMap();
  const toldGone = new WeakMap();
  function showRowChoices(container) {
    for (const select of container.querySelectorAll("select[data-ws-rows-from]")) {
      const path = pathOf(select.name);
      const options = own(linked, optionsKey(path[0], path[2])) || [];
      const value = valueAt(path);
      const worksheet = t("ws_quoted", {
        text: spec.workbook[rowChoices.find((c) => c.table === path[0] && c.column === path[2]).worksheet]?.title ?? "",
      });
      const removed = isRemoved(value, options);
      const now = JSON.stringify([options, removed && value, worksheet]);
      if (offered.get(select) !== now) {
        offered.set(select, now);
        select.replaceChildren(
          select.options[0],
          ...options.map((option) => h("option", { value: option.id }, option.label)),
          ...(removed ? [h("option", { value }, t("ws_chosen_row_gone_option", { worksheet }))] : []),
        );
      }
      select.value = typeof value === "string" ? value : "";
      refreshCopy(select); // print shows the outcome's whole text as it now reads
      // Told as a warning beside the choice (as dates out of order are), the answer untouched.
      const warning = removed ? t("ws_chosen_row_gone", { worksheet }) : null;
      if ((toldGone.get(select) ?? null) !== warning) {
        toldGone.set(select, warning);
        extras().then((x) => x.showProblem(select, warning, "warning"));
      }
    }
  }

  const valueAt = (path) => state.valueAt(path);

  function showControls(container) {
    const named = new Map();
    for (const el of container.querySelectorAll("input[name], textarea[name], select[name]")) {
      named.set(el.name, [...(named.get(el.name) || []), el]);
    }
    for (const [name, els] of named) {
      write(els, valueAt(pathOf(name)), spec.language);
      checkField(els[0], fieldAt(spec, pathOf(name)));
    }
  }

  function show() {
    for (const repeater of repeaters.values()) {
      const rows = own(state.answers, repeater.id);
      const count = Array.isArray(rows) ? Math.max(rows.length, fewestRows(repeater.field)) : startRows(repeater.field);
      if (!repeater.drawn || repeater.body.children.length !== count) drawRows(repeater, count, t);
      repeater.drawn = true;
    }
    showRowChoices(form);
    showControls(form);
    if (Object.keys(state.earlier).length || !$("[data-ws-earlier]").hidden) extras().then((x) => x.showEarlier(root, state.earlier));
    $("[data-ws-replaced]").hidden = !state.replaced.length;
    update();
  }

  const marks = t("ws_number_marks");
  const describe = (value, how = {}, withUnit = false) => describeValue(value, how, withUnit, marks);

  const setText = (el, text) => el.textContent !== text && (el.textContent = text);

  function showLinked(fid, { source }) {
    const value = own(linked, fid);
    const how = source.shows || {};
    const output = outputs.get(fid);
    const rows = Array.isArray(value) && value.every(isMap) ? value : null;
    setText(output, rows ? t("ws_linked_rows", { n: rows.length }) : (describe(value, how, true) ?? t("linked_empty")));
    if (!same(rows, own(shownRows, fid))) extras().then((x) => x.showRows(output, rows, how.columns || [], describe));
    put(shownRows, fid, rows);
  }

  /** The answers to count: none that breaks its field's rules; the keys of those left out. */
  function countable() {
    const { counted, keys } = setAside(state.answers, spec.fields);
    for (const name of unreadable) {
      if (form.elements.namedItem(name)) keys.add(inputKey(pathOf(name)));
      else unreadable.delete(name); // its row is gone
    }
    return { counted, left: keys };
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
  const warned = new Set();
  function warnOfDates() {
    for (const [fid, { not_before: other }] of datesInOrder) {
      const [date, earliest] = [own(state.answers, fid), own(state.answers, other)];
      const wrong = typeof date === "string" && typeof earliest === "string" && date < earliest;
      if (!wrong && !warned.has(fid)) continue;
      wrong ? warned.add(fid) : warned.delete(fid);
      const el = controls(form, fid)[0];
      extras().then((x) =>
        x.showProblem(el, wrong && t("ws_warning_date_order", { field: t("ws_quoted", { text: x.labelOf(form, other) }) }), "warning"),
      );
    }
  }

  function update() {
    warnOfDates();
    if (rowChoices.length) showRowChoices(form);
    if (linkedCells.length) showLinkedCells();
    const { counted, left } = countable();
    result = solve(spec, counted, linked, sectionOf);
    for (const el of form.querySelectorAll("[data-ws-conditional]")) {
      const path = el.dataset.field ? pathOf(el.dataset.field) : null;
      el.hidden = result.hidden.has(!path ? `section:${el.id.slice(`ws-${id}--`.length)}` : path.length === 3 ? `${path[0]}.${path[2]}` : path[0]);
    }
    for (const [fid, field] of fields) {
      if (field.formula) {
        const reason = reasonFor(fid, left);
        if (reason?.[0] === "ws_formula_wrong") result.values[fid] = null; // counts in no other formula's stored value either
        setText(outputs.get(fid), describe(result.values[fid], field) ?? t("blank"));
        showReason(fid, reason);
      } else if (field.source) showLinked(fid, field);
    }
    const now = progress(spec.questions, state.answers);
    const meter = $("progress");
    meter.max = now.asked || 1;
    meter.value = now.answered;
    setText($("[data-ws-progress-text]"), t("ws_progress_text", progressWords(now, t)));
    if (spec.exports) import("./credential.js").then((c) => c.showPanel(root, spec, current(), t));
    if (spec.charts) import("./chart.js").then((chart) => chart.showCharts(root, spec, result.values, t));
  }

  /** The answers, linked values and worked-out values as they stand, for the description's panel and exports. */
  const current = () => ({ answers: state.answers, linked, values: result.values });

  const computed = () =>
    Object.fromEntries(fields.filter(([fid, f]) => f.formula && result.values[fid] != null).map(([fid]) => [fid, result.values[fid]]));

  function say(text, snapshot = null) {
    status.textContent = text;
    undo = snapshot;
    undoButton.hidden = !snapshot;
    noting = true;
  }

  function alarm(text, storageFails = false) {
    alarming = text ? (storageFails ? "storage" : "note") : null;
    alertBox.hidden = !text;
    setText($("[data-ws-alert-text]"), text || "");
    alertBox.querySelector("button").hidden = !storageFails;
  }

  const showBackup = () => extras().then((x) => x.backupNote($("[data-ws-backup]"), store.meta(), t, spec.language));

  function schedule() {
    state.dirty = true;
    root.dataset.wsState = "unsaved";
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_AFTER);
  }

  function save() {
    clearTimeout(timer);
    if (!state.dirty) return;
    const stored = store.read(id);
    if (stored && stored.rev !== state.synced.rev) heard(stored);
    const record = {
      format: RECORD_FORMAT,
      worksheet: id,
      version: spec.version,
      saved: new Date().toISOString(),
      rev: `${tab}.${++saves}`,
      ...state.toRecord(computed()),
      ...typedTexts(),
    };
    const problem = store.write(id, record);
    root.dataset.wsState = problem ? "failed" : "saved";
    if (problem) return alarm(t(`ws_not_saved_${problem}`), true);
    state.stored(record);
    if (alarming === "storage") alarm(null);
    if (!noting) status.textContent = t("ws_status_saved");
    const now = new Date();
    const time = `${now.getHours()}:${String(now.getMinutes()).padStart(2, "0")}`;
    $("[data-ws-saved-at]").textContent = t("ws_saved_at", { time });
    const meta = store.meta();
    store.setMeta({ ...meta, edits: (meta.edits || 0) + 1 });
    if (saves === 1) store.persist();
    showBackup();
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
    if (clashes.length) {
      extras().then((x) => alarm(t("ws_other_tab_kept", { fields: clashes.map((c) => x.labelOf(form, c)).join(", ") })));
    }
  }

  function edited() {
    if (alarming === "note") alarm(null);
    if (noting) {
      noting = false;
      undo = null;
      undoButton.hidden = true;
    }
    update();
    schedule();
  }

  function onEdit(event) {
    const el = event.target;
    const path = el.name && el.tagName !== "OUTPUT" && el.tagName !== "BUTTON" ? pathOf(el.name) : null;
    const field = path && fieldAt(spec, path);
    if (!field) return;
    const wasUnreadable = unreadable.has(el.name);
    checkField(el, field);
    const value = read(controls(form, el.name), field, spec.language);
    if (!same(value, valueAt(path))) {
      state.edit(path, value, repeaters.get(path[0])?.body.children.length);
      refreshCopy(el);
      edited();
    } else if (wasUnreadable !== unreadable.has(el.name)) update(); // "24" became "24x": formulas say why
    if (wasUnreadable || unreadable.has(el.name)) schedule(); // its text is kept, to be shown again
    if (event.type === "change") save();
  }

  const snapshot = (focus) => state.snapshot(focus);

  function replace(next, message, offerUndo) {
    state.replace(next);
    show();
    save();
    say(message, offerUndo);
  }

  function setRows(repeater, rows) {
    state.setRows(repeater.id, rows);
    drawRows(repeater, Math.max(rows.length, fewestRows(repeater.field)), t);
    showRowChoices(repeater.body);
    showControls(repeater.body);
    edited();
    save();
  }

  const context = {
    root,
    form,
    spec,
    t,
    store,
    repeaters,
    readLinked,
    save,
    say,
    alarm,
    replace,
    snapshot,
    setRows,
    showBackup,
    computed,
    describe,
    current,
    answers: () => state.answers,
    earlier: () => state.earlier,
    replaced: () => state.replaced,
    undo: () => undo,
    nextRev: () => `${tab}.${++saves}`,
  };
  const listeners = [];
  const listen = (target, type, handler) => {
    target.addEventListener(type, handler);
    listeners.push(() => target.removeEventListener(type, handler));
  };
  let unwatch = () => {};
  let stopped = false;

  function start(stored, mine) {
    if (stopped) return;
    if (mine) state.load(stored, mine);
    readLinked();
    show();
    restoreTyped(stored);
    if (unreadable.size) update(); // the formulas reading them say why they are blank
    for (const [name, value, tick] of early) {
      const el = controls(form, name).find((c) => !tick || c.value === value);
      if (!el) continue;
      tick ? (el.checked = true) : (el.value = value);
      onEdit({ target: el });
    }
    addPrintCopies(form);
    // A long list of choices (more than 30, as filter.js counts) gets a search box.
    if (form.querySelector("select option:nth-child(32)")) import("./filter.js").then((f) => f.attach(form, t));
    $("[data-ws-noscript]")?.setAttribute("hidden", "");
    $("[data-ws-toolbar]").hidden = $("[data-ws-bar]").hidden = false;
    root.classList.add("ws--live");
    root.dataset.wsState ||= "saved";
    status.textContent = t(stored ? "ws_status_saved" : "ws_status_ready");
    showBackup();
    showBookLine(context);
    if (store.problem) alarm(t(`ws_not_saved_${store.problem}`), true);
    // Store answers set aside for a new version, or new values for links, now.
    if (stored && (stored.version !== spec.version || !same(computed(), state.synced.computed))) {
      state.dirty = true;
      save();
    }

    listen(form, "input", onEdit);
    listen(form, "change", onEdit);
    listen(form, "submit", (event) => event.preventDefault());
    const tools = () => import("./actions.js");
    const act = (action, button) => tools().then((actions) => actions.act(action, button, context));
    const near = (event) => event.target.closest?.("[data-ws-op], [data-ws-action]") && tools();
    const fileInput = $("[data-ws-file]");
    listen(root, "pointerover", near);
    listen(root, "focusin", near);
    listen(root, "click", (event) => {
      const button = event.target.closest("[data-ws-op], [data-ws-action]");
      if (!button || button.disabled) return;
      if (button.dataset.wsAction !== "import") return act(button.dataset.wsAction || "row", button);
      fileInput.value = ""; // at once: the click must still count as the user's
      fileInput.click();
    });
    listen(fileInput, "change", () => act("import-chosen"));
    listen(window, "pagehide", save);
    listen(window, "beforeprint", () => {
      save();
      setPrintHeading(spec, store.read);
    });
    listen(document, "visibilitychange", () => document.visibilityState === "hidden" && save());
    unwatch = store.watch((sheet, record) => {
      if (sheet === id || sheet === null) {
        if (record && record.version !== spec.version) unpacked(record).then((theirs) => heard(record, theirs));
        else heard(record);
      }
      if (sheet === null || sources.has(sheet)) {
        readLinked();
        update();
        if (!same(computed(), state.synced.computed) && (stored || Object.keys(state.answers).length)) schedule();
      }
    });
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
    clear: () => replace({ answers: {} }, t("ws_cleared"), snapshot()),
    destroy() {
      stopped = true;
      save();
      unwatch();
      listeners.forEach((remove) => remove());
      clearPrintHeading();
    },
  };
}
