// "Download as Word" and "Download as Markdown" on a worksheet page: the worksheet's blank Word
// template, written at build time from the same worksheet, with the reader's answers put into its
// content controls by docx.js. Loaded only when one of the buttons is pressed.

import { filled, saveFile, saveWord, sayer, withLinked } from "./docx.js";
import { withLinkedCells, withRowLabels } from "./linkedrows.js";

/** Make the filled document (`kind` "word" or "markdown") and hand it to the reader. */
export async function download(w, kind) {
  const { linked } = w.current();
  const found = withLinkedCells(withLinked({ ...w.answers(), ...w.computed() }, w.spec.fields, w.store.read), w.spec.fields, linked);
  const how = sayer(w.describe, w.spec.language);
  const fields = withRowLabels(w.spec.fields, linked);
  const document = await filled(w.root.querySelector("[data-ws-template]"), fields, found, how, w.spec.language);
  const day = new Date().toISOString().slice(0, 10);
  if (kind === "markdown") {
    const text = (await import("./markdown.js")).toMarkdown(document.xml, w.t("blank"));
    return saveFile(`${w.spec.id}-${day}.md`, new Blob([text], { type: "text/markdown;charset=utf-8" }));
  }
  saveWord(document, `${w.spec.id}-${day}.docx`);
}
