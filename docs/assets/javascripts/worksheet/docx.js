// A Word document in the browser: the build's template (src/mctoolkit/contentcontrol.py tags
// its answer places) read, its content controls filled with answers as the reader's language says
// them, and zipped again. Shared by the worksheet's "Download as Word", the course plan and the
// micro-credential description; loaded only when one of them is pressed, with the zip library.

import { strFromU8, strToU8, unzipSync, zipSync } from "../vendor/fflate.js";
import { loadScript } from "./classic-script.js";

export const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const XML_SPACE = "http://www.w3.org/XML/1998/namespace";
const BODY = "word/document.xml";
const FILLED_ON = "filled-on";
const EMPTY_BOX = "☐";
export const TICKED_BOX = "☒";
// XML 1.0 refuses C0 controls other than tab, newline and carriage return: Word would too.
// eslint-disable-next-line no-control-regex -- control characters are what it matches
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** A reader's text as XML may hold it: forbidden characters dropped, one kind of newline. */
export const xmlSafe = (text) => String(text).replace(/\r\n?/g, "\n").replace(NOT_XML, "");

export const children = (element, name) => [...element.childNodes].filter((node) => node.localName === name && node.namespaceURI === W);
export const descendants = (element, name) => [...element.getElementsByTagNameNS(W, name)];
const make = (element, name) => element.ownerDocument.createElementNS(W, `w:${name}`);
export const attribute = (element, name) => element.getAttributeNS(W, name);
export const contentOf = (sdt) => children(sdt, "sdtContent")[0];
export const tagOf = (sdt) => attribute(children(children(sdt, "sdtPr")[0], "tag")[0] ?? sdt, "val") || "";
const aliasOf = (sdt) => attribute(children(children(sdt, "sdtPr")[0], "alias")[0] ?? sdt, "val") || "";

/** The content controls under `root` tagged `tag`, outermost first, in document order. */
export const controls = (root, tag) => descendants(root, "sdt").filter((sdt) => tagOf(sdt) === tag);

/** One run holding `text`, styled like `model`: newlines as line breaks, tabs as tabs, spaces kept. */
function run(document, model, text) {
  const element = document.createElementNS(W, "w:r");
  const style = model && children(model, "rPr")[0];
  if (style) element.append(style.cloneNode(true));
  xmlSafe(text)
    .split("\n")
    .forEach((line, index) => {
      if (index) element.append(make(element, "br"));
      line.split("\t").forEach((part, at) => {
        if (at) element.append(make(element, "tab"));
        if (!part) return;
        const t = make(element, "t");
        t.setAttributeNS(XML_SPACE, "xml:space", "preserve");
        t.textContent = part;
        element.append(t);
      });
    });
  return element;
}

/** Replace the runs of `holder` (a paragraph, or a control inside a line) with `text`. */
function writeInto(holder, text) {
  const runs = children(holder, "r");
  runs.forEach((r) => r.remove());
  holder.append(run(holder.ownerDocument, runs[0], text));
}

/** Write `text` into a control: its first paragraph keeps its look, the others go. */
export function setText(sdt, text) {
  const content = contentOf(sdt);
  const [first, ...others] = children(content, "p");
  others.forEach((p) => p.remove());
  writeInto(first ?? content, text);
}

/** Tick the options (their paragraphs, in the order of `options`) whose ids are `chosen`. */
export function tick(sdt, options, chosen) {
  const paragraphs = descendants(contentOf(sdt), "p");
  options.forEach((option, index) => {
    const first = paragraphs[index] && descendants(paragraphs[index], "t")[0];
    if (first)
      first.textContent = first.textContent.replace(
        chosen.includes(option) ? EMPTY_BOX : TICKED_BOX,
        chosen.includes(option) ? TICKED_BOX : EMPTY_BOX,
      );
  });
}

/** Give every content control under `root` a `w:id` not yet used in the document. */
function renumber(root, ids) {
  for (const id of descendants(root, "id")) id.setAttributeNS(W, "w:val", String(++ids.last));
}

/** Repeat the first control tagged `tag` once per answer (a table's rows, a group's items). */
function repeat(root, tag, items, ids, fillOne) {
  const blanks = controls(root, tag);
  if (!blanks.length || !items.length) return; // nothing written: the blank rows stay to write in
  const [model] = blanks;
  items.forEach((item, index) => {
    const copy = model.cloneNode(true);
    renumber(copy, ids);
    model.before(copy);
    fillOne(copy, item, index);
  });
  blanks.forEach((sdt) => sdt.remove());
}

/** Fill the answer places of `fields` under `root` with `values` (what `describe` shows). */
function fillFields(root, prefix, fields, values, how, ids) {
  for (const [id, field] of Object.entries(fields)) {
    const tag = prefix + id;
    const value = values[id];
    if (field.columns) {
      const rows = Array.isArray(value) ? value.filter((row) => row && Object.values(row).some(given)) : [];
      const columns = Object.fromEntries(field.columns.map((column) => [column.id, column]));
      repeat(root, tag, rows, ids, (row, answer) => fillFields(row, `${tag}.`, columns, answer, how, ids));
    } else if (field.fields) {
      const items = Array.isArray(value) ? value : [];
      repeat(root, tag, items, ids, (item, answer, index) => {
        const heading = descendants(contentOf(item), "p")[0];
        if (heading) writeInto(heading, `${aliasOf(item)} ${index + 1}`);
        fillFields(item, `${tag}.`, field.fields, answer || {}, how, ids);
      });
    } else {
      const place = controls(root, tag)[0];
      if (!place || !given(value)) continue;
      if (field.options && !field.source && !field.formula) tick(place, field.options, [].concat(value).map(String));
      else setText(place, how(value, field));
    }
  }
}

const given = (value) => value != null && value !== "" && !(Array.isArray(value) && !value.length) && !Number.isNaN(value);

/** The highest `w:id` in the document: fresh ones go above it. */
export const highestId = (xml) => Math.max(0, ...descendants(xml, "id").map((id) => Number(attribute(id, "val")) || 0));

/**
 * The template's body with the worksheet's answers: `values` maps field ids to answers, computed
 * and linked values alike; `how(value, field)` says a value in the reader's language.
 */
export function fill(xml, fields, values, how, filledOn, ids = { last: highestId(xml) }) {
  fillFields(xml, "", fields, values, how, ids);
  const date = controls(xml, FILLED_ON)[0];
  if (date) setText(date, filledOn);
  return xml;
}

// --- The page: read the template, fill it, hand the file to the reader ---

/** The bytes of the build's file at `href` (named `name`): fetched, or from disk through its script twin (`file://` refuses fetch). */
export async function templateBytes(href, name) {
  if (location.protocol !== "file:") {
    const response = await fetch(href);
    if (!response.ok) throw new Error(`${href}: ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }
  window.mctoolkitFiles ||= {};
  if (!window.mctoolkitFiles[name]) await loadScript(`${href}.js`);
  return Uint8Array.from(atob(window.mctoolkitFiles[name]), (c) => c.charCodeAt(0));
}

/** `found` with the values its linked fields take from other worksheets' records (`read(id)`). */
export function withLinked(found, fields, read) {
  for (const [id, field] of Object.entries(fields)) {
    if (!field.source) continue;
    const record = read(field.source.worksheet);
    found[id] = record?.answers?.[field.source.field] ?? record?.computed?.[field.source.field];
  }
  return found;
}

/** How a value reads in the reader's language: `describe(value, how, withUnit)` says numbers and labels. */
export function sayer(describe, language) {
  const dates = new Intl.DateTimeFormat(language, { dateStyle: "long", timeZone: "UTC" });
  const say = (value, field) => {
    if (field.source) {
      const shows = field.source.shows || {};
      if (!Array.isArray(value) || !value.every((row) => row && typeof row === "object")) return describe(value, shows, true) ?? "";
      return value
        .map((row) =>
          (shows.columns || [])
            .map((c) => say(row[c.id], { ...c, type: c.type }))
            .filter(Boolean)
            .join(" · "),
        )
        .join("\n");
    }
    if (value == null || value === "") return "";
    if (field.formula) return describe(value, field) ?? "";
    if (field.type === "date" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return dates.format(new Date(`${value}T00:00:00Z`));
    if (typeof value === "number") return describe(value, { format: field.type === "money" ? "money" : undefined }) ?? "";
    if (field.labels) return describe(value, field) ?? "";
    return String(value);
  };
  return say;
}

export function saveFile(name, blob) {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement("a"), { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A template's files, its body parsed. */
export async function openTemplate(href, name) {
  const files = unzipSync(await templateBytes(href, name));
  return { files, xml: new DOMParser().parseFromString(strFromU8(files[BODY]), "application/xml") };
}

export const today = (language) => new Intl.DateTimeFormat(language, { dateStyle: "long" }).format(new Date());

export function saveWord({ files, xml }, name) {
  files[BODY] = strToU8(new XMLSerializer().serializeToString(xml));
  const type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  saveFile(name, new Blob([zipSync(files)], { type }));
}

/** The template behind `link` with its body filled: `fill`'s `fields`, `values` and `how`. */
export async function filled(link, fields, found, how, language) {
  const document = await openTemplate(link.href, link.getAttribute("download"));
  fill(document.xml, fields, found, how, today(language));
  return document;
}

/** Another document the build writes with content controls (a description), filled and saved. */
export async function downloadFilled(link, fields, found, how, language, name) {
  saveWord(await filled(link, fields, found, how, language), name);
}
