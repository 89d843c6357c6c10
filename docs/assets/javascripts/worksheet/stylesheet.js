// The stylesheet of a part only some worksheet pages show (charts, a long list's search box, the
// one-page description), linked by the module that shows the part, before it first does: a page
// without the part never fetches it. It sits beside worksheet.css, which every worksheet page
// links; the build's links are relative, so its address is read from that link.

const linked = new Map(); // name: { link, ready }

/** Link stylesheets/`name`.css once; resolves when it applies, or could not be fetched (the part then shows unstyled). */
export function useStylesheet(name) {
  const known = linked.get(name);
  if (known?.link.isConnected) return known.ready;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = new URL(name + ".css", document.querySelector('link[href$="worksheet.css"]').href).href;
  const ready = new Promise((settled) => (link.onload = link.onerror = settled));
  document.head.append(link);
  linked.set(name, { link, ready });
  return ready;
}
