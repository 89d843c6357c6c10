// The reader's workbooks as data (workbook-list.js, workbook-changes.js), under Node: the list read from storage as
// the current code or the one-workbook code left it, its changes, and the download names.
import { test } from "node:test";
import assert from "node:assert/strict";
import { answersPrefix, expired, FIRST, metaKey, readList } from "../../docs/assets/javascripts/worksheet/workbook-list.js";
import { addBook, downloadName, newId, removeBook, renameBook, restoreBook, slug } from "../../docs/assets/javascripts/worksheet/workbook-changes.js";

// The keys of a browser that used the one-workbook store (format 1, before workbooks).
const ONE_WORKBOOK_KEYS = ["mctoolkit:answers:learner-persona", "mctoolkit:answers:cost-structure", "mctoolkit:meta"];

test("a browser with one workbook's answers and no list gets that workbook as its first and active one", () => {
  const list = readList(null, ONE_WORKBOOK_KEYS);
  assert.deepEqual(list.books, [{ id: FIRST, name: "", created: null }]);
  assert.equal(list.active, FIRST);
});

test("the first workbook's answers stay under the keys the one-workbook store used", () => {
  assert.equal(answersPrefix(FIRST) + "learner-persona", ONE_WORKBOOK_KEYS[0]);
  assert.equal(metaKey(FIRST), "mctoolkit:meta");
  assert.equal(answersPrefix("b12"), "mctoolkit:book:b12:answers:");
});

test("a browser with no answers at all starts with one empty workbook", () => {
  assert.deepEqual(
    readList(null, []).books.map((b) => b.id),
    [FIRST],
  );
});

test("a workbook whose answers are stored but which is missing from the list is put back on it", () => {
  const stored = { active: "b1", books: [{ id: "b1", name: "Salon marketing" }], removed: [] };
  const list = readList(stored, ["mctoolkit:book:b1:answers:curriculum", "mctoolkit:book:b2:answers:curriculum", "mctoolkit:answers:curriculum"]);
  assert.deepEqual(
    list.books.map((b) => b.id),
    ["b1", "b2", FIRST],
  );
});

test("an unreadable list loses no workbook that has answers", () => {
  const list = readList({ books: "nonsense" }, ["mctoolkit:book:b7:answers:curriculum"]);
  assert.deepEqual(
    list.books.map((b) => b.id),
    ["b7"],
  );
  assert.equal(list.active, "b7");
});

test("a removed workbook is not brought back while it is restorable", () => {
  const stored = { active: "b1", books: [{ id: "b1", name: "A" }], removed: [{ id: "b2", name: "B", removed: "2026-12-01T10:00:00Z" }] };
  assert.deepEqual(
    readList(stored, ["mctoolkit:book:b2:answers:x"]).books.map((b) => b.id),
    ["b1"],
  );
});

test("an active workbook that no longer exists gives way to the first on the list", () => {
  assert.equal(readList({ active: "gone", books: [{ id: "b1" }] }, []).active, "b1");
});

test("a new workbook is added, named and opened", () => {
  const list = addBook(readList(null, []), "  Salon   marketing ", "b9", "2026-12-01T00:00:00Z");
  assert.equal(list.active, "b9");
  assert.deepEqual(list.books.at(-1), { id: "b9", name: "Salon marketing", created: "2026-12-01T00:00:00Z" });
});

test("a new id is never one a workbook, current or removed, has", () => {
  const list = { active: "b1", books: [{ id: "b1" }], removed: [{ id: "b2" }] };
  const draws = [1 / 36 ** 6, 2 / 36 ** 6, 3 / 36 ** 6];
  assert.equal(
    newId(list, () => draws.shift()),
    "b3",
  );
});

test("renaming changes that workbook's name only", () => {
  const list = {
    active: "b1",
    books: [
      { id: "b1", name: "A" },
      { id: "b2", name: "B" },
    ],
    removed: [],
  };
  assert.deepEqual(
    renameBook(list, "b2", "Hair colouring").books.map((b) => b.name),
    ["A", "Hair colouring"],
  );
});

test("a deleted workbook goes to the removed list, another opens, and restoring brings it back open", () => {
  const list = {
    active: "b1",
    books: [
      { id: "b1", name: "A" },
      { id: "b2", name: "B" },
    ],
    removed: [],
  };
  const after = removeBook(list, "b1", "2026-12-01T10:00:00Z", "spare");
  assert.equal(after.active, "b2");
  assert.deepEqual(after.removed, [{ id: "b1", name: "A", removed: "2026-12-01T10:00:00Z" }]);
  const back = restoreBook(after, "b1");
  assert.equal(back.active, "b1");
  assert.deepEqual(back.books.map((b) => b.id).sort(), ["b1", "b2"]);
  assert.deepEqual(back.removed, []);
});

test("deleting the last workbook leaves a new empty one open", () => {
  const after = removeBook({ active: "b1", books: [{ id: "b1", name: "A" }], removed: [] }, "b1", "2026-12-01T10:00:00Z", "b5");
  assert.deepEqual(after.books, [{ id: "b5", name: "", created: "2026-12-01T10:00:00Z" }]);
  assert.equal(after.active, "b5");
});

test("a deleted workbook expires a day after its deletion, not before", () => {
  const list = {
    removed: [
      { id: "b1", removed: "2026-12-01T10:00:00Z" },
      { id: "b2", removed: "2026-11-30T09:00:00Z" },
    ],
  };
  assert.deepEqual(
    expired(list, Date.parse("2026-12-01T11:00:00Z")).map((b) => b.id),
    ["b2"],
  );
});

test("a course name becomes the file name, with the date", () => {
  assert.equal(downloadName(["Salon marketing"], "2026-12-01", "json", "workbook"), "salon-marketing-2026-12-01.json");
});

test("Estonian letters are kept as their plain letters", () => {
  assert.equal(slug("Õpetaja töövihik: šokolaad & ŽANR"), "opetaja-toovihik-sokolaad-zanr");
});

test("a worksheet's title follows the course name", () => {
  assert.equal(
    downloadName(["Salon marketing", "Õppija persoona"], "2026-12-01", "docx", "töövihik"),
    "salon-marketing-oppija-persoona-2026-12-01.docx",
  );
});

test("without a course name the page's own word for workbook names the file", () => {
  assert.equal(downloadName(["", ""], "2026-12-01", "json", "töövihik"), "toovihik-2026-12-01.json");
  assert.equal(downloadName(["!!!"], "2026-12-01", "json", "workbook"), "workbook-2026-12-01.json");
});
