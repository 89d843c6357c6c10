// A worksheet's answers and their changes (state.js), under Node: no page, no storage.
import { test } from "node:test";
import assert from "node:assert/strict";

import { WorksheetState } from "../../docs/assets/javascripts/worksheet/state.js";
import { ROW_ID } from "../../docs/assets/javascripts/worksheet/rules.js";

const FIELDS = {
  course: { type: "text" },
  hours: { type: "number" },
  team: { type: "table", columns: [{ id: "name" }, { id: "role" }], min_rows: 0 },
};

/** A state started from a stored record of these answers, as the page starts one. */
function loaded(answers, { rev = "a.1", earlier = {}, replaced } = {}) {
  const state = new WorksheetState(FIELDS);
  state.load({ rev, computed: {}, ...(replaced && { replaced }) }, { answers, earlier });
  return state;
}

test("a new state holds nothing and has nothing to store", () => {
  const state = new WorksheetState(FIELDS);
  assert.deepEqual(state.answers, {});
  assert.equal(state.isEmpty(), true);
  assert.equal(state.dirty, false);
});

test("loading a record keeps a copy of it as the base of later merges", () => {
  const state = loaded({ course: "Welding" });
  state.answers.course = "Changed in place";
  assert.deepEqual(state.synced.answers, { course: "Welding" });
  assert.equal(state.synced.rev, "a.1");
});

test("an edit sets the answer and leaves something to store", () => {
  const state = new WorksheetState(FIELDS);
  state.edit(["course"], "Welding");
  assert.deepEqual(state.answers, { course: "Welding" });
  assert.equal(state.dirty, true);
});

test("an edit to undefined removes the answer", () => {
  const state = loaded({ course: "Welding", hours: 24 });
  state.edit(["hours"], undefined);
  assert.deepEqual(state.answers, { course: "Welding" });
});

test("a first edit in a table fills the rows the page shows, and each row gets its id", () => {
  const state = new WorksheetState(FIELDS);
  state.edit(["team", 1, "name"], "Liis", 3);
  assert.equal(state.answers.team.length, 3);
  assert.equal(state.valueAt(["team", 1, "name"]), "Liis");
  assert.deepEqual(
    state.answers.team.map((row) => row[ROW_ID]),
    ["r1", "r2", "r3"],
  );
});

test("valueAt reads a nested answer and gives undefined where there is none", () => {
  const state = loaded({ team: [{ name: "Liis" }] });
  assert.equal(state.valueAt(["team", 0, "name"]), "Liis");
  assert.equal(state.valueAt(["team", 4, "name"]), undefined);
  assert.equal(state.valueAt(["hours"]), undefined);
});

test("setting rows replaces the table's answers at once", () => {
  const state = loaded({ team: [{ name: "Liis" }, { name: "Mart" }] });
  state.setRows("team", [{ name: "Mart" }]);
  assert.equal(state.answers.team.length, 1);
  assert.equal(state.valueAt(["team", 0, "name"]), "Mart");
  assert.equal(state.dirty, true);
});

test("replacing answers keeps earlier and replaced answers unless new ones are given", () => {
  const state = loaded({ course: "Welding" }, { earlier: { old: { version: "1", value: 2 } }, replaced: [{ answers: {} }] });
  state.replace({ answers: { course: "Baking" } });
  assert.deepEqual(state.answers, { course: "Baking" });
  assert.deepEqual(Object.keys(state.earlier), ["old"]);
  assert.equal(state.replaced.length, 1);
  state.replace({ answers: {}, earlier: {}, replaced: [] });
  assert.equal(state.isEmpty(), true);
  assert.equal(state.dirty, true);
});

test("a snapshot brought back by replace undoes the changes made since", () => {
  const state = loaded({ course: "Welding" });
  const before = state.snapshot();
  state.edit(["course"], "Baking");
  state.replace(before);
  assert.deepEqual(state.answers, { course: "Welding" });
});

test("another tab's record is taken whole when this tab has nothing unsaved", () => {
  const state = loaded({ course: "Welding" });
  const clashes = state.hear({ rev: "b.1" }, { answers: { course: "Baking" }, earlier: {} });
  assert.deepEqual(clashes, []);
  assert.deepEqual(state.answers, { course: "Baking" });
  assert.equal(state.synced.rev, "b.1");
});

test("another tab's record merges with unsaved edits field by field", () => {
  const state = loaded({ course: "Welding", hours: 10 });
  state.edit(["hours"], 24);
  state.hear({ rev: "b.1" }, { answers: { course: "Baking", hours: 10 }, earlier: {} });
  assert.deepEqual(state.answers, { course: "Baking", hours: 24 });
  assert.equal(state.dirty, true);
});

test("a field both tabs changed keeps this tab's answer and is named a clash", () => {
  const state = loaded({ course: "Welding" });
  state.edit(["course"], "Mine");
  const clashes = state.hear({ rev: "b.1" }, { answers: { course: "Theirs" }, earlier: {} });
  assert.deepEqual(clashes, ["course"]);
  assert.deepEqual(state.answers, { course: "Mine" });
});

test("the record last synced is not heard again", () => {
  const state = loaded({ course: "Welding" });
  assert.equal(state.hear({ rev: "a.1" }, { answers: {}, earlier: {} }), null);
  assert.deepEqual(state.answers, { course: "Welding" });
});

test("a stored record becomes the base and leaves nothing to store", () => {
  const state = new WorksheetState(FIELDS);
  state.edit(["course"], "Welding");
  const record = { rev: "a.2", ...state.toRecord({ total: 3 }) };
  state.stored(record);
  assert.equal(state.dirty, false);
  assert.deepEqual(state.synced, { rev: "a.2", answers: { course: "Welding" }, earlier: {}, computed: { total: 3 } });
});

test("a record lists replaced answers only when there are some", () => {
  const state = loaded({ course: "Welding" });
  assert.equal("replaced" in state.toRecord({}), false);
  state.replace({ answers: {}, replaced: [{ answers: { course: "Welding" } }] });
  assert.equal(state.toRecord({}).replaced.length, 1);
});
