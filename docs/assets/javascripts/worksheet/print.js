// What every printed page of a worksheet carries in its margin: the course's name, the
// worksheet's title and the day it was printed (worksheet.css's @page reads the heading).

import { courseName } from "./store.js";

// The open workbook's name; a workbook without one is named by the curriculum's course title.
const COURSE_NAME = { worksheet: "curriculum", field: "course_title" };
const PROPERTY = "--ws-print-heading";

const oneLine = (text) =>
  String(text ?? "")
    .replace(/\s+/g, " ")
    .trim();

export function printHeading({ course, title, date }) {
  return [course, title, date].map(oneLine).filter(Boolean).join(" · ");
}

// `text` as a CSS string: quotes and backslashes escaped, control characters left out.
export function cssString(text) {
  // eslint-disable-next-line no-control-regex -- control characters are what it removes
  return `"${text.replace(/[\u0000-\u001f\u007f]/g, "").replace(/["\\]/g, "\\$&")}"`;
}

export function printedCourseName(read, named = courseName()) {
  if (named) return named;
  const title = read(COURSE_NAME.worksheet)?.answers?.[COURSE_NAME.field];
  return typeof title === "string" ? title : "";
}

// Called just before printing: the name may have changed on another page since this one opened.
export function setPrintHeading(spec, read, now = new Date()) {
  const date = new Intl.DateTimeFormat(spec.language, { dateStyle: "long" }).format(now);
  const heading = printHeading({ course: printedCourseName(read), title: spec.title, date });
  document.documentElement.style.setProperty(PROPERTY, cssString(heading));
}

export function clearPrintHeading() {
  document.documentElement.style.removeProperty(PROPERTY);
}
