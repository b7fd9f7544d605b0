// Holds every API request and response to Fanvue's reference (the route table
// in contract/fanvue). What the reference does not document, Fanvue is
// expected to ignore: the sandbox strips it before the handler runs, so no
// handler can act on it. With `strict` (SANDBOX_STRICT=1: every test and CI)
// it answers 400 naming it instead, and a response that breaks the reference
// becomes a 500, so no test can pass on something Fanvue does not offer.
// Either way, each finding is kept for `GET /__sandbox/contract`.
import { checkBody, checkQuery, checkResponse, stripFields } from "../contract/fanvue/check";
import type { Route } from "../contract/fanvue/dsl";
import { HttpError, validation, type Ctx } from "./http";
import type { Sandbox } from "./state";

export type ContractFinding = {
  seq: number;
  at: string;
  kind: "request" | "response";
  method: string;
  path: string;
  /** The reference's operation, `GET /chats/{userUuid}/messages`. */
  route: string;
  userUuid: string | null;
  /** Undocumented parameters / fields (`query.search`, `body.sizeBytes`). */
  undocumented: string[];
  /** Documented values the reference does not allow, or response problems. */
  problems: string[];
};

/** Keeps the first 10,000: a run with more has one bug many times over. */
const MAX_FINDINGS = 10_000;

function keep(sb: Sandbox, ctx: Ctx, route: Route, f: Pick<ContractFinding, "kind" | "undocumented" | "problems">) {
  if (sb.contractFindings.length >= MAX_FINDINGS) return;
  sb.contractFindings.push({
    seq: sb.callSeq + 1,
    at: new Date(sb.clock.now()).toISOString(),
    method: ctx.method,
    path: ctx.path,
    route: `${route.method} ${route.path}`,
    userUuid: ctx.auth?.userUuid ?? null,
    ...f,
  });
}

function parseJson(raw: Buffer): { ok: true; value: unknown } | { ok: false } {
  if (raw.length === 0) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(raw.toString("utf8")) };
  } catch {
    return { ok: false };
  }
}

/** Before the handler: undocumented → 400 (strict) or stripped; documented
 * values outside the reference's limits → 400, as Fanvue validates them. */
export function holdRequest(sb: Sandbox, ctx: Ctx, route: Route) {
  const q = checkQuery(route, ctx.query);
  const undocumented = [...q.undocumented];
  const problems = [...q.invalid];
  const parsed = parseJson(ctx.rawBody);
  let body: unknown;
  if (parsed.ok && parsed.value !== undefined) {
    if (!route.body) {
      undocumented.push("body");
    } else if (parsed.value && typeof parsed.value === "object" && !Array.isArray(parsed.value)) {
      const b = checkBody(route, parsed.value);
      undocumented.push(...b.undocumented);
      problems.push(...b.invalid);
      body = parsed.value;
    }
  }
  ctx.undocumented = undocumented;
  if (undocumented.length) {
    keep(sb, ctx, route, { kind: "request", undocumented, problems: [] });
    if (sb.config.strict) {
      throw validation(
        ...undocumented.map(
          (n) => `${n} is not documented for ${route.method} ${route.path} in Fanvue's API reference`,
        ),
      );
    }
    for (const n of undocumented.filter((x) => x.startsWith("query."))) ctx.query.delete(n.slice("query.".length));
    if (undocumented.includes("body")) ctx.rawBody = Buffer.alloc(0);
    else if (body !== undefined)
      ctx.rawBody = Buffer.from(
        JSON.stringify(
          stripFields(
            body,
            undocumented.filter((x) => x.startsWith("body.")),
          ),
        ),
      );
  }
  // Fanvue validates what it documents (types, limits, enums); rules the
  // reference states only in prose (a price needs media) stay with handlers.
  if (problems.length) throw validation(...problems);
  ctx.checkResponse = (status, resBody) => {
    if (status < 200 || status >= 300) return;
    const issues = checkResponse(route, status, resBody);
    if (issues.length === 0) return;
    keep(sb, ctx, route, { kind: "response", undocumented: [], problems: issues });
    console.error(
      `[sandbox] response of ${route.method} ${route.path} breaks the reference: ${issues.slice(0, 5).join("; ")}`,
    );
    if (sb.config.strict) throw new HttpError(500, { error: "Sandbox response breaks Fanvue's API reference", issues });
  };
}
