// The workbook line of a worksheet page: whose course's workbook the page shows and saves
// (its name also in the root's data-ws-course, for print), and a switch to another workbook or
// to the worked example. Switching saves first, then opens the page again on the new workbook.

import { EXAMPLE, findBook } from "./workbook-list.js";
import { readBooks, showExample, writeBooks } from "./store.js";
import { h } from "./form.js";

/** The choices of a workbook menu: the reader's workbooks by name, then the worked example. */
export function bookOptions(list, t) {
  return [
    ...list.books.map((book) => h("option", { value: book.id }, book.name || t("ws_book_unnamed"))),
    h("option", { value: EXAMPLE }, t("ws_example_name")),
  ];
}

/** Make `book` the one pages open (the example: in this tab only); a problem, or null. */
export function openBook(book) {
  if (book === EXAMPLE) return showExample(true);
  const problem = writeBooks({ ...readBooks(), active: book });
  return problem ?? showExample(false);
}

export function showBookLine(w) {
  const { root, store, t } = w;
  const select = root.querySelector("[data-ws-book]");
  const list = readBooks();
  const example = store.book === EXAMPLE;
  select.replaceChildren(...bookOptions(list, t));
  select.value = store.book;
  root.dataset.wsCourse = example ? t("ws_example_name") : (findBook(list, store.book)?.name ?? "");
  select.addEventListener("change", () => {
    w.save();
    const problem = openBook(select.value);
    if (problem) {
      select.value = store.book;
      return w.alarm(t(`ws_not_saved_${problem}`), true);
    }
    window.location.reload();
  });
  if (example) import("./example.js").then((x) => x.showAsExample(w));
}
