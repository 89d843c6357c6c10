// The workbook page brought to life: the reader's workbooks, one per course (open, create,
// rename, copy, delete and restore; the worked example opened read-only), each worksheet's
// progress in the open one from the answers stored in this browser (updated when another tab
// saves), and the whole workbook exported or imported as one answers file, with transfer.js's
// format, checks and preview. Loaded on that page only.

import { progress, progressWords } from "./answers.js";
import { isMap } from "./rules.js";
import { courseName, openStore, readBooks, writeBooks } from "./store.js";
import { copyBook, forgetExpired } from "./workbook-storage.js";
import { h, texts } from "./form.js";
import { backupNote } from "./backup.js";
import { bookOptions, openBook } from "./bookline.js";
import { EXAMPLE, findBook } from "./workbook-list.js";
import { addBook, newId, removeBook, renameBook, restoreBook } from "./workbook-changes.js";
import { listenerSet, listenToButtons, showAlert, showStatus } from "./page.js";

let tabs = 0;

export function mount(root) {
  const spec = JSON.parse(root.querySelector(".ws-workbook-spec").textContent);
  const t = texts(root);
  const $ = (selector) => root.querySelector(selector);
  forgetExpired();
  let store = openStore();
  const fileInput = $("[data-ws-file]");
  const tab = `${Math.random().toString(36).slice(2)}.b${++tabs}`;
  let saves = 0;
  let undo = null;
  let making = false;

  // The worked example's answers, from its data script once the example is opened here: its
  // worksheets show the example's progress, not which of them this tab has visited.
  let exampleAnswers = null;

  async function loadExample() {
    const href = root.dataset.wsExampleAnswers;
    if (!href || exampleAnswers) return;
    const { loadScript } = await import("./classic-script.js");
    await loadScript(href);
    exampleAnswers = window.mctoolkitExample?.[spec.language] ?? null;
    show();
  }

  function recordOf(sheet) {
    const answers = store.book === EXAMPLE && exampleAnswers?.[sheet.id];
    return answers ? { answers } : store.read(sheet.id);
  }

  /** A worksheet's progress as the reader sees it: a state and its words. */
  function progressOf(sheet, record = recordOf(sheet)) {
    const now = progress(sheet.questions, isMap(record?.answers) ? record.answers : {});
    const kept = isMap(record?.earlier) && Object.keys(record.earlier).length;
    if (now.state === "empty" && !kept) return { state: "empty", text: t("workbook_not_started") };
    return { ...progressWords(now, t), state: now.state === "empty" ? "started" : now.state };
  }

  function show() {
    for (const sheet of spec.worksheets) {
      const cell = $(`[data-ws-sheet="${CSS.escape(sheet.id)}"] [data-ws-sheet-progress]`);
      if (!cell) continue;
      const { state, text, count } = progressOf(sheet);
      cell.dataset.wsState = state;
      cell.replaceChildren(...(count ? [h("strong", {}, text), h("br"), count] : [text]));
    }
    backupNote($("[data-ws-backup]"), store.meta(), t, spec.language);
  }

  /** The status line; `undoing` (a function) is offered as Undo until the next action. */
  function say(text, undoing = null) {
    showStatus(root, text, undoing);
    undo = undoing;
  }

  const alarm = (text) => showAlert(root, text);

  /** Store the records of a checked file, all or none; offer to undo it. */
  async function apply(records) {
    const { storeRecords } = await import("./actions.js");
    const target = store;
    const { before, problem } = storeRecords(target, records, () => `${tab}.${++saves}`);
    if (problem) return alarm(t(`ws_not_saved_${problem}`));
    alarm(null);
    showBooks();
    say(t("ws_imported"), () => {
      for (const [sheet, record] of Object.entries(before)) target.write(sheet, record);
      show();
    });
  }

  // --- The workbooks ------------------------------------------------------------------------

  const booksBox = $("[data-ws-books]");
  const select = $("[data-ws-book]");
  const nameOf = (book) => book?.name || t("ws_book_unnamed");

  function showBooks() {
    const list = readBooks();
    const example = store.book === EXAMPLE;
    select.replaceChildren(...bookOptions(list, t));
    select.value = store.book;
    root.dataset.wsCourse = example ? t("ws_example_name") : (findBook(list, store.book)?.name ?? "");
    root.classList.toggle("ws--example", example);
    $("[data-ws-example-note]").hidden = !example;
    booksBox.querySelectorAll("[data-ws-book-tool]").forEach((el) => (el.hidden = example));
    $("[data-ws-toolbar] .ws-actions").hidden = example;
    const restore = (book) =>
      h(
        "li",
        {},
        h(
          "button",
          { type: "button", class: "ws-button", "data-ws-action": "book-restore", "data-ws-book-id": book.id },
          t("ws_book_restore", { name: nameOf(book) }),
        ),
      );
    $("[data-ws-removed]").hidden = !list.removed.length;
    $("[data-ws-removed-list]").replaceChildren(...list.removed.map(restore));
    show();
    // Without its data (a failed load) the example's worksheets show what this tab stored.
    if (example) loadExample().catch(() => {});
  }

  /** Open a workbook (or the example) here, and on the worksheet pages from now on. */
  function open(book) {
    const problem = openBook(book);
    if (problem) return alarm(t(`ws_not_saved_${problem}`)) ?? false;
    unwatch();
    store = openStore();
    context.store = store;
    unwatch = store.watch(show);
    showBooks();
    return true;
  }

  /** Save a changed list and open its active workbook; says `message` (false: it failed). */
  function change(list, message, undoing) {
    const problem = writeBooks(list);
    if (problem) return alarm(t(`ws_not_saved_${problem}`));
    if (open(list.active)) say(message, undoing);
  }

  /** Ask for a course name in the page's dialog: the name, or null when she cancels. */
  async function askName(title, text, ok, value) {
    const { ask } = await import("./actions.js");
    const input = h("input", { type: "text", id: "wsb-book-name", class: "ws-input", value, maxlength: "120", autocomplete: "off" });
    input.addEventListener("keydown", (event) => event.key === "Enter" && (event.preventDefault(), input.closest("dialog").close("ok")));
    const body = [...(text ? [h("p", {}, text)] : []), h("p", {}, h("label", { for: "wsb-book-name" }, t("ws_book_name")), h("br"), input)];
    const asked = ask({ root }, { title, body, ok });
    input.focus();
    return (await asked) ? input.value : null;
  }

  /** The list of workbooks, and the open one (none while the example is open). */
  function books() {
    const list = readBooks();
    return { list, book: findBook(list, store.book), now: new Date().toISOString() };
  }

  async function createBook() {
    const { list, now } = books();
    const name = await askName(t("ws_book_new_title"), t("ws_book_new_text"), t("ws_book_new_ok"), "");
    if (name === null) return;
    const next = addBook(list, name, newId(list), now);
    change(next, t("ws_book_created", { name: nameOf(findBook(next, next.active)) }));
  }

  async function renameOpenBook() {
    const { list, book } = books();
    const name = await askName(t("ws_book_rename_title"), "", t("ws_book_rename"), book.name);
    if (name === null) return;
    const next = renameBook(list, book.id, name);
    change(next, t("ws_book_renamed", { name: nameOf(findBook(next, book.id)) }));
  }

  function copyOpenBook() {
    const { list, book, now } = books();
    const id = newId(list);
    const problem = copyBook(book.id, id);
    if (problem) return alarm(t(`ws_not_saved_${problem}`));
    const name = t("ws_book_copy_name", { name: nameOf(book) });
    change(addBook(list, name, id, now), t("ws_book_copied", { name }));
  }

  /** Delete the open workbook after asking; it can be restored (Undo, or the list of removed ones). */
  async function deleteOpenBook(button) {
    const { list, book, now } = books();
    const { ask } = await import("./actions.js");
    const name = nameOf(book);
    if (!(await ask({ root }, { title: t("ws_book_delete_title", { name }), text: t("ws_book_delete_text"), ok: t("ws_book_delete_ok") }))) {
      return button.focus();
    }
    const undoing = () => change(restoreBook(readBooks(), book.id), t("ws_book_restored", { name }));
    change(removeBook(list, book.id, now, newId(list)), t("ws_book_deleted", { name }), undoing);
  }

  function restoreRemovedBook(button) {
    const { list } = books();
    const id = button.dataset.wsBookId;
    const name = nameOf(list.removed.find((other) => other.id === id));
    change(restoreBook(list, id), t("ws_book_restored", { name }));
    select.focus();
  }

  function openExample() {
    if (open(EXAMPLE)) say(t("ws_book_opened", { name: t("ws_example_name") }));
    select.focus();
  }

  function leaveExample() {
    const { list } = books();
    if (open(list.active)) say(t("ws_book_opened", { name: nameOf(findBook(list, list.active)) }));
    select.focus();
  }

  /** The course plan: the worksheets started in the open workbook (or the worked example). */
  async function plan(button) {
    const example = store.book === EXAMPLE;
    const started = (read) => spec.worksheets.filter((sheet) => progressOf(sheet, read(sheet.id)).state !== "empty").map((sheet) => sheet.id);
    if (!example && !started(store.read).length) return say(t("workbook_dossier_none"));
    const book = { example, name: example ? "" : courseName(store.book), read: store.read, started };
    if (making) return; // one file at a time
    making = true;
    try {
      await (await import("./dossier.js")).downloadPlan(button, book, t, spec.language);
      say(t("workbook_dossier_made"));
    } catch (error) {
      alarm(t("ws_download_failed", { reason: String(error.message || error) }));
    } finally {
      making = false;
    }
  }

  const context = { spec, t, store, alarm, apply, showBackup: show };
  const transfer = () => import("./transfer.js");

  function undoLast() {
    const undoing = undo;
    say(t("ws_undone"));
    undoing?.();
    select.focus();
  }

  async function exportWorkbook() {
    if (!spec.worksheets.some((sheet) => store.read(sheet.id))) return say(t("workbook_nothing_to_export"));
    (await transfer()).exportAnswers(context, "workbook");
    say(t("workbook_exported"));
  }

  async function importChosen() {
    const [file] = fileInput.files;
    const [{ importAnswers }, { ask }] = await Promise.all([transfer(), import("./actions.js")]);
    if (file) await importAnswers(file, { ...context, ask: (question) => ask({ root }, question) });
  }

  // The page's buttons by their data-ws-action, as actions.js's ACTIONS are a worksheet's: a new
  // button is one entry here. "import" opens the file picker (page.js); "import-chosen" follows.
  const actions = {
    "book-new": createBook,
    "book-rename": renameOpenBook,
    "book-copy": copyOpenBook,
    "book-delete": deleteOpenBook,
    "book-restore": restoreRemovedBook,
    "example-open": openExample,
    "example-leave": leaveExample,
    undo: undoLast,
    "export-workbook": exportWorkbook,
    dossier: plan,
    "import-chosen": importChosen,
  };

  async function act(name, button) {
    alarm(null);
    if (Object.hasOwn(actions, name)) await actions[name](button);
  }

  const { listen, removeAll } = listenerSet();
  listenToButtons(root, listen, { run: act, near: transfer });
  listen(select, "change", () => {
    alarm(null);
    const list = readBooks();
    const name = select.value === EXAMPLE ? t("ws_example_name") : nameOf(findBook(list, select.value));
    if (open(select.value)) say(t("ws_book_opened", { name }));
  });
  // Another tab saved; or this page comes back (from the back button's cache, another tab).
  listen(window, "pageshow", show);
  listen(document, "visibilitychange", () => document.visibilityState === "visible" && show());
  let unwatch = store.watch(show);

  showBooks();
  $("[data-ws-toolbar]").hidden = booksBox.hidden = false;
  root.classList.add("ws-workbook--live");
  if (store.problem === "unavailable") alarm(t("workbook_no_storage"));

  return {
    destroy() {
      unwatch();
      removeAll();
    },
  };
}
