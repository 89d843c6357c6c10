// "Download as Markdown": the filled Word document's body said as Markdown, the same words for a
// wiki, an e-mail, a pull request. Loaded by word.js when that button is pressed.

import { attribute, children, contentOf, descendants, TICKED_BOX, W } from "./docx.js";

const MARKS = { Title: "#", Heading1: "##", Heading2: "###", Heading3: "####", Heading4: "#####" };
const styleOf = (p) => attribute(children(children(p, "pPr")[0] ?? p, "pStyle")[0] ?? p, "val");
const textOf = (element) =>
  descendants(element, "*")
    .map((node) => (node.localName === "t" ? node.textContent : node.localName === "br" ? "\n" : node.localName === "tab" ? "\t" : ""))
    .join("");

/** Text a Markdown reader sees as text: its marks, and HTML, escaped. */
export const markdownText = (text) => text.replace(/[\\`*_[\]<>|#~]/g, "\\$&");

function paragraphMarkdown(p, empty) {
  const text = textOf(p);
  const style = styleOf(p);
  if (style === "Help") return null;
  if (style === "Choice") return `- [${text.startsWith(TICKED_BOX) ? "x" : " "}] ${markdownText(text.slice(2))}`;
  if (style === "Answer") return text.trim() ? markdownText(text).split("\n").join("  \n") : empty;
  if (!text.trim()) return null;
  if (style in MARKS) return `${MARKS[style]} ${markdownText(text)}`;
  if (style === "Label") return `**${markdownText(text)}**`;
  return (style === "ListBullet" ? "- " : "") + markdownText(text).split("\n").join("  \n");
}

function cellMarkdown(cell) {
  const lines = descendants(cell, "p").map((p) => {
    const text = textOf(p);
    if (styleOf(p) !== "Choice") return text;
    return text.startsWith(TICKED_BOX) ? text.slice(2) : "";
  });
  return markdownText(lines.filter((line) => line.trim()).join(", ")).replace(/\n/g, " ");
}

function tableMarkdown(table) {
  const [head, ...rows] = descendants(table, "tr").map((tr) => descendants(tr, "tc").map(cellMarkdown));
  const line = (cells) => `| ${cells.join(" | ")} |`;
  const filled = rows.filter((cells) => cells.some((cell) => cell));
  return [line(head), line(head.map(() => "---")), ...filled.map(line)].join("\n");
}

/** The filled document's body as Markdown; an empty answer shows as `empty`. */
export function toMarkdown(xml, empty) {
  const blocks = [];
  const walk = (element) => {
    for (const node of element.childNodes) {
      if (node.namespaceURI !== W) continue;
      if (node.localName === "p") blocks.push(paragraphMarkdown(node, empty));
      else if (node.localName === "tbl") blocks.push(tableMarkdown(node));
      else if (node.localName === "sdt") walk(contentOf(node));
    }
  };
  walk(descendants(xml, "body")[0]);
  // Tick boxes of one question stay one list.
  return `${blocks
    .filter((b) => b != null)
    .join("\n\n")
    .replace(/(- \[[ x]\] .*)\n\n(?=- \[)/g, "$1\n")}\n`;
}
