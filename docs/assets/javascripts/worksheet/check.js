// Answers checked against a worksheet's fields, loaded when needed: an import, the worked
// example, or answers written for another version of the worksheet (what no longer fits is kept
// as an "earlier" answer, never dropped). Pure; runs under Node.
// text, textarea, date (YYYY-MM-DD), choice (option id): strings; number, money, scale: numbers;
// multichoice, checklist: option ids in option order; table, group: lists of rows {id: answer}.

import { own } from "./evaluate.js";
import { isMap, put, tidy } from "./answers.js";

const KIND = {
  text: "text", textarea: "text", date: "date", number: "number", money: "number", scale: "choice",
  choice: "choice", multichoice: "choices", checklist: "choices", table: "rows", group: "rows",
};
export const MAX_ROWS = 500;

const isDate = (text) => /^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);

/**
 * `value` made to fit `field`: undefined when empty or unfit. report(path, kind, value) hears of
 * each misfit; kind is what was expected, or null for a key the field does not have.
 */
export function fit(value, field, path, report) {
  if (value == null || value === "") return undefined;
  const options = field.options || [];
  switch (field.type) {
    case "text":
    case "textarea":
      if (typeof value === "string") return value;
      break;
    case "date":
      if (typeof value === "string" && isDate(value)) return value;
      break;
    case "number":
    case "money":
      if (Number.isFinite(value)) return value;
      break;
    case "scale":
      if (Number.isFinite(value) && options.includes(String(value))) return value;
      break;
    case "choice":
      if (typeof value === "string" && options.includes(value)) return value;
      break;
    case "multichoice":
    case "checklist":
      if (Array.isArray(value) && value.every((v) => options.includes(v))) {
        return value.length ? options.filter((option) => value.includes(option)) : undefined;
      }
      break;
    case "table":
    case "group":
      if (Array.isArray(value) && value.length <= MAX_ROWS && value.every(isMap)) {
        const parts = field.columns ? Object.fromEntries(field.columns.map((c) => [c.id, c])) : field.fields;
        return value.map((row, index) => fitAll(row, parts, `${path}.${index}.`, report));
      }
      break;
    default:
      return undefined; // computed, linked and info fields hold no answer
  }
  report(path, KIND[field.type], value);
  return undefined;
}

/** Every answer of a mapping made to fit its fields; see fit(). */
export function fitAll(answers, fields, prefix, report) {
  const fitted = {};
  for (const [key, value] of Object.entries(isMap(answers) ? answers : {})) {
    const field = own(fields, key);
    if (!field) report(prefix + key, null, value);
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
