// A choice among the rows of another worksheet's table or group (`options_from_answers` in a
// worksheet's YAML): the rows as the reader wrote them are the options, and the answer is the
// chosen row's stable id, so it follows the row when the row is moved or renamed. A chosen row
// that was removed is told of, and the answer is kept. Pure; runs under Node
// (tests/js/linkedrows.test.mjs). mctoolkit.examplevalues.row_options is the build's twin.

import { answered, own } from "./evaluate.js";
import { copy, giveRowIds } from "./answers.js";
import { isMap, ROW_ID } from "./rules.js";

/** The options from `rows`: each row whose `label` part is answered, as {id, label}, in the rows' order. */
export function rowOptions(rows, label) {
  if (!Array.isArray(rows)) return [];
  return giveRowIds(copy(rows))
    .filter((row) => isMap(row) && answered(own(row, label)))
    .map((row) => ({ id: own(row, ROW_ID), label: String(own(row, label)) }));
}

/** Does the answer `value` name a row no longer among `options`? (Nothing chosen is not removed.) */
export const isRemoved = (value, options) => answered(value) && !options.some((option) => option.id === value);

/** Where the page's linked values and the formulas hold a column's options (expressions.options_key). */
export const optionsKey = (table, column) => `${table}.${column}`;

/** Every column of `spec` whose options come from another worksheet's rows. */
export function rowChoiceColumns(spec) {
  const found = [];
  for (const [table, field] of Object.entries(spec.fields)) {
    for (const column of field.columns || []) {
      if (!column.options_from_answers) continue;
      const [worksheet, source] = column.options_from_answers.split(".");
      found.push({ table, column: column.id, worksheet, field: source, label: column.option_label, key: optionsKey(table, column.id) });
    }
  }
  return found;
}

/** `fields` with each row-choice column labelled by the rows offered now (`linked`, as the page holds them):
 * a document says the chosen row's words, not its id. */
export function withRowLabels(fields, linked) {
  const labelled = { ...fields };
  for (const choice of rowChoiceColumns({ fields })) {
    const labels = Object.fromEntries((own(linked, choice.key) || []).map((option) => [option.id, option.label]));
    const table = labelled[choice.table];
    labelled[choice.table] = { ...table, columns: table.columns.map((c) => (c.id === choice.column ? { ...c, labels } : c)) };
  }
  return labelled;
}

/** The rows each row-choice column of `fields` offers, from the worksheets' records (`read(id)`), keyed as the page keeps them. */
export function offeredRows(fields, read) {
  const linked = {};
  for (const choice of rowChoiceColumns({ fields })) {
    linked[choice.key] = rowOptions(own(read(choice.worksheet)?.answers, choice.field), choice.label);
  }
  return linked;
}
