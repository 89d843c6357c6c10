// A worksheet page brought to life: the wiring between its form and the modules that do the
// work. state.js holds the answers and their changes; an edit is shown and worked out at once
// (view.js) and stored a moment later (saving.js); page.js keeps the status line and alert.
// The page's optional parts come loaded by features.js, fetched only by a page that has them:
// formulas and conditions (worked.js), tables and groups (rows.js), values from other
// worksheets (linkedview.js), number checks (typed.js), dates that must follow others
// (dates.js). The buttons' code (actions.js) loads when a pointer or focus nears one, and what
// another tab stored is heard by other-tabs.js, fetched when storage first tells of it.
//
// Events on the worksheet's root, for other parts of the page to follow:
//   ws:changed  its answers changed. detail: { worksheet: its id, cause }, cause being "edit"
//               (she typed or chose), "rows" (a row added, moved or removed), "replace" (clear,
//               the worked example, an import, an undo, answers brought back) or "other-tab"
//               (another tab stored this worksheet's answers).
//   ws:saved    its answers were stored (saving.js). detail: { worksheet, rev, saved (ISO time) }.

import { same, trust } from "./answers.js";
import { WorksheetState } from "./state.js";
import { createSaver } from "./saving.js";
import { listenerSet, listenToButtons, worksheetMessages } from "./page.js";
import { openStore } from "./store.js";
import { addPrintCopies, controls, fieldAt, pathOf, read, refreshCopy, texts, typeAgain, typedEarly } from "./form.js";
import { clearPrintHeading, setPrintHeading } from "./print.js";
import { showBookLine } from "./bookline.js";
import { describeValue } from "./format.js";
import { createView } from "./view.js";

performance.mark("ws:module"); // benchmarks/browser_budget.py times the start from here

const extras = () => import("./extras.js");
const tools = () => import("./actions.js");

// What a page without an optional part has in its place: nothing to show, nothing to check.
const NO_LINKS = { read() {}, values: () => ({}), sources: new Set(), showRowChoices() {}, showColumns() {}, showLinked() {} };
const NO_NUMBER_CHECKS = {
  check() {},
  typedTexts: () => ({}),
  restore() {},
  addUnreadableKeys: (keys) => keys,
  isUnreadable: () => false,
  any: () => false,
};
const NOTHING_WORKED_OUT = { work: () => ({ values: {}, hidden: new Set() }), computed: () => ({}) };
const NO_DATES = { warn() {} };

/** The optional parts of the page made from the code features.js loaded, a stand-in for each part the page has not. */
function optionalParts(features, { form, spec, t, store, state, valueAt, outputs, describe }) {
  const numbers = features.numbers?.createNumberChecks({ form, spec, t, extras }) ?? NO_NUMBER_CHECKS;
  const links = features.links?.createLinkedView({ spec, form, store, t, valueAt, describe, outputs, extras }) ?? NO_LINKS;
  const worked = features.worked?.createWorkedOut({ form, spec, t, state, numbers, outputs, describe }) ?? NOTHING_WORKED_OUT;
  const dates = features.dates?.createDateWarnings({ form, spec, t, state, extras }) ?? NO_DATES;
  return { numbers, links, worked, dates };
}

/**
 * `features`: what features.js loaded for this worksheet: its spec, and the modules of the
 * optional parts it has (worked, rows, links, numbers, dates), the others left out.
 */
export function mount(root, features) {
  const { spec } = features;
  const form = root.querySelector("form.ws-form");
  const t = texts(root);
  const id = spec.id;
  const $ = (selector) => root.querySelector(selector);
  const store = openStore();
  const early = typedEarly(form);
  const repeaters = features.rows ? features.rows.findRepeaters(form, spec, t) : new Map();
  const outputs = new Map([...form.querySelectorAll("output[name]")].map((o) => [o.name, o]));
  const marks = t("ws_number_marks");
  const describe = (value, how = {}, withUnit = false) => describeValue(value, how, withUnit, marks);

  const state = new WorksheetState(spec.fields);
  const valueAt = (path) => state.valueAt(path);
  const messages = worksheetMessages(root, t);
  const { alarm, say } = messages;
  const { numbers, links, worked, dates } = optionalParts(features, { form, spec, t, store, state, valueAt, outputs, describe });
  const saver = createSaver({ root, store, state, spec, recordExtras, hearFirst, onSaved, onFailed });
  const { save, schedule } = saver;
  const view = createView({ root, form, spec, t, state, repeaters, rows: features.rows, numbers, links, worked, dates, extras });
  const { show, update, current } = view;

  /** Another version's answers are checked (misfits become earlier answers). */
  const unpacked = (record) =>
    record.version === spec.version
      ? Promise.resolve(trust(record, spec.fields))
      : import("./check.js").then((check) => check.unpack(record, spec.fields));

  /** Tell everyone on the page that the answers changed, and why (see the top of this file). */
  const announceChange = (cause) => root.dispatchEvent(new CustomEvent("ws:changed", { detail: { worksheet: id, cause } }));

  const computed = worked.computed;

  // What another tab stored, heard (other-tabs.js): fetched with the first storage event for
  // this workbook, or when saving finds another tab's newer record.
  let hearing = null;
  const otherTabs = () =>
    (hearing ??= import("./other-tabs.js").then((tabs) =>
      tabs.createOtherTabs({ form, spec, t, store, state, links, show, update, schedule, say, alarm, announceChange, computed, unpacked }),
    ));

  // --- Storing -------------------------------------------------------------------------------

  function recordExtras() {
    return { computed: computed(), ...numbers.typedTexts() };
  }

  const showBackup = () => import("./backup.js").then((x) => x.backupNote($("[data-ws-backup]"), store.meta(), t, spec.language));

  function onSaved(record, first) {
    messages.saved();
    const meta = store.meta();
    store.setMeta({ ...meta, edits: (meta.edits || 0) + 1 });
    if (first) store.persist();
    showBackup();
  }

  function onFailed(problem) {
    alarm(t(`ws_not_saved_${problem}`), true);
  }

  /**
   * Another tab's newer record, found before storing: merged now, so that nothing it stored is
   * written over; other-tabs.js then shows it and tells her.
   */
  function hearFirst(record) {
    const clashes = state.hear(record, trust(record, spec.fields));
    otherTabs().then((tabs) => tabs.tell(clashes));
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
    view.redrawRows(repeater, rows.length);
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
    unwatch = store.watch((sheet) => otherTabs().then((tabs) => stopped || tabs.storageChanged(sheet, stored)));
  }

  function start(stored, mine) {
    if (stopped) return;
    if (mine) state.load(stored, mine);
    links.read();
    show();
    numbers.restore(stored);
    if (numbers.any()) update(); // the formulas reading them say why they are blank
    typeAgain(form, early, (el) => onEdit({ target: el })); // taken as if typed now
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
