// Checks a request or a response against the route table: which route a
// concrete path is, which query parameters and body fields the reference does
// not document, and which documented ones break their schema.
import type { z } from "zod";
import { UUID_RE, type Method, type QueryParam, type Route } from "./dsl";
import { ROUTES } from "./routes";

type Compiled = { route: Route; pattern: RegExp; keys: string[]; literal: number };

function compile(route: Route): Compiled {
  const keys: string[] = [];
  let literal = 0;
  const source = route.path
    .split("/")
    .map((seg) => {
      const m = /^\{(.+)\}$/.exec(seg);
      if (m) {
        keys.push(m[1]!);
        return "([^/]+)";
      }
      literal++;
      return seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("/");
  return { route, pattern: new RegExp(`^${source}/?$`), keys, literal };
}

// More literal segments first: `/chats/unread` before `/chats/{userUuid}`.
const compiled = ROUTES.map(compile).sort((a, b) => b.literal - a.literal);

/** The documented route a concrete request is, with its path parameters. */
export function matchRoute(method: string, path: string): { route: Route; params: Record<string, string> } | null {
  for (const c of compiled) {
    if (c.route.method !== method) continue;
    const m = c.pattern.exec(path);
    if (!m) continue;
    const params: Record<string, string> = {};
    c.keys.forEach((k, i) => (params[k] = decodeURIComponent(m[i + 1] ?? "")));
    return { route: c.route, params };
  }
  return null;
}

/** The route a template is (`:param` or `{param}` segments, names ignored). */
export function findRoute(method: string, template: string): Route | undefined {
  const shape = (p: string) => p.replace(/\/(?::[^/]+|\{[^/]+\})/g, "/{}");
  return ROUTES.find((r) => r.method === method && shape(r.path) === shape(template));
}

export type RequestFindings = {
  /** Query parameters and body fields the reference does not list, as
   * `query.search` / `body.scheduledAt` / `body.includedLists.x`. */
  undocumented: string[];
  /** Documented ones whose value breaks the reference (type, limits, enum). */
  invalid: string[];
};

function checkValue(name: string, p: QueryParam, raw: string): string | null {
  switch (p.type) {
    case "number":
    case "integer": {
      const n = Number(raw);
      if (raw.trim() === "" || !Number.isFinite(n) || (p.type === "integer" && !Number.isInteger(n)))
        return `${name} must be a ${p.type}`;
      if (p.min !== undefined && n < p.min) return `${name} must be at least ${p.min}`;
      if (p.max !== undefined && n > p.max) return `${name} must be at most ${p.max}`;
      return null;
    }
    case "enum":
      return p.values!.includes(raw) ? null : `${name} must be one of: ${p.values!.join(", ")}`;
    case "uuid":
      return UUID_RE.test(raw) ? null : `${name} must be a valid UUID`;
    case "date":
      return Number.isNaN(Date.parse(raw)) ? `${name} must be an ISO 8601 date-time` : null;
    case "boolean":
      return raw === "true" || raw === "false" ? null : `${name} must be true or false`;
    case "string":
      return p.maxLength !== undefined && raw.length > p.maxLength
        ? `${name} must be at most ${p.maxLength} characters`
        : null;
  }
}

export function checkQuery(route: Route, query: URLSearchParams): RequestFindings {
  const out: RequestFindings = { undocumented: [], invalid: [] };
  for (const name of new Set(query.keys())) {
    const p = route.query[name];
    if (!p) {
      out.undocumented.push(`query.${name}`);
      continue;
    }
    const values = query.getAll(name);
    // A plain parameter, or a comma-separated list (`style: form, explode:
    // false`), is one value; only an exploded list repeats the key.
    if (p.list !== "repeat" && values.length > 1) {
      out.invalid.push(p.list === "comma" ? `${name} must be one comma-separated value` : `${name} must be given once`);
      continue;
    }
    const items = p.list === "comma" ? values.flatMap((v) => v.split(",")) : values;
    for (const v of items) {
      const err = checkValue(name, p, v);
      if (err) {
        out.invalid.push(err);
        break;
      }
    }
  }
  for (const [name, p] of Object.entries(route.query))
    if (p.required && !query.has(name)) out.invalid.push(`${name} is required`);
  return out;
}

const dotted = (path: readonly PropertyKey[]) => path.map(String).join(".");

const valueAt = (root: unknown, path: readonly PropertyKey[]) =>
  path.reduce<unknown>(
    (node, key) => (node && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[key] : undefined),
    root,
  );

/** One schema issue in the words Fanvue's validation errors use. */
function describe(i: z.core.$ZodIssue, root: unknown): string {
  const field = dotted(i.path) || "body";
  const unit = (origin: unknown, n: unknown) => {
    const word = origin === "string" ? " character" : origin === "array" ? " item" : "";
    return word && Number(n) !== 1 ? `${word}s` : word;
  };
  const missing = valueAt(root, i.path) === undefined;
  if (missing && (i.code === "invalid_type" || i.code === "invalid_value" || i.code === "invalid_union"))
    return `${field} is required`;
  switch (i.code) {
    case "invalid_type":
      return `${field} must be ${/^[aeiou]/.test(String(i.expected)) ? "an" : "a"} ${i.expected}`;
    case "invalid_value":
      return `${field} must be one of: ${i.values.map(String).join(", ")}`;
    case "too_small":
      return `${field} must be at least ${String(i.minimum)}${unit(i.origin, i.minimum)}`;
    case "too_big":
      return `${field} must be at most ${String(i.maximum)}${unit(i.origin, i.maximum)}`;
    default:
      // Our own refinements (uuid, date-time) already read "must be …".
      return i.message.startsWith("must") ? `${field} ${i.message}` : `${field}: ${i.message}`;
  }
}

/** Splits schema issues into fields the reference does not know and values
 * it does not allow. */
function findings(issues: z.core.$ZodIssue[], prefix: string, root: unknown): RequestFindings {
  const out: RequestFindings = { undocumented: [], invalid: [] };
  for (const i of issues) {
    if (i.code === "unrecognized_keys") {
      for (const k of i.keys) out.undocumented.push([prefix, dotted(i.path), k].filter(Boolean).join("."));
    } else {
      out.invalid.push(describe(i, root));
    }
  }
  return out;
}

export function checkBody(route: Route, body: unknown): RequestFindings {
  if (!route.body) return { undocumented: [], invalid: [] };
  const res = route.body.safeParse(body);
  return res.success ? { undocumented: [], invalid: [] } : findings(res.error.issues, "body", body);
}

/** Removes the undocumented fields (as `checkBody` names them) from a body. */
export function stripFields(body: unknown, undocumented: string[]): unknown {
  const copy = structuredClone(body);
  for (const name of undocumented) {
    const path = name.split(".").slice(1);
    let node: unknown = copy;
    for (const seg of path.slice(0, -1))
      node = node && typeof node === "object" ? (node as Record<string, unknown>)[seg] : undefined;
    if (node && typeof node === "object") delete (node as Record<string, unknown>)[path[path.length - 1]!];
  }
  return copy;
}

/** Problems of a success response against the reference, `path: message`. */
export function checkResponse(route: Route, status: number, body: unknown): string[] {
  if (!(status in route.responses)) return [`status ${status} is not a documented success status`];
  const schema = route.responses[status as 200 | 201 | 204];
  if (!schema)
    return body === undefined || body === null || body === ""
      ? []
      : ["the reference documents no body for this status"];
  const res = schema.safeParse(body);
  if (res.success) return [];
  return res.error.issues.slice(0, 20).map((i) => {
    const where = dotted(i.path) || "(root)";
    return i.code === "unrecognized_keys"
      ? `${where}: undocumented field(s) ${i.keys.join(", ")}`
      : `${where}: ${i.message}`;
  });
}

export const methodOf = (m: string) => m.toUpperCase() as Method;
