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

function start() {
  focusableScrollers();
  mounted.forEach((item) => item.destroy());
  mounted = [];
  const current = ++page;
  const mountAll = (selector, load) => {
    const roots = [...document.querySelectorAll(selector)];
    if (!roots.length) return;
    performance.mark("ws:start");
    load().then(({ mount }) => current === page && mounted.push(...roots.map(mount)));
  };
  mountAll("[data-ws-root]", () => import("./worksheet/index.js"));
  mountAll("[data-ws-workbook]", () => import("./worksheet/workbook.js"));
  mountAll("[data-ws-canvas]", () => import("./worksheet/canvas.js"));
}

if (window.document$) window.document$.subscribe(start);
else start();
