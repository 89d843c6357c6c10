// A workbook's stored answers as a whole: copied to another workbook, or let go a day after the
// workbook was deleted. Only the workbook page does either, so a worksheet page never fetches
// this; store.js keeps what every page reads and writes.

import { readBooks, readersArea, writeBooks } from "./store.js";
import { answersPrefix, bookOfKey, expired } from "./workbook-list.js";

/** Every stored item of a workbook copied to another one: all or none; a problem or null. */
export function copyBook(from, to) {
  const { read, write, keys } = readersArea();
  const moves = keys()
    .filter((key) => key.startsWith(answersPrefix(from)) && !key.endsWith(":unreadable"))
    .map((key) => [answersPrefix(to) + key.slice(answersPrefix(from).length), read(key)]);
  for (const [index, [key, value]] of moves.entries()) {
    const problem = write(key, JSON.stringify(value));
    if (problem) {
      moves.slice(0, index).forEach(([done]) => write(done, null));
      return problem;
    }
  }
  return null;
}

/** Workbooks deleted over a day ago: their answers are let go. */
export function forgetExpired(now = Date.now()) {
  const list = readBooks();
  const gone = expired(list, now);
  if (!gone.length) return;
  const { write, keys } = readersArea();
  const ids = new Set(gone.map((book) => book.id));
  if (writeBooks({ ...list, removed: list.removed.filter((book) => !ids.has(book.id)) })) return;
  keys()
    .filter((key) => ids.has(bookOfKey(key)))
    .forEach((key) => write(key, null));
}
