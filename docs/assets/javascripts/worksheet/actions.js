// The buttons' code, fetched when a pointer or focus nears one: rows, undo, clear, worked
// example, earlier answers, print, import (once a file is chosen), export, the Word and Markdown
// downloads (their code loads only when pressed). `w` is what index.js lends of its worksheet.

import { own } from "./rules.js";
import { copy, same, tidy } from "./answers.js";
import { fitAll, unpack } from "./check.js";
import { h } from "./form.js";
import { RECORD_FORMAT } from "./store.js";
import { exportAnswers, importAnswers } from "./transfer.js";

/**
 * Ask in the page's own modal dialog; resolves true when the user confirms. Escape, Cancel
 * and closing all mean no; focus starts on Cancel, the harmless choice.
 */
export function ask(w, { title, text, body = [h("p", {}, text)], ok }) {
  const dialog = w.root.querySelector("[data-ws-dialog]");
  dialog.querySelector("[data-ws-dialog-title]").textContent = title;
  dialog.querySelector("[data-ws-dialog-body]").replaceChildren(...body);
  dialog.querySelector("[data-ws-dialog-ok]").textContent = ok;
  dialog.returnValue = "";
  dialog.showModal();
  return new Promise((resolve) => dialog.addEventListener("close", () => resolve(dialog.returnValue === "ok"), { once: true }));
}

const firstControl = (w) => () => w.form.querySelector("input, textarea, select")?.focus();

/** Store imported records, all or none (but `skip`'s): {before} each was, or the {problem}. */
export function storeRecords(store, records, nextRev, skip) {
  const before = {};
  for (const [sheet, record] of Object.entries(records)) {
    if (sheet === skip) continue;
    before[sheet] = store.read(sheet);
    const problem = store.write(sheet, { format: RECORD_FORMAT, worksheet: sheet, ...record, rev: nextRev() });
    if (problem) {
      Object.entries(before).forEach(([done, record]) => store.write(done, record));
      return { problem };
    }
  }
  return { before };
}

/** Store imported records, all or none; take this worksheet's; offer an undo of it all. */
function apply(w, records) {
  const { spec, store, t } = w;
  const { before: written, problem } = storeRecords(store, records, w.nextRev, spec.id);
  if (problem) return w.alarm(t(`ws_not_saved_${problem}`), true);
  const before = { ...w.snapshot(firstControl(w)), records: written };
  w.readLinked();
  w.alarm(null);
  const mine = own(records, spec.id);
  w.replace(mine ? { ...unpack(mine, spec.fields), replaced: mine.replaced ?? [] } : { answers: w.answers() }, t("ws_imported"), before);
}

/** Focus where the user was after a row moved, went or came. */
export function focusAfter(repeater, op, index) {
  const rows = repeater.body.children;
  const row = rows[Math.min(index, rows.length - 1)];
  const target =
    op === "up" || op === "down"
      ? [op, op === "up" ? "down" : "up"].map((o) => row?.querySelector(`[data-ws-op="${o}"]`)).find((b) => b && !b.disabled)
      : row?.querySelector("input, textarea, select");
  (target || repeater.add).focus();
}

const short = (text) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

/** What a reader calls a row: its first written answer, as she reads the row ("Liis"), if any. */
function rowName(rowElement) {
  const texts = rowElement?.querySelectorAll("input[type=text]:not([data-ws-number]), textarea") || [];
  const first = [...texts].map((el) => el.value.trim()).find(Boolean);
  return first && short(first.replace(/\s+/g, " "));
}

/** Move, add or remove a row of a table or an item of a group; a removal can be undone. */
function row(w, op, id, index) {
  const repeater = w.repeaters.get(id);
  const name = op === "remove" ? rowName(repeater.body.children[index]) : null;
  const before = w.snapshot(() => focusAfter(repeater, "back", index));
  const rows = copy(own(w.answers(), id)) ?? Array.from(repeater.body.children, () => ({}));
  let to = index;
  if (op === "add") to = rows.push({}) - 1;
  else if (op === "remove") rows.splice(index, 1);
  else {
    to = op === "up" ? index - 1 : index + 1;
    if (to < 0 || to >= rows.length) return;
    [rows[index], rows[to]] = [rows[to], rows[index]];
  }
  w.setRows(repeater, rows);
  focusAfter(repeater, op, to);
  const message = name ? "ws_named_removed" : `${repeater.table ? "ws_row_" : "ws_item_"}${{ add: "added", remove: "removed" }[op] || "moved"}`;
  w.say(w.t(message, { n: (op === "remove" ? index : to) + 1, item: repeater.what, name }), op === "remove" ? before : null);
}

/** The one-page description: shown (or hidden) below its button, printed alone, or as Word. */
async function describe(w, what) {
  const description = await import("./credential-description.js");
  if (what === "show") return description.toggle(w);
  if (what === "print") {
    await description.toggle(w, true);
    return window.print();
  }
  const status = w.root.querySelector("[data-ws-credential-status]");
  try {
    await description.downloadWord(w);
    status.textContent = w.t("ws_description_made");
  } catch (error) {
    w.alarm(w.t("ws_download_failed", { reason: String(error.message || error) }));
  }
}

/** Where focus goes back after a dialog: the button pressed, or the form's first control. */
const backTo = (w, button) => (button ? () => button.focus() : firstControl(w));

/** Bring back what the status line's Undo offers: answers, and records an import replaced. */
function undoLast(w) {
  const undo = w.undo();
  if (!undo) return;
  for (const [sheet, record] of Object.entries(undo.records || {})) w.store.write(sheet, record);
  if (undo.records) w.readLinked();
  w.replace(undo, w.t("ws_undone"));
  (undo.focus || firstControl(w))();
}

async function clearAll(w, button) {
  const { t } = w;
  const back = backTo(w, button);
  const before = w.snapshot(back);
  if (await ask(w, { title: t("ws_clear_title"), text: t("ws_clear_text"), ok: t("ws_clear_ok") })) {
    w.replace({ answers: {} }, t("ws_cleared"), before);
  }
  back();
}

/** The worksheet's worked example in place of her answers, which are kept to be brought back. */
async function loadExample(w, button) {
  const { t, spec } = w;
  const back = backTo(w, button);
  const before = w.snapshot(back);
  const empty = !Object.keys(w.answers()).length;
  if (empty || (await ask(w, { title: t("ws_example_title"), text: t("ws_example_text"), ok: t("ws_example_ok") }))) {
    const example = tidy(
      fitAll(copy(spec.example || {}), spec.fields, "", () => {}),
      spec.fields,
    );
    // What the example takes the place of stays in the record, to be brought back at any time.
    const kept = empty || same(w.answers(), example) ? [] : [{ saved: new Date().toISOString(), answers: w.answers() }];
    w.replace({ answers: example, replaced: [...w.replaced(), ...kept] }, t("ws_example_loaded"), before);
  }
  back();
}

/** The answers the example replaced: brought back (`restore`) or let go; either can be undone. */
function settleReplaced(w, restore) {
  const replaced = w.replaced().slice(0, -1);
  const answers = restore ? w.replaced().at(-1).answers : w.answers();
  const message = restore ? "ws_restore_replaced" : "ws_discard_replaced";
  w.replace({ answers, replaced }, w.t(message), w.snapshot(firstControl(w)));
  w.root.querySelector('[data-ws-action="undo"]').focus();
}

function discardEarlier(w) {
  w.replace({ answers: w.answers(), earlier: {} }, w.t("ws_earlier_discarded"), w.snapshot(firstControl(w)));
  w.root.querySelector('[data-ws-action="undo"]').focus();
}

async function print(w) {
  // The whole worksheet prints: a shown one-page description would print alone.
  if (document.documentElement.dataset.wsPrint) await (await import("./credential-description.js")).toggle(w, false);
  window.print();
}

async function importChosen(w) {
  const [file] = w.root.querySelector("[data-ws-file]").files;
  if (!file) return;
  // One import status at a time: the last import's message and its Undo give way to this one's.
  if (w.undo()?.records) w.say(w.t("ws_status_saved"));
  await importAnswers(file, { ...w, ask: (question) => ask(w, question), apply: (records) => apply(w, records) });
}

/** The filled Word document, or its text as Markdown, made from the page's Word template. */
async function downloadDocument(w, kind) {
  try {
    await (await import("./word.js")).download(w, kind);
    w.say(w.t(`ws_${kind}_made`));
  } catch (error) {
    w.alarm(w.t("ws_download_failed", { reason: String(error.message || error) }));
  }
}

async function exportCredential(w, kind) {
  (await import("./credential-export.js")).download(w, kind);
}

/**
 * Every action a worksheet's buttons name in data-ws-action, by that name. `run(w, button)`
 * does it (`w` is what index.js lends of its worksheet); `savesFirst`: her latest typing is
 * stored before it runs, as everything that prints, exports or downloads wants. A new export is
 * one entry here, its button in the worksheet's template and its label in both languages
 * (tests/js/actions.test.mjs checks that buttons and entries match). "import" itself is not
 * here: the page opens the file picker at once, and "import-chosen" follows.
 */
export const ACTIONS = {
  row: { run: (w, button) => row(w, button.dataset.wsOp, button.dataset.wsField, Number(button.dataset.wsIndex)) },
  undo: { run: undoLast },
  clear: { run: clearAll },
  example: { run: loadExample },
  "restore-replaced": { run: (w) => settleReplaced(w, true) },
  "discard-replaced": { run: (w) => settleReplaced(w, false) },
  "discard-earlier": { run: discardEarlier },
  "import-chosen": { run: importChosen },
  print: { savesFirst: true, run: print },
  "export-sheet": { savesFirst: true, run: (w) => exportAnswers(w, "worksheet") },
  "export-workbook": { savesFirst: true, run: (w) => exportAnswers(w, "workbook") },
  word: { savesFirst: true, run: (w) => downloadDocument(w, "word") },
  markdown: { savesFirst: true, run: (w) => downloadDocument(w, "markdown") },
  "description-show": { savesFirst: true, run: (w) => describe(w, "show") },
  "description-print": { savesFirst: true, run: (w) => describe(w, "print") },
  "description-word": { savesFirst: true, run: (w) => describe(w, "word") },
  "credential-ob3": { savesFirst: true, run: (w) => exportCredential(w, "ob3") },
  "credential-elm": { savesFirst: true, run: (w) => exportCredential(w, "elm") },
};

/** Run the action named `name` (a button's data-ws-action; its row buttons' is "row"). */
export async function act(name, button, w) {
  const action = own(ACTIONS, name);
  if (!action) return;
  if (action.savesFirst) w.save();
  await action.run(w, button);
}
