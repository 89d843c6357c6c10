// What every printed page of a worksheet carries in its margin: the course's name, the
// worksheet's title and the day it was printed (worksheet.css's @page reads the heading).

// Until a workbook has a name of its own, the course is named by the curriculum's title.
const COURSE_NAME = { worksheet: "curriculum", field: "course_title" };
const PROPERTY = "--ws-print-heading";

const oneLine = (text) => String(text ?? "").replace(/\s+/g, " ").trim();

export function printHeading({ course, title, date }) {
  return [course, title, date].map(oneLine).filter(Boolean).join(" · ");
}

// `text` as a CSS string: quotes and backslashes escaped, control characters left out.
export function cssString(text) {
  return `"${text.replace(/[\u0000-\u001f\u007f]/g, "").replace(/["\\]/g, "\\$&")}"`;
}

export function courseName(read) {
  const name = read(COURSE_NAME.worksheet)?.answers?.[COURSE_NAME.field];
  return typeof name === "string" ? name : "";
}

// Called just before printing: the name may have changed on another page since this one opened.
export function setPrintHeading(spec, read, now = new Date()) {
  const date = new Intl.DateTimeFormat(spec.language, { dateStyle: "long" }).format(now);
  const heading = printHeading({ course: courseName(read), title: spec.title, date });
  document.documentElement.style.setProperty(PROPERTY, cssString(heading));
}

export function clearPrintHeading() {
  document.documentElement.style.removeProperty(PROPERTY);
}
