// ESLint for the site's browser code and its Node tests (tools/test.sh runs it).
import js from "@eslint/js";
import globals from "globals";

export default [
  // Vendored libraries and Material's search languages are others' code, kept as shipped.
  { ignores: ["docs/assets/javascripts/vendor/", "docs/assets/javascripts/lunr/"] },
  js.configs.recommended,
  // `const { key: _, ...rest } = object` is how the code leaves a key out of a copy.
  { rules: { "no-unused-vars": ["error", { ignoreRestSiblings: true }] } },
  {
    files: ["docs/assets/javascripts/**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: globals.browser },
    rules: {
      // The build's minifier (rJSmin, src/mctoolkit/minify.py) reads a template literal inside
      // another one's `${}` as the outer one's end, and drops the spaces between them.
      "no-restricted-syntax": [
        "error",
        {
          selector: "TemplateLiteral TemplateLiteral",
          message: "A template literal inside another: the minifier breaks it; build the inner text first.",
        },
      ],
    },
  },
  {
    files: ["tests/**/*.mjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: globals.node },
  },
];
