// Vuedeck's written conventions (CONVENTIONS.md), checked by ESLint so they
// hold without anyone remembering them. Each rule names the convention.

const sourceOf = (node) => (typeof node?.source?.value === "string" ? node.source.value : null);

/** lib/server/** runs on the server only: `import "server-only"` makes
 * bundling it into a page an error. A pure module shared with the sandbox or
 * with pages says why in a `server-only-exempt: <reason>` comment. */
const serverOnly = {
  meta: {
    type: "problem",
    schema: [],
    messages: {
      missing:
        'lib/server modules start with `import "server-only";` (or a `// server-only-exempt: <reason>` comment saying who else imports them).',
    },
  },
  create(context) {
    return {
      Program(program) {
        const src = context.sourceCode;
        if (src.getAllComments().some((c) => /server-only-exempt:\s*\S/.test(c.value))) return;
        if (program.body.some((n) => n.type === "ImportDeclaration" && sourceOf(n) === "server-only")) return;
        context.report({ node: program, messageId: "missing" });
      },
    };
  },
};

/** Configuration is read and validated once, in lib/env.mjs. */
const noProcessEnv = {
  meta: {
    type: "problem",
    schema: [],
    messages: {
      env: "Read configuration through `env` from @/lib/env.mjs (validated once at start), not process.env.",
    },
  },
  create(context) {
    return {
      MemberExpression(node) {
        if (
          node.object.type === "Identifier" &&
          node.object.name === "process" &&
          node.property.type === "Identifier" &&
          node.property.name === "env"
        )
          context.report({ node, messageId: "env" });
      },
    };
  },
};

/** Who may import what: the app never imports the sandbox (it stands in for
 * Fanvue over HTTP only), client code never imports server modules, and calls
 * routes through the schema-free contracts in lib/contracts/client/. */
const boundaries = {
  meta: {
    type: "problem",
    schema: [],
    messages: {
      sandbox: "The app talks to the sandbox over HTTP only, like to Fanvue; do not import sandbox/ code.",
      server:
        "Client code cannot import server modules (lib/server); put shared code in lib/ or lib/schemas, or import types only.",
      contract:
        "Client code calls routes through @/lib/contracts/client/<area> (no zod schemas in the browser); import the full contract as a type only.",
      zod: "No zod in client code or lib/schemas/*-values.ts (it would be bundled): use lib/url-state/fields, a zod-free check in <area>-values.ts, or types only.",
    },
  },
  create(context) {
    const text = context.sourceCode.getText();
    const isClient = /^\s*["']use client["']/.test(text) || /[/\\]components[/\\]/.test(context.filename);
    const callsRoutes = isClient || /[/\\]lib[/\\]queries[/\\]/.test(context.filename);
    const zodFree =
      callsRoutes || /[/\\]lib[/\\](url-state[/\\]|schemas[/\\][\w-]+-values\.ts$)/.test(context.filename);
    return {
      ImportDeclaration(node) {
        const from = sourceOf(node);
        if (!from) return;
        if (/^@\/sandbox\/|(^|\/)sandbox\//.test(from) && !from.startsWith("./"))
          context.report({ node, messageId: "sandbox" });
        if (isClient && node.importKind !== "type" && /^@\/lib\/server\//.test(from))
          context.report({ node, messageId: "server" });
        const values = node.importKind !== "type" && node.specifiers.some((s) => s.importKind !== "type");
        if (callsRoutes && values && /^@\/lib\/contracts\/(?!client\/|contract$)/.test(from))
          context.report({ node, messageId: "contract" });
        if (zodFree && values && /^zod(\/|$)/.test(from)) context.report({ node, messageId: "zod" });
      },
    };
  },
};

export default {
  rules: { "server-only": serverOnly, "no-process-env": noProcessEnv, "import-boundaries": boundaries },
};
