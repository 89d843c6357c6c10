// A choice among the rows of another worksheet's table or group (`options_from_answers` in a
// worksheet's YAML): the rows as the reader wrote them are the options, and the answer is the
// chosen row's stable id, so it follows the row when the row is moved or renamed. A chosen row
// that was removed is told of, and the answer is kept. Pure; runs under Node
// (tests/js/linkedrows.test.mjs). mctoolkit.examplevalues.row_options is the build's twin.

import { copy, giveRowIds } from "./answers.js";
import { answered, isMap, own, ROW_ID } from "./rules.js";

/** The options from `rows`: each row whose `label` part is answered, as {id, label}, in the rows' order. */
export function rowOptions(rows, label) {
  if (!Array.isArray(rows)) return [];
  return giveRowIds(copy(rows))
    .filter((row) => isMap(row) && answered(own(row, label)))
    .map((row) => ({ id: own(row, ROW_ID), label: String(own(row, label)) }));
}

/** Each row's answer in `column`, by the row's stable id: what a linked column shows of the row its choice names. */
export function rowValues(rows, column) {
  if (!Array.isArray(rows)) return {};
  const rowsWithIds = giveRowIds(copy(rows)).filter((row) => isMap(row) && answered(own(row, column)));
  return Object.fromEntries(rowsWithIds.map((row) => [own(row, ROW_ID), own(row, column)]));
}

/** Does the answer `value` name a row no longer among `options`? (Nothing chosen is not removed.) */
export const isRemoved = (value, options) => answered(value) && !options.some((option) => option.id === value);

/** Where the page's linked values and the formulas hold a column's options (expressions.options_key). */
export const optionsKey = (table, column) => `${table}.${column}`;

/** The columns of a table's rows, or the members of a group's items, each with its id. */
const partsIn = (field) => field.columns || Object.entries(field.fields || {}).map(([id, member]) => ({ ...member, id }));

/** Every column (or group's member) of `spec` whose options come from another worksheet's rows. */
export function rowChoiceColumns(spec) {
  const found = [];
  for (const [table, field] of Object.entries(spec.fields)) {
    for (const column of partsIn(field)) {
      if (!column.options_from_answers) continue;
      const [worksheet, source] = column.options_from_answers.split(".");
      found.push({ table, column: column.id, worksheet, field: source, label: column.option_label, key: optionsKey(table, column.id) });
    }
  }
  return found;
}

/** Every linked column (or group's member) of `spec`: a cell that shows `column` of the row of another worksheet's `field` its `via` column chose. */
export function linkedColumns(spec) {
  const found = [];
  for (const [table, field] of Object.entries(spec.fields)) {
    for (const column of partsIn(field)) {
      if (column.type !== "linked" || !column.source) continue;
      const { worksheet, field: source, column: shown } = column.source;
      found.push({ table, column: column.id, via: column.via, worksheet, field: source, shown, key: optionsKey(table, column.id) });
    }
  }
  return found;
}

/** The value a linked cell shows: the chosen row's, from `linked` (as the page holds it); undefined when none is chosen or the row is gone. */
export function linkedCell(linked, cell, row) {
  const chosen = own(row, cell.via);
  return typeof chosen === "string" ? (own(own(linked, cell.key), chosen) ?? undefined) : undefined;
}

/** `values` with each table's rows (and group's items) showing their linked cells (`linked` as the page holds it): a document says what the page shows. */
export function withLinkedCells(values, fields, linked) {
  const shown = { ...values };
  for (const cell of linkedColumns({ fields })) {
    const rows = own(shown, cell.table);
    if (!Array.isArray(rows)) continue;
    shown[cell.table] = rows.map((row) => (isMap(row) ? { ...row, [cell.column]: linkedCell(linked, cell, row) } : row));
  }
  return shown;
}

/** `fields` with each row-choice column labelled by the rows offered now (`linked`, as the page holds them):
 * a document says the chosen row's words, not its id. */
export function withRowLabels(fields, linked) {
  const labelled = { ...fields };
  for (const choice of rowChoiceColumns({ fields })) {
    const labels = Object.fromEntries((own(linked, choice.key) || []).map((option) => [option.id, option.label]));
    const table = labelled[choice.table];
    labelled[choice.table] = table.columns
      ? { ...table, columns: table.columns.map((c) => (c.id === choice.column ? { ...c, labels } : c)) }
      : { ...table, fields: { ...table.fields, [choice.column]: { ...table.fields[choice.column], labels } } };
  }
  return labelled;
}

/** The rows each row-choice column of `fields` offers, and the values each linked column shows by row, from the
 * worksheets' records (`read(id)`), keyed as the page keeps them. */
export function offeredRows(fields, read) {
  const linked = {};
  const rowsOf = (worksheet, field) => own(read(worksheet)?.answers, field);
  for (const choice of rowChoiceColumns({ fields })) linked[choice.key] = rowOptions(rowsOf(choice.worksheet, choice.field), choice.label);
  for (const cell of linkedColumns({ fields })) linked[cell.key] = rowValues(rowsOf(cell.worksheet, cell.field), cell.shown);
  return linked;
}
