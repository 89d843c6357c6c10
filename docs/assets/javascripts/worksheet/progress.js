// How far a worksheet is filled in, from its stored record: shared by the workbook page and the
// canvas, which show it in their own words.

import { own } from "./evaluate.js";
import { given } from "./answers.js";
import { isMap } from "./rules.js";

/** {state: "empty" | "started" | "complete", answered, done, total} for a worksheet's entry
 * ({fields, required}: the ids of its answers and of those always required). */
export function progress(sheet, record) {
  const answers = isMap(record?.answers) ? record.answers : {};
  const answered = sheet.fields.filter((id) => given(own(answers, id))).length;
  const done = sheet.required.filter((id) => given(own(answers, id))).length;
  const total = sheet.required.length;
  const kept = isMap(record?.earlier) && Object.keys(record.earlier).length > 0;
  const state = !answered && !kept ? "empty" : total && done === total ? "complete" : "started";
  return { state, answered, done, total };
}
