// Finds every raw SQL site in our TypeScript (tagged `$queryRaw`/`$executeRaw`/`Prisma.sql`
// templates, `Prisma.raw(…)` and `$queryRawUnsafe`/`$executeRawUnsafe` calls) with the
// TypeScript compiler API, and returns its literal SQL text. Interpolations become `$1`, `$2`…
// (a bind parameter: no identifier, no alias), so only the text we wrote is checked.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

export type Fragment = { file: string; line: number; text: string };

/** The folders whose SQL is checked, relative to the repository root. */
export const SQL_ROOTS = ["lib", "app", "scripts"];

const TAGS = new Set(["$queryRaw", "$executeRaw"]);
const CALLS = new Set(["$queryRawUnsafe", "$executeRawUnsafe"]);

/** A regex count of the same sites, to prove the AST walk misses none. */
export const SQL_SITE_PATTERN = /\$(?:queryRaw|executeRaw)(?:Unsafe)?\b|\bPrisma\.(?:sql|raw)\b/g;

export function sourceFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && !entry.name.startsWith(".")) walk(full);
      } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        out.push(full);
      }
    }
  };
  for (const sub of SQL_ROOTS) if (fs.existsSync(path.join(root, sub))) walk(path.join(root, sub));
  return out.sort();
}

function isPrismaMember(expr: ts.Expression, name: string): boolean {
  return (
    ts.isPropertyAccessExpression(expr) &&
    expr.name.text === name &&
    ts.isIdentifier(expr.expression) &&
    expr.expression.text === "Prisma"
  );
}

function isSqlTag(tag: ts.Expression): boolean {
  if (isPrismaMember(tag, "sql")) return true;
  return ts.isPropertyAccessExpression(tag) && TAGS.has(tag.name.text);
}

function isSqlCall(callee: ts.Expression): boolean {
  if (isPrismaMember(callee, "raw")) return true;
  return ts.isPropertyAccessExpression(callee) && CALLS.has(callee.name.text);
}

/** The static text of a template or string literal; `${…}` become `$1`, `$2`… */
export function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (!ts.isTemplateExpression(node)) return null;
  let text = node.head.text;
  node.templateSpans.forEach((span, i) => {
    text += ` $${i + 1} ${span.literal.text}`;
  });
  return text;
}

function fragmentAt(node: ts.Node, sf: ts.SourceFile): string | null | undefined {
  if (ts.isTaggedTemplateExpression(node) && isSqlTag(node.tag)) return literalText(node.template);
  if (ts.isCallExpression(node) && isSqlCall(node.expression)) {
    const [arg] = node.arguments;
    // A computed argument cannot be checked; it is still a site, with no text.
    return arg ? (literalText(arg) ?? `/* computed at ${sf.fileName} */`) : null;
  }
  return undefined;
}

export function fragmentsOf(file: string, code: string, label = file): Fragment[] {
  const sf = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true);
  const out: Fragment[] = [];
  const visit = (node: ts.Node) => {
    const text = fragmentAt(node, sf);
    if (typeof text === "string") {
      const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
      out.push({ file: label, line, text });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

export function collectFragments(root: string): { fragments: Fragment[]; regexCount: number } {
  const fragments: Fragment[] = [];
  let regexCount = 0;
  for (const file of sourceFiles(root)) {
    const code = fs.readFileSync(file, "utf8");
    regexCount += code.match(SQL_SITE_PATTERN)?.length ?? 0;
    fragments.push(...fragmentsOf(file, code, path.relative(root, file)));
  }
  return { fragments, regexCount };
}
