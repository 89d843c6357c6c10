// localStorage by worksheet id alone: "mctoolkit:answers:<id>" = {format: 1, worksheet, rev,
// ...a worksheet of transfer.js's file}; "mctoolkit:meta" = {exported, edits}.

const PREFIX = "mctoolkit:answers:";
const META = "mctoolkit:meta";
export const RECORD_FORMAT = 1;

const failure = (error) =>
  error?.name === "QuotaExceededError" || error?.name === "NS_ERROR_DOM_QUOTA_REACHED" || error?.code === 22
    ? "full"
    : "unavailable";

function parse(text) {
  try {
    const value = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function openStore() {
  let area = null;
  let problem = null;
  try {
    area = window.localStorage;
    area.setItem(META + ":probe", "1");
    area.removeItem(META + ":probe");
  } catch (error) {
    problem = failure(error);
    if (problem === "unavailable") area = null;
  }
  const read = (key) => {
    const text = area?.getItem(key) ?? null;
    if (text === null) return null;
    const value = parse(text);
    if (value === undefined && area.getItem(key + ":unreadable") === null) {
      write(key + ":unreadable", text);
    }
    return value ?? null;
  };
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
  return {
    problem,
    read: (id) => read(PREFIX + id),
    write: (id, record) => write(PREFIX + id, record === null ? null : JSON.stringify(record)),
    meta: () => read(META) || {},
    setMeta: (meta) => write(META, JSON.stringify(meta)),
    watch(listener) {
      const heard = (event) => {
        if (event.storageArea !== area) return;
        if (event.key === null) listener(null, null);
        else if (event.key.startsWith(PREFIX) && !event.key.endsWith(":unreadable")) {
          listener(event.key.slice(PREFIX.length), event.newValue === null ? null : parse(event.newValue) ?? null);
        }
      };
      window.addEventListener("storage", heard);
      return () => window.removeEventListener("storage", heard);
    },
    persist() {
      navigator.storage?.persisted?.().then((kept) => kept || navigator.storage.persist()).catch(() => {});
    },
  };
}
