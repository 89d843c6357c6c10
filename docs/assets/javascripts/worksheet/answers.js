// Answers as data (checked against fields by check.js, loaded when needed).

import { answered, isMap, isRowId, own, ROW_ID } from "./rules.js";

/** "__proto__" too stays a plain key. */
export function put(map, key, value) {
  Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
  return map;
}

export const copy = (value) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

export function same(a, b) {
  if (a === b) return true;
  if (!a || !b || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && same(a[k], b[k]));
}

export const startRows = (field) => (field.columns ? field.min_rows || 3 : field.min_items || 1);
export const fewestRows = (field) => (field.columns ? field.min_rows : field.min_items) || 0;

const rowFilled = (row) => Object.entries(row).some(([key, value]) => key !== ROW_ID && answered(value));

/** A new row's id, never one a removed row had: an answer that chose the removed row does not pass to it. */
export const newRowId = () => `n${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/**
 * Every row of `rows` with a stable id (rules.js's ROW_ID), changing `rows`. Rows that have none
 * yet, all of them (the worked example, a file older than ids, a table first filled in), are
 * numbered "r1", "r2", … as mctoolkit.answers.with_row_ids numbers them; a row added to rows that
 * have ids (or one whose id an earlier row holds) gets `fresh()`, never the id of a removed row.
 */
export function giveRowIds(rows, fresh = newRowId) {
  const ids = rows.map((row) => isMap(row) && own(row, ROW_ID)).filter(isRowId);
  const seen = new Set();
  rows.forEach((row, index) => {
    if (!isMap(row)) return;
    const id = own(row, ROW_ID);
    if (isRowId(id) && !seen.has(id)) return seen.add(id);
    let next = ids.length ? fresh() : `r${index + 1}`;
    while (seen.has(next) || ids.includes(next)) next = fresh();
    seen.add(next);
    put(row, ROW_ID, next);
  });
  return rows;
}

/** One stored form: a table as first shown (blank) is left out; each row has its stable id. */
export function tidy(answers, fields) {
  for (const [id, field] of Object.entries(fields)) {
    const rows = own(answers, id);
    if (!(field.columns || field.fields) || !Array.isArray(rows)) continue;
    while (rows.length < fewestRows(field)) rows.push({});
    if (rows.length === startRows(field) && !rows.some(rowFilled)) delete answers[id];
    else giveRowIds(rows);
  }
  return answers;
}

export const given = (value) => (Array.isArray(value) && value.every(isMap) ? value.some(rowFilled) : answered(value));

/** Field by field: changed since `base` on one side, take it; on both, keep mine (a clash). */
export function merge(base, mine, theirs) {
  const merged = {};
  const clashes = [];
  for (const key of new Set([...Object.keys(mine), ...Object.keys(theirs)])) {
    const [b, m, t] = [own(base, key), own(mine, key), own(theirs, key)];
    const value = same(m, b) ? t : m;
    if (!same(m, b) && !same(t, b) && !same(m, t)) clashes.push(key);
    if (value != null) put(merged, key, value);
  }
  return { merged, clashes };
}

export function trust(record, fields) {
  const answers = isMap(record.answers) ? record.answers : {};
  const earlier = isMap(record.earlier) ? record.earlier : {};
  for (const [id, field] of Object.entries(fields)) {
    const rows = own(answers, id);
    if ((field.columns || field.fields) && rows != null && !(Array.isArray(rows) && rows.every(isMap))) {
      put(earlier, id, { version: record.version, value: rows });
      delete answers[id];
    }
  }
  return { answers: tidy(answers, fields), earlier };
}

/**
 * A worksheet's progress, one definition for its page and the workbook page: `questions` as
 * mctoolkit.answers.progress_questions lists them. state: "empty" (nothing answered), "complete"
 * (every question answered and every required answer given) or "started".
 */
export function progress(questions, answers) {
  const count = { asked: 0, answered: 0, required: 0, given: 0 };
  const need = (value) => {
    count.required++;
    if (answered(value)) count.given++;
  };
  for (const question of questions) {
    const value = own(answers, question.id);
    const has = given(value);
    if (!question.always && !has) continue;
    count.asked++;
    if (has) count.answered++;
    if (question.required) need(has ? value : null);
    // Required columns or members: in each row holding an answer, or else in the first row shown.
    const rows = Array.isArray(value) ? value.filter((row) => isMap(row) && rowFilled(row)) : [];
    const counted = rows.length || Math.min(question.fewest, 1);
    for (let index = 0; index < counted; index++) question.parts.forEach((part) => need(own(rows[index], part)));
  }
  const complete = count.answered === count.asked && count.given === count.required;
  return { ...count, state: !count.answered ? "empty" : complete ? "complete" : "started" };
}

/** A progress in words: its state ("Complete"), and how many questions are answered. */
export function progressWords(now, t) {
  const count = t("workbook_answered", { n: now.answered, total: now.asked });
  if (now.state === "empty") return { text: t("workbook_not_started"), count };
  if (now.state === "complete") return { text: t("workbook_complete"), count };
  if (now.given < now.required) return { text: t("workbook_required", { done: now.given, total: now.required }), count };
  return { text: t("workbook_started"), count };
}
