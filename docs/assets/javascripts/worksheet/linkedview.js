// What a worksheet shows from other worksheets: a linked field's value (or its rows), a choice
// among another worksheet's rows (its options, a chosen row that was removed named so) and a
// linked cell (a column of the row such a choice chose). Read afresh from storage whenever
// another tab stores; the worked example's come with the page.

import { put, same } from "./answers.js";
import { fieldAt, h, pathOf, refreshCopy } from "./form.js";
import { isRemoved, linkedCell, linkedColumns, offeredRows, optionsKey, rowChoiceColumns } from "./linkedrows.js";
import { isMap, own } from "./rules.js";
import { EXAMPLE } from "./workbook-list.js";
import { setText } from "./page.js";

/**
 * `valueAt(path)`: this worksheet's answer at a path; `describe(value, how, withUnit)`: a value
 * as the page says it; `outputs`: the form's outputs by name; `extras()`: extras.js, loaded.
 */
export function createLinkedView({ spec, form, store, t, valueAt, describe, outputs, extras }) {
  const fields = Object.entries(spec.fields);
  const rowChoices = rowChoiceColumns(spec); // choices among another worksheet's rows
  const linkedCells = linkedColumns(spec); // cells that show a column of the row such a choice chose
  let linked = {}; // by field id, or by the key of a row choice's options or a linked cell's values
  const shownRows = {}; // a linked field's rows as last shown in its table
  const offered = new WeakMap(); // a row choice's options as last drawn
  const toldGone = new WeakMap(); // a row choice's warning of a removed row as last shown

  /** The worksheets this one shows values of: when one of them changes, read again. */
  const sources = new Set([
    ...fields.filter(([, f]) => f.source).map(([, f]) => f.source.worksheet),
    ...rowChoices.map((c) => c.worksheet),
    ...linkedCells.map((c) => c.worksheet),
  ]);

  /** The example's linked values come with the page, so its other worksheets need not be opened first. */
  function linkedValue(fid, source) {
    if (store.book === EXAMPLE) return own(spec.example_linked, fid);
    const record = store.read(source.worksheet);
    return own(record?.answers, source.field) ?? own(record?.computed, source.field);
  }

  function read() {
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

  /** The row choices and linked cells, as the answers and the other worksheets now are. */
  function showColumns() {
    if (rowChoices.length) showRowChoices(form);
    if (linkedCells.length) showLinkedCells();
  }

  /** A linked field's value, or the number of its rows and a table of them. */
  function showLinked(fid, { source }) {
    const value = own(linked, fid);
    const how = source.shows || {};
    const output = outputs.get(fid);
    const rows = Array.isArray(value) && value.every(isMap) ? value : null;
    setText(output, rows ? t("ws_linked_rows", { n: rows.length }) : (describe(value, how, true) ?? t("linked_empty")));
    if (!same(rows, own(shownRows, fid))) extras().then((x) => x.showRows(output, rows, how.columns || [], describe));
    put(shownRows, fid, rows);
  }

  return { read, values: () => linked, sources, showRowChoices, showColumns, showLinked };
}
