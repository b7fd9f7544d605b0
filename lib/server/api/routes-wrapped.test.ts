import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROUTES } from "@/lib/contracts";

// Every /api route handler must go through apiRoute() (session, CSRF, input
// parsing, error model). Two exceptions, each with its own authentication:
// Auth.js's endpoints (CSRF token, state, PKCE) and the Fanvue webhook
// receiver (HMAC signature; Fanvue sends no Origin, so the CSRF check would
// refuse every delivery).
const EXEMPT = new Set(["app/api/auth/[...nextauth]/route.ts", "app/api/webhooks/fanvue/route.ts"]);
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(p);
    return e.name === "route.ts" ? [p] : [];
  });
}

describe("API routes", () => {
  const files = routeFiles("app/api").map((f) => f.split(path.sep).join("/"));

  it("finds the route files", () => {
    expect(files.length).toBeGreaterThan(1);
  });

  it.each(files.filter((f) => !EXEMPT.has(f)))("%s exports only apiRoute() handlers", (file) => {
    const src = fs.readFileSync(file, "utf8");
    const exported = [...src.matchAll(/export\s+(?:const|async\s+function|function)\s+(\w+)/g)].map((m) => m[1]!);
    const handlers = exported.filter((name) => METHODS.includes(name));
    expect(handlers.length, "a route file must export at least one handler").toBeGreaterThan(0);
    for (const name of handlers) {
      expect(src, `${name} must be declared as \`export const ${name} = apiRoute(<its contract>, {\``).toMatch(
        new RegExp(`export const ${name} = apiRoute\\(\\w+, \\{`),
      );
    }
    expect(src).not.toMatch(/export\s*\{/);
  });

  it.each(files.filter((f) => !EXEMPT.has(f)))(
    "%s declares its access and, for workspace/creator routes, a permission",
    (file) => {
      const src = fs.readFileSync(file, "utf8");
      const folder = "/" + path.dirname(file).replace(/^app\//, "");
      for (const m of src.matchAll(/export const (\w+) = apiRoute\((\w+),/g)) {
        // Declared by a contract: it must be the contract of this file's path and method.
        const c = ROUTES.find((r) => r.method === m[1] && r.path.replace(/:(\w+)/g, "[$1]") === folder);
        expect(c, `${m[1]} ${folder}: no contract in lib/contracts with this method and path`).toBeDefined();
        if (c!.access === "workspace" || c!.access === "creator") expect(c!.permission).toMatch(/^[a-z]+:[a-z]+$/);
        if (file.includes("[creatorId]")) expect(c!.access).toBe("creator");
        if (file.includes("[workspaceId]")) expect(c!.access).toBe("workspace");
      }
    },
  );
  it("one contract per handler: as many contracts as handlers, no two for the same method and path", () => {
    const handlers = files
      .filter((f) => !EXEMPT.has(f))
      .flatMap((f) => [
        ...fs.readFileSync(f, "utf8").matchAll(/export const (GET|POST|PUT|PATCH|DELETE) = apiRoute\(/g),
      ]);
    expect(ROUTES.length).toBe(handlers.length);
    expect(new Set(ROUTES.map((c) => `${c.method} ${c.path}`)).size).toBe(ROUTES.length);
  });

  it("every contract in lib/contracts has its handler at its path", () => {
    for (const c of ROUTES) {
      const file = path.join(
        "app",
        ...c.path
          .replace(/:(\w+)/g, "[$1]")
          .split("/")
          .filter(Boolean),
        "route.ts",
      );
      expect(fs.existsSync(file), `${c.method} ${c.path}: ${file} is missing`).toBe(true);
      expect(fs.readFileSync(file, "utf8"), `${c.method} ${c.path}`).toMatch(
        new RegExp(`export const ${c.method} = apiRoute\\(\\w+,`),
      );
    }
  });
});
