// Fetches the worksheet code for a page that has one, or the workbook or canvas page's code there,
// from Material's document$ (instant navigation too: the previous page's are let go first).

let mounted = [];
let page = 0;

// A table wider than the page scrolls sideways: keyboard users must be able to reach it too.
function focusableScrollers() {
  for (const wrap of document.querySelectorAll(".md-typeset__scrollwrap")) {
    if (wrap.scrollWidth > wrap.clientWidth) wrap.tabIndex = 0;
  }
}

/** A worksheet's code and the optional parts its page has (features.js), fetched side by side. */
async function worksheet(root) {
  const loading = [import("./worksheet/index.js"), import("./worksheet/features.js").then((f) => f.loadFeatures(root))];
  const [{ mount }, features] = await Promise.all(loading);
  return () => mount(root, features);
}

/** The workbook or canvas page's code: `load()` fetches its module. */
const whole = (load) => async (root) => {
  const { mount } = await load();
  return () => mount(root);
};

function start() {
  focusableScrollers();
  mounted.forEach((item) => item.destroy());
  mounted = [];
  const current = ++page;
  // `load(root)` fetches what a root needs and gives back how to start it: not done when she has left the page meanwhile.
  const mountAll = (selector, load) => {
    const roots = [...document.querySelectorAll(selector)];
    if (!roots.length) return;
    performance.mark("ws:start");
    for (const root of roots) load(root).then((mount) => current === page && mounted.push(mount()));
  };
  mountAll("[data-ws-root]", worksheet);
  mountAll(
    "[data-ws-workbook]",
    whole(() => import("./worksheet/workbook.js")),
  );
  mountAll(
    "[data-ws-canvas]",
    whole(() => import("./worksheet/canvas.js")),
  );
}

if (window.document$) window.document$.subscribe(start);
else start();
