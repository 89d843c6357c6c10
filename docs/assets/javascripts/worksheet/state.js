// One worksheet's answers as this tab holds them, and every way they change: an edit, rows set,
// a whole new set (clear, the worked example, an import, an undo), another tab's record merged
// in, a save. No DOM and no storage: index.js shows what this holds and saving.js stores it, so
// each change can be tested under Node (tests/js/state.test.mjs).

import { own } from "./rules.js";
import { copy, merge, put, same, tidy } from "./answers.js";

const NOTHING_STORED = { rev: null, answers: {}, earlier: {}, computed: {} };

export class WorksheetState {
  /** `fields`: the worksheet's fields by id (spec.fields), which every change is tidied to. */
  constructor(fields) {
    this.fields = fields;
    this.answers = {};
    // Answers an earlier version of the worksheet held that this one cannot take, by field id.
    this.earlier = {};
    // Answers the worked example took the place of, newest last, to be brought back at any time.
    this.replaced = [];
    // The record as this tab last stored or heard it: the base another tab's edits merge on.
    this.synced = NOTHING_STORED;
    // Changed since last stored (an edit, or text kept aside such as an unreadable number).
    this.dirty = false;
  }

  /** Start from a stored `record`, whose answers and earlier answers were checked into `mine`. */
  load(record, mine) {
    this.answers = mine.answers;
    this.earlier = mine.earlier;
    if (Array.isArray(record.replaced)) this.replaced = record.replaced;
    this.synced = { rev: record.rev, answers: copy(mine.answers), earlier: copy(mine.earlier), computed: record.computed || {} };
  }

  /** The answer at `path` ([field] or [table, row, column]); undefined when there is none. */
  valueAt(path) {
    return path.reduce((value, key) => (value == null ? undefined : (own(value, key) ?? undefined)), this.answers);
  }

  /**
   * Set the answer at `path`; undefined removes it. A table answered for the first time gets
   * `rowsShown` empty rows first, as many as the page shows, so the edit lands in its row.
   */
  edit(path, value, rowsShown = 0) {
    const [key, index, column] = path;
    let holder = this.answers;
    if (path.length > 1) {
      if (!Array.isArray(own(this.answers, key)))
        put(
          this.answers,
          key,
          Array.from({ length: rowsShown }, () => ({})),
        );
      while (this.answers[key].length <= index) this.answers[key].push({});
      holder = this.answers[key][index];
    }
    const name = path.length > 1 ? column : key;
    if (value === undefined) delete holder[name];
    else put(holder, name, value);
    this.changed();
  }

  /** A table's or group's rows, all at once (a row added, moved or removed). */
  setRows(id, rows) {
    put(this.answers, id, rows);
    this.changed();
  }

  /** Answers, and (when given) earlier and replaced answers, put in place of these. */
  replace({ answers, earlier = this.earlier, replaced = this.replaced }) {
    Object.assign(this, { answers, earlier, replaced });
    this.dirty = true; // taken as they come: each source (an undo, the example, a file) is tidy
  }

  /** A copy of what `replace` would bring back, with where focus goes after (an undo). */
  snapshot(focus) {
    return { answers: copy(this.answers), earlier: copy(this.earlier), replaced: copy(this.replaced), focus };
  }

  /**
   * Another tab stored `record` (its answers checked into `theirs`). Not yet stored edits of
   * this tab are merged field by field; where both changed one, this tab's answer is kept and
   * the field listed. Returns those fields, or null when the record is the one last synced.
   */
  hear(record, theirs) {
    if (record.rev === this.synced.rev) return null;
    let clashes = [];
    if (this.dirty) {
      ({ merged: this.answers, clashes } = merge(this.synced.answers, this.answers, theirs.answers));
      tidy(this.answers, this.fields);
      if (same(this.earlier, this.synced.earlier)) this.earlier = theirs.earlier;
    } else {
      this.answers = theirs.answers;
      this.earlier = theirs.earlier;
    }
    this.replaced = Array.isArray(record.replaced) ? record.replaced : [];
    this.synced = { rev: record.rev, ...copy(theirs), computed: record.computed || {} };
    return clashes;
  }

  /** Nothing answered and nothing kept from an earlier version. */
  isEmpty() {
    return !Object.keys(this.answers).length && !Object.keys(this.earlier).length;
  }

  /** What a stored record holds of these answers, with the values worked out from them. */
  toRecord(computed) {
    const { answers, earlier, replaced } = this;
    return { answers, computed, earlier, ...(replaced.length && { replaced }) };
  }

  /** `record` was stored: it is the new base, and nothing is left to store. */
  stored(record) {
    this.synced = { rev: record.rev, ...copy({ answers: this.answers, earlier: this.earlier, computed: record.computed }) };
    this.dirty = false;
  }

  changed() {
    tidy(this.answers, this.fields);
    this.dirty = true;
  }
}
