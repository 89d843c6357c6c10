// What a canvas block shows (canvas.js) and its state (answers.js's progress), under
// Node: the key answers of a stored record, written as each language writes numbers.
import { test } from "node:test";
import assert from "node:assert/strict";
import { showValue, stateOf, summarise } from "../../docs/assets/javascripts/worksheet/canvas.js";
import { formatNumber } from "../../docs/assets/javascripts/worksheet/format.js";

const ENGLISH = [".", ","];
const ESTONIAN = [",", "\u00a0"];

test("numbers are grouped and pointed as each language writes them, with a true minus sign", () => {
  assert.equal(formatNumber(4500, 2, 2, ENGLISH), "4,500.00");
  assert.equal(formatNumber(4500, 2, 2, ESTONIAN), "4\u00a0500,00");
  assert.equal(formatNumber(-170, 2, 2, ENGLISH), "\u2212170.00");
  assert.equal(formatNumber(2.35, 0, 1, ENGLISH), "2.4");
  assert.equal(formatNumber(52, 0, 2, ENGLISH), "52");
});

test("a value shows its option's label, its format and currency, or a shortened text", () => {
  assert.equal(showValue("eqf4", { labels: { eqf4: "EQF level 4" } }, ENGLISH), "EQF level 4");
  assert.equal(showValue(270, { format: "money", currency: "EUR" }, ESTONIAN), "270,00 EUR");
  assert.equal(showValue(16, { format: "integer" }, ENGLISH), "16");
  assert.equal(showValue("", {}, ENGLISH), null);
  const long = showValue("word ".repeat(100), {}, ENGLISH);
  assert.ok(long.length <= 180 && long.endsWith("…"));
});

test("a block sums up answers, computed values and a table's column, leaving out what is empty", () => {
  const block = {
    summary: [
      { id: "partners", column: "partner", label: "Key partners" },
      { id: "partners_per_learner", label: "Per learner", format: "money", currency: "EUR" },
      { id: "risks", label: "Risks" },
    ],
  };
  const record = {
    answers: { partners: [{ partner: "Association" }, { partner: "" }, { partner: "Café" }] },
    computed: { partners_per_learner: 25 },
  };
  assert.deepEqual(summarise(block, record, ENGLISH), [
    ["Key partners", "Association, Café"],
    ["Per learner", "25.00 EUR"],
  ]);
  assert.deepEqual(summarise(block, null, ENGLISH), []);
});

test("a block whose only answers are kept from an earlier version counts as started", () => {
  const block = { questions: [{ id: "promise", always: true, required: true, fewest: 0, parts: [] }] };
  assert.equal(stateOf(block, null), "empty");
  assert.equal(stateOf(block, { answers: {}, earlier: { old: { value: "x" } } }), "started");
  assert.equal(stateOf(block, { answers: { promise: "Fuller Tuesdays" } }), "complete");
});
