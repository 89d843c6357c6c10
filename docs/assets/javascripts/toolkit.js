// Fetches the worksheet code for a page that has one, from Material's document$ (instant
// navigation too: the previous page's worksheets are saved and let go first).

let mounted = [];
let page = 0;

function start() {
  mounted.forEach((worksheet) => worksheet.destroy());
  mounted = [];
  const current = ++page;
  const roots = document.querySelectorAll("[data-ws-root]");
  if (!roots.length) return;
  performance.mark("ws:start");
  import("./worksheet/index.js").then(({ mount }) => {
    if (current !== page) return;
    mounted = [...roots].map(mount);
  });
}

if (window.document$) window.document$.subscribe(start);
else start();
