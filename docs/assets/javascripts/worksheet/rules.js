// What a valid answer is, for each type of field: the one definition the page, the import and the
// build agree on. `answer_problems` in src/mctoolkit/checks.py gives the same problems for every
// case of tests/answers/cases.yml (tests/unit/test_answer_cases.py runs both). Pure; runs under Node.
//
// text, textarea, date (YYYY-MM-DD), choice (option id): strings; number, money, scale: numbers;
// multichoice, checklist: option ids; table, group: lists of rows {id: answer}.
// A problem is [path, code, values]. Codes "text", "date", "number", "choice", "choices" and
// "rows" say the answer is of the wrong kind (an import refuses it); "row" a row's stable id that is no id; "unknown" names a key the
// field does not have; "min", "max" and "length" say a number or a text breaks its field's rules
// (the page keeps it, marks it and leaves it out of every formula).

/** A field may be called `constructor`. */
export const own = (map, key) => (map && Object.hasOwn(map, key) ? (map[key] ?? null) : null);

/** Whether a value is an answer: not empty, not an empty list or map. */
export function answered(value) {
  if (value == null || value === "") return false;
  if (Array.isArray(value)) return value.length > 0;
  return typeof value !== "object" || Object.keys(value).length > 0;
}

export const KIND = {
  text: "text",
  textarea: "text",
  date: "date",
  number: "number",
  money: "number",
  scale: "choice",
  choice: "choice",
  multichoice: "choices",
  checklist: "choices",
  table: "rows",
  group: "rows",
};
export const MAX_ROWS = 500;

export const isMap = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

/** The key of a row's stable id in a table's row or a group's item (no column id starts with "_"); mctoolkit.model.ROW_ID. */
export const ROW_ID = "_row";

/** A row's stable id, as answers.py's is_row_id: 1 to 40 letters, digits, "-" or "_". */
export const isRowId = (value) => typeof value === "string" && /^[A-Za-z0-9_-]{1,40}$/.test(value);

const isDate = (text) =>
  /^\d{4}-\d{2}-\d{2}$/.test(text) && !isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);

const isNumber = (value) => typeof value === "number" && Number.isFinite(value);

/** Does `value` have the kind of answer `field` holds? (Its rows' cells are not looked into.) */
export function fitsKind(value, field) {
  const options = field.options || [];
  switch (KIND[field.type]) {
    case "text":
      return typeof value === "string";
    case "date":
      return typeof value === "string" && isDate(value);
    case "number":
      return isNumber(value);
    case "choice":
      if (field.options_from_answers) return isRowId(value); // a row of another worksheet, kept when that row is removed
      return field.type === "scale" ? isNumber(value) && options.includes(String(value)) : typeof value === "string" && options.includes(value);
    case "choices":
      return Array.isArray(value) && value.every((v) => typeof v === "string" && options.includes(v)) && new Set(value).size === value.length;
    case "rows":
      return Array.isArray(value) && value.length <= MAX_ROWS && value.every(isMap);
    default:
      return false;
  }
}

/** The rule of its field a value of the right kind breaks: [code, values], or null. */
export function ruleBroken(value, field) {
  if (isNumber(value) && KIND[field.type] === "number") {
    if (field.min != null && value < field.min) return ["min", { min: field.min }];
    if (field.max != null && value > field.max) return ["max", { max: field.max }];
  }
  if (typeof value === "string" && field.max_length != null && [...value].length > field.max_length) {
    return ["length", { max: field.max_length }];
  }
  return null;
}

/** The parts of a table's row or a group's item, by id. */
export const partsOf = (field) => (field.columns ? Object.fromEntries(field.columns.map((c) => [c.id, c])) : field.fields || {});

/** Every problem of `value` as an answer to `field`, at `path` (a list of keys and row numbers). */
export function problems(value, field, path = []) {
  if (value == null || value === "") return [];
  if (!fitsKind(value, field)) return [[path, KIND[field.type] ?? "unknown", {}]];
  const broken = ruleBroken(value, field);
  if (broken) return [[path, ...broken]];
  if (KIND[field.type] !== "rows") return [];
  const parts = partsOf(field);
  return value.flatMap((row, index) =>
    Object.entries(row).flatMap(([key, cell]) => {
      const part = own(parts, key);
      if (key === ROW_ID) return isRowId(cell) ? [] : [[[...path, index, key], "row", {}]];
      return part ? problems(cell, part, [...path, index, key]) : [[[...path, index, key], "unknown", {}]];
    }),
  );
}

/** The key a formula reads an answer by: "hours", or "modules.hours" for any row's hours. */
export const inputKey = (path) => (path.length === 3 ? `${path[0]}.${path[2]}` : String(path[0]));

/**
 * The answers with every value that breaks its field's rules taken out (for the formulas), and
 * the keys of what was taken out (see inputKey). The answers themselves are not changed.
 */
export function setAside(answers, fields) {
  const counted = {};
  const keys = new Set();
  for (const [id, value] of Object.entries(answers)) {
    const field = own(fields, id);
    if (!field) continue;
    if (KIND[field.type] === "rows" && Array.isArray(value)) {
      const parts = partsOf(field);
      const rows = value.map((row, index) =>
        Object.fromEntries(
          Object.entries(isMap(row) ? row : {}).filter(([key, cell]) => {
            const part = own(parts, key);
            const broken = part && ruleBroken(cell, part);
            if (broken) keys.add(inputKey([id, index, key]));
            return !broken;
          }),
        ),
      );
      counted[id] = rows;
    } else if (ruleBroken(value, field)) keys.add(id);
    else counted[id] = value;
  }
  return { counted, keys };
}
