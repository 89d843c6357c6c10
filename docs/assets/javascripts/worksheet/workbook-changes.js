// Changes to the reader's list of workbooks (workbook-list.js): a new one, renamed, removed and
// restored; and the names of the files made from a workbook. Only the workbook page and an
// export or import need them, so a worksheet page does not fetch them at start. Pure logic.

import { findBook } from "./workbook-list.js";

/** A new id no workbook, current or removed, has. */
export function newId(list, random = Math.random) {
  const taken = new Set([...list.books, ...list.removed].map((book) => book.id));
  let id;
  do id = `b${Math.floor(random() * 36 ** 6).toString(36)}`;
  while (taken.has(id));
  return id;
}

export const cleanName = (name) =>
  String(name ?? "")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 120);

export function addBook(list, name, id, now) {
  return { ...list, active: id, books: [...list.books, { id, name: cleanName(name), created: now }] };
}

export function renameBook(list, id, name) {
  return { ...list, books: list.books.map((book) => (book.id === id ? { ...book, name: cleanName(name) } : book)) };
}

/**
 * Off the list, onto the removed one (its answers stay stored); another becomes active — a new
 * empty one, `spareId`, when it was the last.
 */
export function removeBook(list, id, now, spareId) {
  const book = findBook(list, id);
  if (!book) return list;
  const others = list.books.filter((other) => other.id !== id);
  const books = others.length ? others : [{ id: spareId, name: "", created: now }];
  const active = list.active === id ? books[0].id : list.active;
  return { ...list, active, books, removed: [...list.removed, { ...book, removed: now }] };
}

export function restoreBook(list, id) {
  const book = list.removed.find((other) => other.id === id);
  if (!book) return list;
  const { removed, ...kept } = book;
  return { ...list, active: id, books: [...list.books, kept], removed: list.removed.filter((other) => other.id !== id) };
}

/** "Salongi turundus!" -> "salongi-turundus": letters and digits of any language, no marks. */
export function slug(text) {
  return String(text ?? "")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}

/**
 * The name of a file made from a workbook: its parts as a slug, then the date, then the
 * extension — `downloadName(["Salon marketing"], "2026-12-01", "json")` is
 * "salon-marketing-2026-12-01.json". Empty parts are left out; `fallback` (in the page's
 * language) stands in when no part has a letter.
 */
export function downloadName(parts, date, extension, fallback) {
  const words = parts.map(slug).filter(Boolean);
  return `${[...(words.length ? words : [slug(fallback)]), date].filter(Boolean).join("-")}.${extension}`;
}
