// The workbook page brought to life: each worksheet's progress from the answers stored in this
// browser (updated when another tab saves), and the whole workbook exported or imported as one
// answers file, with transfer.js's format, checks and preview. Loaded on that page only.

import { own } from "./evaluate.js";
import { given } from "./answers.js";
import { isMap } from "./rules.js";
import { openStore } from "./store.js";
import { h, texts } from "./form.js";
import { backupNote } from "./extras.js";

let tabs = 0;

export function mount(root) {
  const spec = JSON.parse(root.querySelector(".ws-workbook-spec").textContent);
  const t = texts(root);
  const $ = (selector) => root.querySelector(selector);
  const store = openStore();
  const status = $("[data-ws-status]");
  const undoButton = $('[data-ws-action="undo"]');
  const fileInput = $("[data-ws-file]");
  const tab = `${Math.random().toString(36).slice(2)}.b${++tabs}`;
  let saves = 0;
  let undo = null;

  /** A worksheet's progress as the reader sees it: a state and its words. */
  function progress(sheet) {
    const record = store.read(sheet.id);
    const answers = isMap(record?.answers) ? record.answers : {};
    const answered = sheet.fields.filter((id) => given(own(answers, id))).length;
    const done = sheet.required.filter((id) => given(own(answers, id))).length;
    const total = sheet.required.length;
    const kept = isMap(record?.earlier) && Object.keys(record.earlier).length;
    if (!answered && !kept) return { state: "empty", text: t("workbook_not_started") };
    const count = t("workbook_answered", { n: answered, total: sheet.fields.length });
    if (!total) return { state: "started", text: t("workbook_started"), count };
    if (done === total) return { state: "complete", text: t("workbook_complete"), count };
    return { state: "started", text: t("workbook_required", { done, total }), count };
  }

  function show() {
    for (const sheet of spec.worksheets) {
      const cell = $(`[data-ws-sheet="${CSS.escape(sheet.id)}"] [data-ws-sheet-progress]`);
      if (!cell) continue;
      const { state, text, count } = progress(sheet);
      cell.dataset.wsState = state;
      cell.replaceChildren(...(count ? [h("strong", {}, text), h("br"), count] : [text]));
    }
    backupNote($("[data-ws-backup]"), store.meta(), t, spec.language);
  }

  function say(text, before = null) {
    status.textContent = text;
    undo = before;
    undoButton.hidden = !before;
  }

  function alarm(text) {
    $("[data-ws-alert]").hidden = !text;
    $("[data-ws-alert-text]").textContent = text || "";
  }

  /** Store the records of a checked file, all or none; offer to undo it. */
  async function apply(records) {
    const { storeRecords } = await import("./actions.js");
    const { before, problem } = storeRecords(store, records, () => `${tab}.${++saves}`);
    if (problem) return alarm(t(`ws_not_saved_${problem}`));
    alarm(null);
    show();
    say(t("ws_imported"), before);
  }

  const context = { spec, t, store, alarm, apply, showBackup: show };
  const transfer = () => import("./transfer.js");
  const near = (event) => event.target.closest?.("[data-ws-action]") && transfer();

  async function act(action) {
    alarm(null);
    if (action === "undo") {
      for (const [sheet, record] of Object.entries(undo || {})) store.write(sheet, record);
      show();
      say(t("ws_undone"));
      $('[data-ws-action="import"]').focus();
    } else if (action === "export-workbook") {
      if (!spec.worksheets.some((sheet) => store.read(sheet.id))) return say(t("workbook_nothing_to_export"));
      (await transfer()).exportAnswers(context, "workbook");
      say(t("workbook_exported"));
    } else if (action === "import-chosen") {
      const [file] = fileInput.files;
      const [{ importAnswers }, { ask }] = await Promise.all([transfer(), import("./actions.js")]);
      if (file) await importAnswers(file, { ...context, ask: (question) => ask({ root }, question) });
    }
  }

  const listeners = [];
  const listen = (target, type, handler) => {
    target.addEventListener(type, handler);
    listeners.push(() => target.removeEventListener(type, handler));
  };
  listen(root, "pointerover", near);
  listen(root, "focusin", near);
  listen(root, "click", (event) => {
    const button = event.target.closest("[data-ws-action]");
    if (!button) return;
    if (button.dataset.wsAction !== "import") return act(button.dataset.wsAction);
    fileInput.value = ""; // at once: the click must still count as the user's
    fileInput.click();
  });
  listen(fileInput, "change", () => act("import-chosen"));
  // Another tab saved; or this page comes back (from the back button's cache, another tab).
  listen(window, "pageshow", show);
  listen(document, "visibilitychange", () => document.visibilityState === "visible" && show());
  const unwatch = store.watch(show);

  show();
  $("[data-ws-toolbar]").hidden = false;
  root.classList.add("ws-workbook--live");
  if (store.problem === "unavailable") alarm(t("workbook_no_storage"));

  return {
    destroy() {
      unwatch();
      listeners.forEach((remove) => remove());
    },
  };
}
