// The browser's storage. Each workbook's answers by worksheet id (where: workbook-list.js):
// "<prefix><id>" = {format: 1, worksheet, rev, ...a worksheet of transfer.js's file}; its
// meta = {exported, edits}; the list of workbooks under LIST_KEY. The worked example is a
// workbook of this tab's session storage, so looking at it never touches the reader's own.

import { answersPrefix, EXAMPLE, findBook, LIST_KEY, metaKey, readList } from "./workbook-list.js";

export const RECORD_FORMAT = 1;
const EXAMPLE_FLAG = "mctoolkit:example:open";

const failure = (error) =>
  error?.name === "QuotaExceededError" || error?.name === "NS_ERROR_DOM_QUOTA_REACHED" || error?.code === 22 ? "full" : "unavailable";

function parse(text) {
  try {
    const value = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** One storage area, or null and why; every call is safe (storage may be off or full). */
function openArea(session = false) {
  try {
    const area = session ? window.sessionStorage : window.localStorage;
    try {
      area.setItem("mctoolkit:probe", "1");
      area.removeItem("mctoolkit:probe");
      return { area, problem: null };
    } catch (error) {
      const problem = failure(error);
      return { area: problem === "unavailable" ? null : area, problem };
    }
  } catch (error) {
    return { area: null, problem: failure(error) };
  }
}

function access({ area }) {
  const write = (key, text) => {
    if (!area) return "unavailable";
    try {
      if (text === null) area.removeItem(key);
      else area.setItem(key, text);
      return null;
    } catch (error) {
      return failure(error);
    }
  };
  const read = (key) => {
    const text = area?.getItem(key) ?? null;
    if (text === null) return null;
    const value = parse(text);
    // Kept aside, once, so that a save over it loses nothing.
    if (value === undefined && area.getItem(key + ":unreadable") === null) write(key + ":unreadable", text);
    return value ?? null;
  };
  const keys = () => (area ? Array.from({ length: area.length }, (_, i) => area.key(i)).filter(Boolean) : []);
  return { read, write, keys };
}

/** The reader's own storage area (not the worked example's): read, write and keys, each call safe. */
export const readersArea = () => access(openArea());

/** The reader's workbooks, made whole (workbook-list.js's readList). */
export function readBooks() {
  const { read, keys } = readersArea();
  return readList(read(LIST_KEY), keys());
}

export function writeBooks(list) {
  return readersArea().write(LIST_KEY, JSON.stringify(list));
}

export const lookingAtExample = () => access(openArea(true)).read(EXAMPLE_FLAG)?.open === true;

/** Open (or leave) the worked example in this tab; a problem, or null. */
export const showExample = (open) => access(openArea(true)).write(EXAMPLE_FLAG, open ? JSON.stringify({ open }) : null);

/** The workbook pages open: the worked example while the reader looks at it, else her active one. */
export const activeBook = () => (lookingAtExample() ? EXAMPLE : readBooks().active);

/** The course name of a workbook (by default the one pages open), "" when it has none. */
export function courseName(book = activeBook()) {
  return book === EXAMPLE ? "" : (findBook(readBooks(), book)?.name ?? "");
}

export function openStore(book = activeBook()) {
  const example = book === EXAMPLE;
  const place = openArea(example);
  const { area, problem } = place;
  const { read, write } = access(place);
  const prefix = example ? "mctoolkit:example:answers:" : answersPrefix(book);
  const meta = example ? "mctoolkit:example:meta" : metaKey(book);
  return {
    book,
    problem,
    read: (id) => read(prefix + id),
    write: (id, record) => write(prefix + id, record === null ? null : JSON.stringify(record)),
    meta: () => read(meta) || {},
    setMeta: (value) => write(meta, JSON.stringify(value)),
    watch(listener) {
      const heard = (event) => {
        if (event.storageArea !== area) return;
        if (event.key === null) listener(null, null);
        else if (event.key.startsWith(prefix) && !event.key.endsWith(":unreadable")) {
          listener(event.key.slice(prefix.length), event.newValue === null ? null : (parse(event.newValue) ?? null));
        }
      };
      window.addEventListener("storage", heard);
      return () => window.removeEventListener("storage", heard);
    },
    persist() {
      navigator.storage
        ?.persisted?.()
        .then((kept) => kept || navigator.storage.persist())
        .catch(() => {});
    },
  };
}
