// Storing a worksheet's answers: a moment after an edit, at once when she leaves a control, and
// when the page is hidden, left or printed. Another tab's record stored meanwhile is heard first,
// so that nothing it stored is written over. Each stored record gets a revision unique to this
// tab, by which a tab knows its own records when storage tells it of them.

import { RECORD_FORMAT } from "./store.js";

const SAVE_AFTER = 400; // ms after the last change
let tabs = 0; // worksheets mounted in this tab (a page may be left and opened again)

/**
 * `state`: the worksheet's WorksheetState; `recordExtras()`: what a record holds besides the
 * answers (the computed values, texts kept as typed); `hearFirst(record)`: take in another
 * tab's newer record; `onSaved(record, first)` and `onFailed(problem)` tell her. Dispatches
 * "ws:saved" on `root`; detail: { worksheet: its id, rev: the record's revision, saved: ISO time }.
 */
export function createSaver({ root, store, state, spec, recordExtras, hearFirst, onSaved, onFailed }) {
  const tab = `${Math.random().toString(36).slice(2)}.${++tabs}`;
  let saves = 0;
  let timer = 0;
  const nextRev = () => `${tab}.${++saves}`;

  /** Something changed: store it in a moment, unless more changes come first. */
  function schedule() {
    state.dirty = true;
    root.dataset.wsState = "unsaved";
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_AFTER);
  }

  function save() {
    clearTimeout(timer);
    if (!state.dirty) return;
    const stored = store.read(spec.id);
    if (stored && stored.rev !== state.synced.rev) hearFirst(stored);
    const { computed, ...extras } = recordExtras();
    const record = {
      format: RECORD_FORMAT,
      worksheet: spec.id,
      version: spec.version,
      saved: new Date().toISOString(),
      rev: nextRev(),
      ...state.toRecord(computed),
      ...extras,
    };
    const problem = store.write(spec.id, record);
    root.dataset.wsState = problem ? "failed" : "saved";
    if (problem) return onFailed(problem);
    state.stored(record);
    onSaved(record, saves === 1);
    const detail = { worksheet: spec.id, rev: record.rev, saved: record.saved };
    root.dispatchEvent(new CustomEvent("ws:saved", { detail }));
  }

  return { schedule, save, nextRev };
}
