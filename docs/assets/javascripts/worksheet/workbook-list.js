// The reader's workbooks, one per course, as data: the list kept in storage and where each
// workbook's answers are stored, what every worksheet page reads at start. Its changes and the
// names of files made from a workbook are in workbook-changes.js. Pure logic, no page and no
// storage: store.js reads and writes, workbook.js and index.js show.
//
// THE LIST, stored under "mctoolkit:workbooks":
//   {"active": "<id>", "books": [{"id", "name", "created"}],
//    "removed": [{"id", "name", "created", "removed"}]}    deleted, restorable for a day
//
// The first workbook ("first") keeps its answers where format 1 of the store put them
// ("mctoolkit:answers:<worksheet>", "mctoolkit:meta"), so the answers of a browser that used
// one workbook become the first workbook without moving a byte. Every other workbook's keys
// start "mctoolkit:book:<id>:".

export const LIST_KEY = "mctoolkit:workbooks";
export const FIRST = "first";
export const EXAMPLE = "example"; // the worked example: read-only, in this tab's session only
const BOOK_PREFIX = "mctoolkit:book:";
const KEEP_REMOVED = 24 * 60 * 60 * 1000; // ms a deleted workbook can be restored

/** Where a workbook's answers to a worksheet are stored (prefix + worksheet id). */
export const answersPrefix = (book) => (book === FIRST ? "mctoolkit:answers:" : `${BOOK_PREFIX}${book}:answers:`);
export const metaKey = (book) => (book === FIRST ? "mctoolkit:meta" : `${BOOK_PREFIX}${book}:meta`);

/** The workbook a stored key belongs to, or null. */
export function bookOfKey(key) {
  if (key.startsWith("mctoolkit:answers:") || key === "mctoolkit:meta") return FIRST;
  const match = /^mctoolkit:book:([a-z0-9]+):/.exec(key);
  return match ? match[1] : null;
}

const isEntry = (book) => book && typeof book === "object" && typeof book.id === "string" && /^[a-z0-9]+$/.test(book.id);
const entry = (book) => ({ id: book.id, name: typeof book.name === "string" ? book.name : "", created: book.created ?? null });

/**
 * The list as stored (or null: none yet, or unreadable), made whole: every workbook that has
 * answers in storage (`keys`) is on it — the first one too, the day this list is first written
 * — and the active one exists. Nothing is ever dropped here.
 */
export function readList(stored, keys) {
  const list = {
    active: typeof stored?.active === "string" ? stored.active : FIRST,
    books: Array.isArray(stored?.books) ? stored.books.filter(isEntry).map(entry) : [],
    removed: Array.isArray(stored?.removed) ? stored.removed.filter(isEntry).map((b) => ({ ...entry(b), removed: b.removed })) : [],
  };
  const known = new Set([...list.books, ...list.removed].map((book) => book.id));
  const found = [...new Set(keys.map(bookOfKey).filter(Boolean))];
  if (!stored && !found.includes(FIRST)) found.unshift(FIRST);
  for (const id of found) if (!known.has(id)) list.books.push({ id, name: "", created: null });
  if (!list.books.length) list.books.push({ id: FIRST, name: "", created: null });
  if (!list.books.some((book) => book.id === list.active)) list.active = list.books[0].id;
  return list;
}

export const findBook = (list, id) => list.books.find((book) => book.id === id) ?? null;

/** Removed workbooks deleted more than a day before `now`: their answers may go. */
export const expired = (list, now) => list.removed.filter((book) => !(now - Date.parse(book.removed) < KEEP_REMOVED));
