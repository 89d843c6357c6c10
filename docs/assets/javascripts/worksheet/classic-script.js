// Data the site publishes as classic scripts (the Word templates' twins, the answer shapes),
// loaded once each by address: a classic script loads from file:// too, where fetch is refused.

const loaded = new Map();

/** Resolves once the script at `src` has run; a failed load may be tried again. */
export function loadScript(src) {
  if (!loaded.has(src)) {
    const loading = new Promise((resolve, reject) => {
      const script = Object.assign(document.createElement("script"), { src });
      // Once run, its element goes: the data stays, and the page holds no script it did not start with.
      script.onload = () => {
        script.remove();
        resolve();
      };
      script.onerror = () => {
        script.remove();
        loaded.delete(src);
        reject(new Error(`${src}: not loaded`));
      };
      document.head.append(script);
    });
    loaded.set(src, loading);
  }
  return loaded.get(src);
}
