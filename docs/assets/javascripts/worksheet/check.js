// Answers checked against a worksheet's fields, loaded when needed: an import, the worked
// example, or answers written for another version of the worksheet (what no longer fits is kept
// as an "earlier" answer, never dropped). Pure; runs under Node.
// What each type of field holds is defined once, in rules.js.

import { put, tidy } from "./answers.js";
import { fitsKind, isMap, isRowId, KIND, own, partsOf, ROW_ID } from "./rules.js";

/** The kind report() is told of for a value of a field or column that is shown, not stored (linked, worked out). */
export const SHOWN = "shown";

/**
 * `value` made to fit `field`: undefined when empty or unfit. report(path, kind, value) hears of
 * each misfit; kind is what was expected, null for a key the field does not have, or SHOWN for a
 * value of a linked or worked-out field or column, which holds no answer: in a file of its
 * worksheet's version it is what the page showed, in one of another version it may have been
 * typed when the field still took an answer. A value that only breaks its field's rules (a number
 * out of range) fits: it is the reader's answer.
 */
export function fit(value, field, path, report) {
  if (value == null || value === "") return undefined;
  if (!KIND[field.type]) {
    report(path, SHOWN, value); // computed, linked and info fields hold no answer
    return undefined;
  }
  if (!fitsKind(value, field)) {
    report(path, KIND[field.type], value);
    return undefined;
  }
  if (KIND[field.type] === "choices") {
    const options = field.options || [];
    return value.length ? options.filter((option) => value.includes(option)) : undefined;
  }
  if (KIND[field.type] !== "rows") return value;
  return value.map((row, index) => {
    const fitted = fitAll(row, partsOf(field), `${path}.${index}.`, report, true);
    return fitted;
  });
}

/** Every answer of a mapping made to fit its fields; see fit(). */
export function fitAll(answers, fields, prefix, report, row = false) {
  const fitted = {};
  for (const [key, value] of Object.entries(isMap(answers) ? answers : {})) {
    const field = own(fields, key);
    if (row && key === ROW_ID && isRowId(value))
      put(fitted, key, value); // the row's stable id
    else if (!field) report(prefix + key, null, value);
    else {
      const answer = fit(value, field, prefix + key, report);
      if (answer !== undefined) put(fitted, key, answer);
    }
  }
  return fitted;
}

/** A record's answers made to fit `fields`; misfits join its earlier answers. */
export function unpack(record, fields) {
  const earlier = { ...(isMap(record.earlier) ? record.earlier : {}) };
  const keep = (path, kind, value) => put(earlier, path, { version: record.version, value });
  return { answers: tidy(fitAll(record.answers, fields, "", keep), fields), earlier };
}
