// The buttons' code, fetched when a pointer or focus nears one: rows, undo, clear, worked
// example, earlier answers, print, import (once a file is chosen), export, the Word and Markdown
// downloads (their code loads only when pressed). `w` is what index.js lends of its worksheet.

import { own } from "./evaluate.js";
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
    description.toggle(w, true);
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

export async function act(action, button, w) {
  const { t, spec } = w;
  const back = button ? () => button.focus() : firstControl(w);
  if (action === "row") {
    row(w, button.dataset.wsOp, button.dataset.wsField, Number(button.dataset.wsIndex));
  } else if (action === "undo") {
    const undo = w.undo();
    if (!undo) return;
    for (const [sheet, record] of Object.entries(undo.records || {})) w.store.write(sheet, record);
    if (undo.records) w.readLinked();
    w.replace(undo, t("ws_undone"));
    (undo.focus || firstControl(w))();
  } else if (action === "clear") {
    const before = w.snapshot(back);
    if (await ask(w, { title: t("ws_clear_title"), text: t("ws_clear_text"), ok: t("ws_clear_ok") })) {
      w.replace({ answers: {} }, t("ws_cleared"), before);
    }
    back();
  } else if (action === "example") {
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
  } else if (action === "restore-replaced" || action === "discard-replaced") {
    const replaced = w.replaced().slice(0, -1);
    const answers = action === "restore-replaced" ? w.replaced().at(-1).answers : w.answers();
    w.replace({ answers, replaced }, t(`ws_${action.replace("-", "_")}`), w.snapshot(firstControl(w)));
    w.root.querySelector('[data-ws-action="undo"]').focus();
  } else if (action === "discard-earlier") {
    w.replace({ answers: w.answers(), earlier: {} }, t("ws_earlier_discarded"), w.snapshot(firstControl(w)));
    w.root.querySelector('[data-ws-action="undo"]').focus();
  } else if (action === "print") {
    w.save();
    // The whole worksheet prints: a shown one-page description would print alone.
    if (document.documentElement.dataset.wsPrint) (await import("./credential-description.js")).toggle(w, false);
    window.print();
  } else if (action === "import-chosen") {
    const [file] = w.root.querySelector("[data-ws-file]").files;
    // One import status at a time: the last import's message and its Undo give way to this one's.
    if (file && w.undo()?.records) w.say(t("ws_status_saved"));
    if (file) await importAnswers(file, { ...w, ask: (question) => ask(w, question), apply: (records) => apply(w, records) });
  } else if (action === "word" || action === "markdown") {
    w.save();
    try {
      await (await import("./word.js")).download(w, action);
      w.say(t(`ws_${action}_made`));
    } catch (error) {
      w.alarm(t("ws_download_failed", { reason: String(error.message || error) }));
    }
  } else if (action.startsWith("description-")) {
    w.save();
    await describe(w, action.slice("description-".length));
  } else if (action.startsWith("credential-")) {
    w.save();
    const credential = await import("./credential-export.js");
    credential.download(w, action.slice("credential-".length));
  } else if (action.startsWith("export")) {
    w.save();
    exportAnswers(w, action === "export-sheet" ? "worksheet" : "workbook");
  }
}
