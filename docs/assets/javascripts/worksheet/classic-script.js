// Data the site publishes as classic scripts (the Word templates' twins, the answer shapes),
// loaded once each by address: a classic script loads from file:// too, where fetch is refused.

const loaded = new Map();

/** Resolves once the script at `src` has run; a failed load may be tried again. */
export function loadScript(src) {
  if (!loaded.has(src)) {
    const loading = new Promise((resolve, reject) => {
      const fail = () => {
        loaded.delete(src);
        reject(new Error(`${src}: not loaded`));
      };
      document.head.append(Object.assign(document.createElement("script"), { src, onload: resolve, onerror: fail }));
    });
    loaded.set(src, loading);
  }
  return loaded.get(src);
}
