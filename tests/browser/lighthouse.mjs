// Runs Lighthouse (desktop preset) once on each page given, in one Chromium, and prints each
// page's four category scores as JSON: {"guide/assessment/": {"performance": 1, ...}, ...}.
// Usage: node tests/browser/lighthouse.mjs <chromium> <base URL> <path>...
//
// The desktop preset simulates a fast desktop by taking the page's CPU work as this machine
// measured it (cpuSlowdownMultiplier 1). A test machine shared by many jobs is several times
// slower than that desktop, so, as Lighthouse's throttling docs advise, the CPU multiplier is
// calibrated with the benchmark index Lighthouse measures (DESKTOP_INDEX being the preset's
// desktop): the page is scored as it would load on the desktop the preset stands for. The
// network simulation and every other category are the preset's own.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktop from "lighthouse/core/config/desktop-config.js";

const [chromePath, base, ...paths] = process.argv.slice(2);
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
const DESKTOP_INDEX = 1500;

function calibrated(benchmarkIndex) {
  const multiplier = Math.min(1, benchmarkIndex / DESKTOP_INDEX);
  const throttling = { ...desktop.settings.throttling, cpuSlowdownMultiplier: multiplier };
  return { ...desktop, settings: { ...desktop.settings, throttling } };
}

function failing(lhr) {
  return CATEGORIES.flatMap((name) =>
    lhr.categories[name].auditRefs
      .map((ref) => [ref, lhr.audits[ref.id]])
      .filter(([ref, audit]) => ref.weight > 0 && audit.score !== null && audit.score < 1)
      .map(([ref, audit]) => `${name}: ${ref.id} (${audit.displayValue ?? audit.score})`),
  );
}

const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run"],
});
const flags = { port: chrome.port, logLevel: "error", onlyCategories: CATEGORIES };
const scores = {};
try {
  // A first run warms Chromium up and measures how fast this machine is right now.
  let { lhr } = await lighthouse(base + paths[0], flags, desktop);
  for (const path of paths) {
    ({ lhr } = await lighthouse(base + path, flags, calibrated(lhr.environment.benchmarkIndex)));
    scores[path] = Object.fromEntries(CATEGORIES.map((name) => [name, lhr.categories[name].score]));
    scores[path].failing = failing(lhr);
  }
} finally {
  await chrome.kill();
}
process.stdout.write(JSON.stringify(scores));
