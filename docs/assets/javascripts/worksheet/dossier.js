// "Download the course plan": the build's course plan template (src/mctoolkit/dossier.py) filled
// with the workbook's answers. The chapters of worksheets not started go, with their lines in the
// table of contents; each other chapter is filled by docx.js's `fill` with its worksheet's stored
// answers; the summary keeps the figures that are there. Loaded only when the button is pressed,
// with the zip library and the course plan's data (once per language).

import {
  attribute,
  children,
  controls,
  descendants,
  fill,
  highestId,
  openTemplate,
  saveWord,
  sayer,
  setText,
  tagOf,
  today,
  withLinked,
} from "./docx.js";
import { describeValue } from "./format.js";
import { loadScript } from "./classic-script.js";
import { offeredRows, withLinkedCells, withRowLabels } from "./linkedrows.js";

const CHAPTER = "dossier:sheet:";
const styleOf = (p) => attribute(children(children(p, "pPr")[0] ?? p, "pStyle")[0] ?? p, "val");
const ancestor = (node, name) => (node && node.localName !== name ? ancestor(node.parentNode, name) : node);
const valueIn = (record, field) => record?.answers?.[field] ?? record?.computed?.[field];
const figureIn = (value, zero) => typeof value === "number" && Number.isFinite(value) && (zero || value !== 0);

/**
 * Fill the course plan's body `xml`. `data` is the build's (dossier.dossier_data), `read(id)` a
 * worksheet's stored record ({answers, computed}), `started` the ids of the worksheets to keep,
 * `describe(value, how, withUnit)` and `language` say values as the page does, `book` is the
 * workbook's name and `madeOn` the day, both in words.
 */
export function fillPlan(xml, data, { read, started, describe, language, book, madeOn }) {
  const ids = { last: highestId(xml) };
  const say = sayer(describe, language);
  const contents = controls(xml, "dossier:contents")[0];
  const lines = contents ? descendants(contents, "p").filter((p) => styleOf(p) === "TOC1") : [];
  const chapters = descendants(xml, "sdt").filter((sdt) => tagOf(sdt).startsWith(CHAPTER));
  chapters.forEach((chapter, index) => {
    const id = tagOf(chapter).slice(CHAPTER.length);
    const fields = data.fields[id];
    if (!fields || !started.includes(id)) {
      chapter.remove();
      lines[index]?.remove();
      return;
    }
    const record = read(id);
    const linked = offeredRows(fields, read);
    const values = withLinkedCells(withLinked({ ...record?.answers, ...record?.computed }, fields, read), fields, linked);
    fill(chapter, withRowLabels(fields, linked), values, say, "", ids);
  });

  for (const figure of data.summary) {
    const place = controls(xml, `dossier:figure:${figure.key}`)[0];
    if (!place) continue;
    const found = figure.from.map(([sheet, field, how]) => [valueIn(read(sheet), field), how]).find(([value]) => figureIn(value, figure.zero));
    if (found) setText(place, describe(found[0], found[1], true) ?? "");
    else ancestor(place, "tr")?.remove();
  }
  const summary = controls(xml, "dossier:summary")[0];
  if (summary && !descendants(summary, "tr").length) summary.remove();

  const name = data.course.map(([sheet, field]) => valueIn(read(sheet), field)).find((value) => typeof value === "string" && value.trim());
  const course = controls(xml, "dossier:course")[0];
  if (name || book) setText(course, (name || book).trim());
  else course?.remove();
  const date = controls(xml, "filled-on")[0];
  if (date) setText(date, madeOn);
  return xml;
}

/**
 * Make the course plan and hand it to the reader. `button` carries the addresses of the
 * template and of the data; `book` is {example, name, read, started(read)}; `t` the page's texts.
 */
export async function downloadPlan(button, book, t, language) {
  const { wsDossier: href, wsDossierName: name, wsDossierData: dataHref, wsDossierExample: exampleHref } = button.dataset;
  const scripts = [dataHref, ...(book.example ? [exampleHref] : [])].map(loadScript);
  const [document] = await Promise.all([openTemplate(href, name), ...scripts]);
  const data = window.mctoolkitDossier[language];
  const example = book.example && window.mctoolkitExample[language];
  const read = example ? (id) => example[id] && { answers: example[id] } : book.read;
  const marks = t("ws_number_marks");
  fillPlan(document.xml, data, {
    read,
    started: book.started(read),
    describe: (value, how, withUnit) => describeValue(value, how || {}, withUnit, marks),
    language,
    book: book.name,
    madeOn: today(language),
  });
  saveWord(document, `${t("workbook_dossier_file")}-${new Date().toISOString().slice(0, 10)}.docx`);
}
