// ESLint flat config: typescript-eslint's recommended rules, React's hook
// rules, Next's own checks. Type-aware rules are left out on purpose: `tsc`
// already runs in `npm test`, and linting stays a few seconds.
import js from "@eslint/js";
import globals from "globals";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";
import comments from "@eslint-community/eslint-plugin-eslint-comments/configs";
import vuedeck from "./eslint/vuedeck-rules.mjs";

const SHARED_IMPORT_RULES = [
  {
    name: "@/lib/server/auth",
    importNames: ["auth"],
    message:
      "Use readSession()/requireSession() from @/lib/server/session: they tell a database outage from signed out.",
  },
  // Our routes are called through their contracts (lib/contracts): no hand-built path or answer type.
  ...["@/lib/queries/fetcher", "./fetcher"].map((name) => ({
    name,
    importNames: ["apiFetch"],
    message: "Call routes with callApi(contract, …) / hrefOf from @/lib/queries/call.",
  })),
];

// Overlays, menus and tabs come from components/ui: one look, one behaviour.
const PRIMITIVE_IMPORT_RULES = [
  {
    name: "radix-ui",
    message: "Use the primitives in components/ui (dialog, menu, tabs, select…): one look for every overlay.",
  },
];

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "generated/**",
      "node_modules/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "react-hooks": reactHooks, "@next/next": nextPlugin },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-definitions": ["error", "type"],
    },
  },
  {
    // TypeScript itself reports undefined names (typescript-eslint's advice).
    files: ["**/*.ts", "**/*.tsx"],
    rules: { "no-undef": "off" },
  },
  {
    // Plain ESM run by Node (dev/test scripts, env validation, benches).
    files: ["**/*.mjs"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // Tests and the sandbox's test kits read loosely typed JSON bodies.
    files: ["**/*.test.ts", "sandbox/api/*-testkit.ts", "sandbox/api/*-testing.ts", "tests/**", "e2e/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // Journeys take `test` from e2e/fixtures/test.ts: its browser contexts all carry the
    // workaround for React's transient hidden copies of streamed content (see there).
    files: ["e2e/**/*.spec.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@playwright/test",
              message: "Import test, expect and types from ./fixtures/test (every context it opens is prepared there).",
            },
          ],
        },
      ],
    },
  },
  {
    // Security conventions (SECURITY.md, CONVENTIONS.md "Errors"): request
    // bodies only through lib/server/api/body.ts (a byte limit while
    // streaming), sessions only through lib/server/session.ts (a database
    // outage is not "signed out").
    files: ["app/**/*.ts", "app/**/*.tsx", "lib/server/**/*.ts"],
    ignores: ["lib/server/api/body.ts", "**/*.test.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[callee.property.name=/^(text|json|formData|arrayBuffer|blob)$/][callee.object.name=/^(req|request)$/]",
          message:
            "Read request bodies with readBodyText/readJsonBody (lib/server/api/body.ts): they enforce the byte limit while the body streams in.",
        },
      ],
    },
  },
  {
    files: ["app/**/*.ts", "app/**/*.tsx", "lib/**/*.ts", "lib/**/*.tsx", "components/**/*.tsx"],
    ignores: ["lib/server/session.ts", "app/api/auth/**", "lib/queries/call.ts"],
    rules: {
      "no-restricted-imports": ["error", { paths: [...SHARED_IMPORT_RULES, ...PRIMITIVE_IMPORT_RULES] }],
    },
  },
  {
    // Form controls, tables and images come from components/ui too (choice, input, select, data-table, remote-image).
    files: ["components/**/*.tsx"],
    ignores: ["components/ui/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "JSXOpeningElement[name.name=/^(table|textarea|select|img)$/]",
          message: "Use the primitive from components/ui (DataTable, Textarea, Select, RemoteImage).",
        },
        {
          selector:
            "JSXOpeningElement[name.name='input']:not(:has(JSXAttribute[name.name='type'] > Literal[value=/^(file|hidden)$/]))",
          message: "Use Input, or Checkbox / Radio from components/ui/choice: one size, colour and focus ring.",
        },
      ],
    },
  },
  {
    // The primitives themselves wrap Radix.
    files: ["components/ui/**/*.tsx"],
    rules: { "no-restricted-imports": ["error", { paths: SHARED_IMPORT_RULES }] },
  },
  comments.recommended,
  {
    // Every exception says why, beside it: `// eslint-disable-next-line rule -- reason`.
    rules: {
      "@eslint-community/eslint-comments/require-description": ["error", { ignore: [] }],
      "@eslint-community/eslint-comments/disable-enable-pair": ["error", { allowWholeFile: true }],
    },
  },
  {
    // Written conventions, enforced (eslint/vuedeck-rules.mjs).
    files: ["app/**/*.ts", "app/**/*.tsx", "lib/**/*.ts", "lib/**/*.tsx", "components/**/*.ts", "components/**/*.tsx"],
    ignores: ["**/*.test.ts"],
    plugins: { vuedeck },
    rules: { "vuedeck/no-process-env": "error", "vuedeck/import-boundaries": "error" },
  },
  {
    // A function a newcomer can read in one screen: split along its sub-parts (CONVENTIONS.md "Code").
    // Tests too: a long describe splits into smaller ones, arrange steps and assertions into named helpers.
    files: ["**/*.{ts,tsx,mjs}"],
    ignores: ["sandbox/**"],
    rules: { "max-lines-per-function": ["error", { max: 80, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ["lib/server/**/*.ts"],
    ignores: ["**/*.test.ts"],
    plugins: { vuedeck },
    rules: { "vuedeck/server-only": "error" },
  },
  {
    // Module augmentation merges into the libraries' own interfaces.
    files: ["**/*.d.ts", "tests/support/global-setup.ts"],
    rules: { "@typescript-eslint/consistent-type-definitions": "off" },
  },
);
