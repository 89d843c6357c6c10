// Export and import of answers as a JSON file. Loaded only when a button needs it.
//
// THE ANSWERS FILE, format version 2 (JSON Schema: docs/assets/schemas/answers.schema.json)
//
//   {
//     "format": "mctoolkit-answers",      always this text: marks a file of this toolkit
//     "formatVersion": 2,                 raised only when the layout below changes
//     "exported": "2027-01-31T10:00:00.000Z",
//     "scope": "worksheet" | "workbook",  one worksheet, or every worksheet of the workbook
//     "workbook": {"name": "Salon marketing"},   the course's name ("" when it has none)  [2]
//     "worksheets": {
//       "<worksheet id>": {
//         "version": 2,                   the worksheet's version the answers were written for
//         "saved": "2027-01-31T09:58:00.000Z",
//         "answers": {"<field id>": answer},   as stored; check.js says what each type holds
//         "computed": {"<field id>": number or text},   informative, worked out again on the page
//         "earlier": {"<path>": {"version": 1, "value": answer}},   kept from older versions
//         "replaced": [{"saved": "…", "answers": {…}}]   what the worked example took the place of [2]
//       }
//     }
//   }
//
// Format version 1 is the same without the entries marked [2]; both are read.
//
// Import refuses the whole file, changing nothing, when it is larger than LIMIT, is no JSON,
// is not this format, is from a newer format version, names a worksheet the site does not have,
// or holds an answer of the wrong kind for a field of the same worksheet version. Answers
// written for another version of a worksheet that no longer fit are kept as "earlier" answers.
// A value of a linked or worked-out field or column (shown, never stored) in a file of the
// worksheet's version is what the page showed: it is left out quietly. In a file of another
// version it may have been typed when the field took answers, so it is kept as an earlier answer.
// Before anything changes the user sees, per worksheet, how many answers would change.

import { put, same, tidy } from "./answers.js";
import { isMap, own } from "./rules.js";
import { fitAll, SHOWN } from "./check.js";
import { h, labelOf } from "./form.js";
import { courseName, readBooks, writeBooks } from "./store.js";
import { downloadName, renameBook } from "./workbook-changes.js";
import { loadScript } from "./classic-script.js";

export const FORMAT = "mctoolkit-answers";
export const FORMAT_VERSION = 2;
export const LIMIT = 2 * 1024 * 1024;

const today = () => new Date().toISOString().slice(0, 10);

/** This worksheet's answers as this page holds them now (stored or not). */
const current = (w) => ({
  version: w.spec.version,
  saved: new Date().toISOString(),
  answers: w.answers(),
  computed: w.computed(),
  earlier: w.earlier(),
  replaced: w.replaced(),
});

/** The answers file's name: the course, the worksheet's title (for one worksheet), the date. */
export const answersFileName = (name, title, t) => downloadName([name, title], today(), "json", t("ws_book_file"));

export function exportAnswers(context, scope) {
  const { spec, store, t } = context;
  const worksheets = {};
  for (const sheet of scope === "worksheet" ? [spec.id] : Object.keys(spec.workbook)) {
    const record = sheet === spec.id ? current(context) : store.read(sheet);
    if (!record) continue;
    const { version, saved, answers = {}, computed = {}, earlier = {}, replaced = [] } = record;
    put(worksheets, sheet, { version, saved, answers, computed, earlier, ...(replaced.length && { replaced }) });
  }
  const name = courseName(store.book);
  const file = {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    exported: new Date().toISOString(),
    scope,
    workbook: { name },
    worksheets,
  };
  const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: "application/json" }));
  const link = h("a", { href: url, download: answersFileName(name, scope === "worksheet" ? spec.title : "", t), hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  store.setMeta({ ...store.meta(), exported: file.exported, edits: 0 });
  context.showBackup();
}

const short = (text) => (String(text).length > 60 ? `${String(text).slice(0, 59)}…` : String(text));

/** Every worksheet's answer shapes: the workbook page carries them, a worksheet page loads them. */
async function shapesOf(spec) {
  if (!spec.shapes) return Object.fromEntries(Object.entries(spec.workbook).map(([id, sheet]) => [id, sheet.fields]));
  await loadScript(spec.shapes);
  return window.mctoolkitShapes?.[spec.language] ?? {};
}

/** Check a file; show what it would change; store it only when the user agrees. */
export async function importAnswers(file, context) {
  const { spec, t, store } = context;
  const refuse = (key, values) => context.alarm(t("ws_import_refused", { reason: t(key, values) }));
  if (file.size > LIMIT) return refuse("ws_import_too_large", { size: `${LIMIT / 1024 / 1024} MB` });
  let data;
  try {
    data = JSON.parse(await file.text());
  } catch {
    return refuse("ws_import_unreadable");
  }
  if (!isMap(data) || data.format !== FORMAT || !Number.isInteger(data.formatVersion) || !isMap(data.worksheets)) {
    return refuse("ws_import_foreign");
  }
  if (data.formatVersion > FORMAT_VERSION) return refuse("ws_import_newer");
  const entries = Object.entries(data.worksheets);
  if (!entries.length) return refuse("ws_import_empty");
  let shapes;
  try {
    shapes = await shapesOf(spec);
  } catch {
    return refuse("ws_import_no_shapes");
  }

  const records = {};
  const problems = [];
  for (const [sheet, entry] of entries) {
    const known = own(spec.workbook, sheet);
    if (!known) return refuse("ws_import_unknown", { id: short(sheet) });
    const { version, answers = {}, computed = {}, earlier = {}, replaced = [] } = isMap(entry) ? entry : {};
    if (!Number.isInteger(version) || version < 1 || ![answers, computed, earlier].every(isMap)) {
      return refuse("ws_import_foreign");
    }
    if (!Array.isArray(replaced) || !replaced.every((item) => isMap(item) && isMap(item.answers))) return refuse("ws_import_foreign");
    const kept = {};
    for (const [path, item] of Object.entries(earlier)) {
      if (!isMap(item) || !("value" in item)) return refuse("ws_import_foreign");
      put(kept, path, { version: Number.isInteger(item.version) ? item.version : version, value: item.value });
    }
    const fields = sheet === spec.id ? spec.fields : own(shapes, sheet);
    const fitted = fitAll(answers, fields, "", (path, kind, value) => {
      if (kind === SHOWN && version === known.version) return; // shown by the page, never stored
      if (kind && version === known.version) problems.push({ sheet, title: known.title, path, kind });
      else put(kept, path, { version, value });
    });
    const values = Object.entries(computed).filter(([, v]) => Number.isFinite(v) || typeof v === "string");
    put(records, sheet, {
      version: known.version,
      saved: typeof entry.saved === "string" ? entry.saved.slice(0, 40) : new Date().toISOString(),
      answers: tidy(fitted, fields),
      computed: values.reduce((map, [k, v]) => put(map, k, v), {}),
      earlier: kept,
      ...(replaced.length && { replaced: replaced.map((item) => ({ saved: String(item.saved ?? "").slice(0, 40), answers: item.answers })) }),
    });
  }
  if (problems.length) {
    const [first] = problems;
    const [top, ...rest] = first.path.split(".");
    const mine = first.sheet === spec.id;
    const shape = own(mine ? spec.fields : own(shapes, first.sheet), top);
    const part = (id) => (shape?.columns?.find((column) => column.id === id) ?? own(shape?.fields, id))?.label ?? id;
    const parts = rest.map((id) => (/^\d+$/.test(id) ? `${t("row")} ${Number(id) + 1}` : part(id)));
    const field = [mine ? labelOf(context.form, top) : (shape?.label ?? top), ...parts].map(short).join(", ");
    const more = problems.length > 1 ? ` ${t("ws_import_more", { n: problems.length - 1 })}` : "";
    return context.alarm(
      t("ws_import_refused", { reason: t("ws_import_bad", { title: first.title, field, kind: t(`ws_kind_${first.kind}`) }) }) + more,
    );
  }

  const lines = Object.entries(records).map(([sheet, record]) => {
    const now = (sheet === spec.id ? current(context) : store.read(sheet))?.answers || {};
    const keys = new Set([...Object.keys(now), ...Object.keys(record.answers)]);
    const count = { added: 0, removed: 0, changed: 0 };
    for (const key of keys) {
      const [before, after] = [own(now, key), own(record.answers, key)];
      if (before == null) count.added++;
      else if (after == null) count.removed++;
      else if (!same(before, after)) count.changed++;
    }
    const title = own(spec.workbook, sheet).title;
    const text = count.added + count.removed + count.changed ? t("ws_import_change", { title, ...count }) : t("ws_import_same", { title });
    return h("li", {}, text);
  });
  // An unnamed workbook takes the course name the file carries.
  const name = isMap(data.workbook) && typeof data.workbook.name === "string" && !courseName(store.book) ? data.workbook.name.trim() : "";
  const ok = await context.ask({
    title: t("ws_import_title"),
    body: [h("p", {}, t("ws_import_text")), h("ul", {}, ...lines), ...(name ? [h("p", {}, t("ws_import_name", { name: short(name) }))] : [])],
    ok: t("ws_import_ok"),
  });
  if (ok && name) writeBooks(renameBook(readBooks(), store.book, name));
  if (ok) context.apply(records);
}
