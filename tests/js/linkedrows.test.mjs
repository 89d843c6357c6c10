// A choice among another worksheet's rows: options, stable ids, removed rows, unchosen outcomes.
import { test } from "node:test";
import assert from "node:assert/strict";

import {
  isRemoved,
  linkedCell,
  linkedColumns,
  offeredRows,
  optionsKey,
  rowChoiceColumns,
  rowOptions,
  rowValues,
  withLinkedCells,
  withRowLabels,
} from "../../docs/assets/javascripts/worksheet/linkedrows.js";
import { giveRowIds, tidy } from "../../docs/assets/javascripts/worksheet/answers.js";
import { unchosen } from "../../docs/assets/javascripts/worksheet/evaluate.js";
import { fitAll, SHOWN, unpack } from "../../docs/assets/javascripts/worksheet/check.js";

const counter = () => {
  let n = 0;
  return () => `new${++n}`;
};

test("rows without ids are numbered r1, r2, … as the build numbers the worked example's", () => {
  assert.deepEqual(giveRowIds([{ outcome: "Plans" }, {}, { outcome: "Reads" }]), [
    { outcome: "Plans", _row: "r1" },
    { _row: "r2" },
    { outcome: "Reads", _row: "r3" },
  ]);
});

test("a row added to rows that have ids gets a fresh id, never a removed row's", () => {
  // r3 was removed; the row added after it must not take its place in a choice that named it
  const rows = giveRowIds([{ _row: "r1" }, { _row: "r2" }, { outcome: "New" }], counter());
  assert.deepEqual(
    rows.map((row) => row._row),
    ["r1", "r2", "new1"],
  );
});

test("a second row with the same id (a copied row) gets an id of its own", () => {
  const rows = giveRowIds([{ _row: "r1" }, { _row: "r1" }], counter());
  assert.deepEqual(
    rows.map((row) => row._row),
    ["r1", "new1"],
  );
});

test("the options are the rows with a label, by their ids, in the rows' order", () => {
  const rows = [
    { outcome: "Plans", _row: "a" },
    { level: "eqf4", _row: "b" },
    { outcome: "Reads", _row: "c" },
  ];
  assert.deepEqual(rowOptions(rows, "outcome"), [
    { id: "a", label: "Plans" },
    { id: "c", label: "Reads" },
  ]);
  assert.deepEqual(rowOptions(undefined, "outcome"), []);
});

test("rows stored before ids existed are offered by the ids they will keep", () => {
  assert.deepEqual(
    rowOptions([{ outcome: "Plans" }, { outcome: "Reads" }], "outcome").map((o) => o.id),
    ["r1", "r2"],
  );
});

test("a choice follows its row when the row is moved and reworded", () => {
  const before = rowOptions(
    [
      { outcome: "Plans", _row: "a" },
      { outcome: "Reads", _row: "b" },
    ],
    "outcome",
  );
  const after = rowOptions(
    [
      { outcome: "Reads the statistics", _row: "b" },
      { outcome: "Plans", _row: "a" },
    ],
    "outcome",
  );
  const chosen = "b";
  assert.equal(before.find((o) => o.id === chosen).label, "Reads");
  assert.equal(after.find((o) => o.id === chosen).label, "Reads the statistics");
  assert.equal(isRemoved(chosen, after), false);
});

test("a choice whose row was removed is told of; nothing chosen is not", () => {
  const options = rowOptions([{ outcome: "Plans", _row: "a" }], "outcome");
  assert.equal(isRemoved("b", options), true);
  assert.equal(isRemoved("a", options), false);
  assert.equal(isRemoved(undefined, options), false);
  assert.equal(isRemoved("", options), false);
});

test("the outcomes no row chose are named in the curriculum's order", () => {
  const options = [
    { id: "a", label: "Plans" },
    { id: "b", label: "Photographs" },
    { id: "c", label: "Reads" },
  ];
  assert.deepEqual(unchosen(options, ["c", "gone", null]), ["Plans", "Photographs"]);
  assert.deepEqual(unchosen(undefined, ["a"]), []);
});

test("the columns whose options come from another worksheet's rows are found with their source", () => {
  const spec = {
    fields: {
      plan: {
        type: "table",
        columns: [
          { id: "outcome", type: "choice", options_from_answers: "curriculum.outcomes", option_label: "outcome" },
          { id: "method", type: "choice", options: ["oral"] },
        ],
      },
    },
  };
  assert.deepEqual(rowChoiceColumns(spec), [
    { table: "plan", column: "outcome", worksheet: "curriculum", field: "outcomes", label: "outcome", key: optionsKey("plan", "outcome") },
  ]);
});

test("an import keeps each row's id and the choice of a removed row", () => {
  const fields = {
    plan: {
      type: "table",
      min_rows: 0,
      columns: [{ id: "outcome", type: "choice", options_from_answers: "curriculum.outcomes", option_label: "outcome" }],
    },
  };
  const misfits = [];
  const answers = tidy(
    fitAll({ plan: [{ outcome: "gone", _row: "x1" }, { outcome: "r2" }] }, fields, "", (...misfit) => misfits.push(misfit)),
    fields,
  );
  assert.deepEqual(misfits, []);
  assert.equal(answers.plan[0]._row, "x1");
  assert.equal(answers.plan[0].outcome, "gone");
  assert.equal(answers.plan[1].outcome, "r2");
  assert.ok(answers.plan[1]._row);
});

test("a table that only holds row ids counts as blank", () => {
  const fields = { outcomes: { type: "table", min_rows: 3, columns: [{ id: "outcome", type: "textarea" }] } };
  assert.deepEqual(tidy({ outcomes: [{ _row: "r1" }, { _row: "r2" }, { _row: "r3" }] }, fields), {});
});

const PLAN = {
  plan: {
    type: "table",
    columns: [
      { id: "outcome", type: "choice", options_from_answers: "curriculum.outcomes", option_label: "outcome" },
      { id: "method", type: "choice", labels: { test: "Test" } },
    ],
  },
};

test("a document labels a row choice with the rows the reader's other worksheet holds now", () => {
  const records = {
    curriculum: {
      answers: {
        outcomes: [
          { outcome: "Plans a campaign", _row: "a" },
          { outcome: "Reads", _row: "b" },
        ],
      },
    },
  };
  const linked = offeredRows(PLAN, (id) => records[id]);
  assert.deepEqual(linked["plan.outcome"], [
    { id: "a", label: "Plans a campaign" },
    { id: "b", label: "Reads" },
  ]);
  const [outcome, method] = withRowLabels(PLAN, linked).plan.columns;
  assert.deepEqual(outcome.labels, { a: "Plans a campaign", b: "Reads" });
  assert.deepEqual(method, PLAN.plan.columns[1]);
  assert.equal(PLAN.plan.columns[0].labels, undefined, "the page's own spec is left as it was");
});

test("a row choice whose worksheet is not started offers nothing and labels nothing", () => {
  const linked = offeredRows(PLAN, () => undefined);
  assert.deepEqual(withRowLabels(PLAN, linked).plan.columns[0].labels, {});
});

// A linked column: each row shows a column of the row its choice chose in another worksheet.

const LEVELS = {
  plan: {
    type: "table",
    columns: [
      { id: "outcome", type: "choice", options_from_answers: "curriculum.outcomes", option_label: "outcome" },
      { id: "level", type: "linked", via: "outcome", source: { worksheet: "curriculum", field: "outcomes", column: "level" } },
    ],
  },
};

const CURRICULUM = {
  curriculum: {
    answers: {
      outcomes: [
        { outcome: "Plans a campaign", level: "4", _row: "a" },
        { outcome: "Reads", _row: "b" },
        { outcome: "Photographs", level: "3", _row: "c" },
      ],
    },
  },
};

test("a row's values by its id are those it has answered, rows without ids numbered as options are", () => {
  assert.deepEqual(rowValues(CURRICULUM.curriculum.answers.outcomes, "level"), { a: "4", c: "3" });
  assert.deepEqual(rowValues([{ level: "2" }, {}, { level: 5 }], "level"), { r1: "2", r3: 5 });
  assert.deepEqual(rowValues(undefined, "level"), {});
});

test("the linked columns are found with the choice they follow and the column they show", () => {
  assert.deepEqual(linkedColumns({ fields: LEVELS }), [
    { table: "plan", column: "level", via: "outcome", worksheet: "curriculum", field: "outcomes", shown: "level", key: "plan.level" },
  ]);
});

test("a linked cell shows the chosen row's value, and nothing when none is chosen, it is blank or gone", () => {
  const linked = offeredRows(LEVELS, (id) => CURRICULUM[id]);
  const [cell] = linkedColumns({ fields: LEVELS });
  assert.equal(linkedCell(linked, cell, { outcome: "a" }), "4");
  assert.equal(linkedCell(linked, cell, { outcome: "c" }), "3");
  for (const row of [{ outcome: "b" }, { outcome: "gone" }, {}, undefined, { outcome: "__proto__" }]) {
    assert.equal(linkedCell(linked, cell, row), undefined, JSON.stringify(row));
  }
  assert.equal(linkedCell({}, cell, { outcome: "a" }), undefined, "the other worksheet not started");
});

test("a document's rows carry their linked cells, the answers left as they were", () => {
  const linked = offeredRows(LEVELS, (id) => CURRICULUM[id]);
  const answers = {
    plan: [
      { outcome: "c", _row: "r1" },
      { outcome: "gone", _row: "r2" },
    ],
    other: 1,
  };
  const shown = withLinkedCells(answers, LEVELS, linked);
  assert.deepEqual(shown.plan, [
    { outcome: "c", _row: "r1", level: "3" },
    { outcome: "gone", _row: "r2", level: undefined },
  ]);
  assert.equal(shown.other, 1);
  assert.equal(answers.plan[0].level, undefined);
  assert.deepEqual(withLinkedCells({}, LEVELS, linked), {});
});

test("a linked cell's value is told of as shown, not stored, and answers of another version keep it as an earlier answer", () => {
  const heard = [];
  const rows = { plan: [{ outcome: "a", level: "4" }] };
  assert.deepEqual(
    fitAll(rows, LEVELS, "", (...misfit) => heard.push(misfit)),
    { plan: [{ outcome: "a" }] },
  );
  assert.deepEqual(heard, [["plan.0.level", SHOWN, "4"]]);
  const { answers, earlier } = unpack({ version: 1, answers: rows }, LEVELS);
  assert.deepEqual(answers.plan, [{ outcome: "a", _row: "r1" }]);
  assert.deepEqual(earlier, { "plan.0.level": { version: 1, value: "4" } });
});

// A group's member linked the same way: each item shows a column of the row its choice chose.

const GROUP_LEVELS = {
  contacts: {
    type: "group",
    fields: {
      name: { type: "text" },
      outcome: { type: "choice", options_from_answers: "curriculum.outcomes", option_label: "outcome" },
      level: { type: "linked", via: "outcome", source: { worksheet: "curriculum", field: "outcomes", column: "level" } },
    },
  },
};

test("a group's linked member shows the chosen row's value in each item, the answers left as they were", () => {
  assert.deepEqual(rowChoiceColumns({ fields: GROUP_LEVELS }), [
    { table: "contacts", column: "outcome", worksheet: "curriculum", field: "outcomes", label: "outcome", key: "contacts.outcome" },
  ]);
  const [cell] = linkedColumns({ fields: GROUP_LEVELS });
  assert.equal(cell.key, "contacts.level");
  const linked = offeredRows(GROUP_LEVELS, (id) => CURRICULUM[id]);
  assert.equal(linkedCell(linked, cell, { outcome: "c" }), "3");
  assert.equal(linkedCell(linked, cell, { outcome: "gone" }), undefined);
  const answers = { contacts: [{ name: "Mari", outcome: "a" }] };
  assert.deepEqual(withLinkedCells(answers, GROUP_LEVELS, linked).contacts, [{ name: "Mari", outcome: "a", level: "4" }]);
  assert.equal(answers.contacts[0].level, undefined);
});

test("a group's row choice is labelled by the rows offered, its other members untouched", () => {
  const linked = offeredRows(GROUP_LEVELS, (id) => CURRICULUM[id]);
  const labelled = withRowLabels(GROUP_LEVELS, linked);
  assert.deepEqual(labelled.contacts.fields.outcome.labels, { a: "Plans a campaign", b: "Reads", c: "Photographs" });
  assert.equal(labelled.contacts.fields.name, GROUP_LEVELS.contacts.fields.name);
  assert.equal(GROUP_LEVELS.contacts.fields.outcome.labels, undefined);
});
