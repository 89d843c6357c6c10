// Which optional parts a worksheet page fetches (features.js), from its spec, under Node: a page
// fetches a part's code only when its spec has what that part serves.
import { test } from "node:test";
import assert from "node:assert/strict";
import { featuresOf } from "../../docs/assets/javascripts/worksheet/features.js";
import { linkedColumns, rowChoiceColumns } from "../../docs/assets/javascripts/worksheet/linkedrows.js";

const sheet = (fields, more = {}) => ({ id: "s", sections: [{ id: "a" }], fields, ...more });
const NONE = { worked: false, rows: false, links: false, numbers: false, dates: false };

test("a page of plain texts and choices needs none of the optional parts", () => {
  assert.deepEqual(featuresOf(sheet({ name: { type: "text" }, kind: { type: "choice" } })), NONE);
});

test("formulas, conditions (a field's, a member's, a section's), charts and a description's panel are worked out", () => {
  const formula = { type: "computed", formula: { ref: "a" } };
  assert.equal(featuresOf(sheet({ total: formula })).worked, true);
  assert.equal(featuresOf(sheet({ note: { type: "text", condition: { ref: "a" } } })).worked, true);
  const group = { type: "group", fields: { why: { type: "text", condition: { ref: "a" } } } };
  assert.equal(featuresOf(sheet({ g: group })).worked, true);
  assert.equal(featuresOf({ ...sheet({}), sections: [{ id: "a", condition: { ref: "x" } }] }).worked, true);
  assert.equal(featuresOf(sheet({}, { charts: [{}] })).worked, true);
  assert.equal(featuresOf(sheet({}, { exports: ["badge"] })).worked, true);
});

test("tables and groups draw rows; numbers and money, in a table too, are checked", () => {
  assert.equal(featuresOf(sheet({ t: { type: "table", columns: [{ id: "c", type: "text" }] } })).rows, true);
  assert.equal(featuresOf(sheet({ g: { type: "group", fields: {} } })).rows, true);
  assert.equal(featuresOf(sheet({ n: { type: "money" } })).numbers, true);
  assert.deepEqual(featuresOf(sheet({ t: { type: "table", columns: [{ id: "c", type: "number" }] } })), { ...NONE, rows: true, numbers: true });
});

test("a date that must follow another is warned of", () => {
  assert.equal(featuresOf(sheet({ start: { type: "date" }, end: { type: "date", not_before: "start" } })).dates, true);
});

test("every kind of value from another worksheet fetches the linked view, as linkedrows.js finds them", () => {
  const linkedField = sheet({ p: { type: "linked", source: { worksheet: "w", field: "f" } } });
  const choice = { id: "o", type: "choice", options_from_answers: "w.outcomes" };
  const cell = { id: "l", type: "linked", via: "o", source: { worksheet: "w", field: "outcomes", column: "text" } };
  const table = sheet({ t: { type: "table", columns: [choice, cell] } });
  const group = sheet({ g: { type: "group", fields: { o: choice } } });
  assert.equal(featuresOf(linkedField).links, true);
  for (const spec of [table, group]) {
    assert.ok(rowChoiceColumns(spec).length || linkedColumns(spec).length);
    assert.equal(featuresOf(spec).links, true);
  }
});
