// Platform-event delivery (contract §7.1): every emitted event is POSTed as
// JSON to the configured endpoint, signed with
// `X-Fanvue-Signature: t=<unix>,v0=<hex HMAC-SHA256(secret, "<t>.<body>")>`.
// Deliveries run after the API reply (never blocking it) and are retried with
// backoff. `X-Fanvue-Event` and `X-Fanvue-Delivery` are sandbox aids: Fanvue's
// payloads carry no type field, so a receiver would otherwise route by shape.
import { createHmac } from "node:crypto";
import { onEvent, type PlatformEvent } from "./events";
import { badRequest, jsonBody, send, type Router } from "./http";
import { registerSimulate } from "./simulate";
import { creatorByHandle } from "./simulate-lookup";
import type { Sandbox } from "./state";
import { registerTruth } from "./truth";
import { EVENTS, samplePayload } from "./webhooks-payloads";
import { stableUuid } from "./world/random";

type Attempt = { at: string; status: number | null; error: string | null; ms: number };
export type Delivery = {
  id: string;
  event: PlatformEvent;
  url: string;
  status: "pending" | "delivered" | "failed" | "cancelled";
  attempts: Attempt[];
  payload: Record<string, unknown>;
};
type Target = { url: string; secret: string };
type HookState = {
  target: Target | null;
  retries: number;
  backoffMs: number;
  /** Bumped when the endpoint changes, so pending retries stop. */
  generation: number;
  seq: number;
  eventSeq: number;
  deliveries: Delivery[];
  events: { seq: number; event: PlatformEvent; at: string; payload: Record<string, unknown> }[];
};

const LOG_CAP = 500;
// 5 s per attempt: a stuck receiver must not pile up sockets in tests.
const ATTEMPT_TIMEOUT_MS = 5_000;
const states = new WeakMap<Sandbox, HookState>();

function stateOf(sb: Sandbox): HookState {
  let st = states.get(sb);
  if (!st) {
    // Three retries at 200 ms × 4ⁿ (0.2 s, 0.8 s, 3.2 s): quick enough for tests,
    // long enough to ride out a receiver restart.
    st = {
      target: sb.config.webhook,
      retries: 3,
      backoffMs: 200,
      generation: 0,
      seq: 0,
      eventSeq: 0,
      deliveries: [],
      events: [],
    };
    states.set(sb, st);
  }
  return st;
}

export function sign(secret: string, t: number, body: string) {
  return `t=${t},v0=${createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")}`;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());
const trim = <T>(list: T[]) => list.length > LOG_CAP && list.splice(0, list.length - LOG_CAP);

/** Queues a signed delivery; resolves when it is delivered or given up. */
export function deliver(
  sb: Sandbox,
  event: PlatformEvent,
  payload: Record<string, unknown>,
  opts: { timestamp?: number } = {},
): { delivery: Delivery; done: Promise<Delivery> } | null {
  const st = stateOf(sb);
  const target = st.target;
  if (!target) return null;
  const delivery: Delivery = {
    id: stableUuid(sb.world.seed, `delivery:${++st.seq}`),
    event,
    url: target.url,
    status: "pending",
    attempts: [],
    payload,
  };
  st.deliveries.push(delivery);
  trim(st.deliveries);
  const generation = st.generation;
  const body = JSON.stringify(payload);
  const run = async () => {
    for (let n = 0; n <= st.retries; n++) {
      if (n > 0) await sleep(st.backoffMs * 4 ** (n - 1));
      if (st.generation !== generation) return void (delivery.status = "cancelled");
      // Signed with the sandbox clock, so advancing it yields stale signatures.
      const t = opts.timestamp ?? Math.floor(sb.clock.now() / 1000);
      const started = performance.now();
      const attempt: Attempt = { at: new Date(sb.clock.now()).toISOString(), status: null, error: null, ms: 0 };
      try {
        const res = await fetch(target.url, {
          method: "POST",
          headers: {
            "Content-Type": "application/json",
            "X-Fanvue-Signature": sign(target.secret, t, body),
            "X-Fanvue-Event": event,
            "X-Fanvue-Delivery": delivery.id,
          },
          body,
          signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
        });
        await res.arrayBuffer().catch(() => undefined);
        attempt.status = res.status;
      } catch (err) {
        attempt.error = err instanceof Error ? err.message : String(err);
      }
      attempt.ms = Math.round(performance.now() - started);
      delivery.attempts.push(attempt);
      if (attempt.status !== null && attempt.status >= 200 && attempt.status < 300)
        return void (delivery.status = "delivered");
    }
    delivery.status = "failed";
  };
  // Started on the next tick: the API reply that caused the event goes first.
  const done = new Promise<void>((r) => setImmediate(r)).then(run).then(() => delivery);
  return { delivery, done };
}

function parseTarget(st: HookState, body: Record<string, unknown>) {
  const url = body.url;
  let parsed: URL | null;
  try {
    parsed = typeof url === "string" ? new URL(url) : null;
  } catch {
    parsed = null;
  }
  if (!parsed || !/^https?:$/.test(parsed.protocol)) throw badRequest("url must be an http(s) URL");
  const secret = body.secret ?? st.target?.secret ?? "whsec_sandbox";
  if (typeof secret !== "string" || secret.length === 0) throw badRequest("secret must be a non-empty string");
  for (const k of ["retries", "backoffMs"] as const) {
    const v = body[k];
    if (
      v !== undefined &&
      (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > (k === "retries" ? 10 : 60_000))
    ) {
      throw badRequest(`${k} must be an integer between 0 and ${k === "retries" ? 10 : 60000}`);
    }
  }
  return {
    target: { url: parsed.toString(), secret },
    retries: body.retries as number | undefined,
    backoffMs: body.backoffMs as number | undefined,
  };
}

export function registerWebhooks(open: Router, sb: Sandbox) {
  const st = stateOf(sb);
  onEvent(sb, (event, payload) => {
    st.events.push({ seq: ++st.eventSeq, event, at: new Date(sb.clock.now()).toISOString(), payload });
    trim(st.events);
    deliver(sb, event, payload)?.done.catch(() => undefined);
  });
  if (!sb.config.admin) return;

  const view = () => ({
    url: st.target?.url ?? null,
    secret: st.target?.secret ?? null,
    retries: st.retries,
    backoffMs: st.backoffMs,
  });
  open.get("/__sandbox/webhooks", (ctx) => {
    const event = ctx.query.get("event");
    const pick = <T extends { event: string }>(list: T[]) => (event ? list.filter((d) => d.event === event) : list);
    send(ctx, 200, { ...view(), deliveries: pick(st.deliveries), events: pick(st.events) });
  });
  open.post("/__sandbox/webhooks", (ctx) => {
    const next = parseTarget(st, jsonBody(ctx));
    st.target = next.target;
    st.retries = next.retries ?? st.retries;
    st.backoffMs = next.backoffMs ?? st.backoffMs;
    st.generation++;
    send(ctx, 200, view());
  });
  open.delete("/__sandbox/webhooks", (ctx) => {
    st.target = null;
    st.generation++;
    send(ctx, 204);
  });
  open.delete("/__sandbox/webhooks/log", (ctx) => {
    st.deliveries.length = 0;
    st.events.length = 0;
    send(ctx, 204);
  });
  open.post("/__sandbox/webhooks/deliver", async (ctx) => {
    const body = jsonBody(ctx);
    if (typeof body.event !== "string" || !EVENTS.includes(body.event as PlatformEvent))
      throw badRequest(`event must be one of: ${EVENTS.join(", ")}`);
    const overrides = body.payload ?? {};
    if (typeof overrides !== "object" || overrides === null || Array.isArray(overrides))
      throw badRequest("payload must be an object of fields to override");
    const ts = body.signatureTimestamp;
    if (ts !== undefined && (typeof ts !== "number" || !Number.isInteger(ts) || ts < 0))
      throw badRequest("signatureTimestamp must be unix seconds");
    const c = creatorByHandle(sb, body.creator);
    const event = body.event as PlatformEvent;
    const payload = {
      ...samplePayload(sb.world.seed, c, event, body.fan, sb.clock.now()),
      ...(overrides as Record<string, unknown>),
    };
    if (!st.target) throw badRequest("no webhook endpoint configured: POST /__sandbox/webhooks {url, secret} first");
    const queued = deliver(sb, event, payload, { timestamp: ts as number | undefined })!;
    // `wait: true` answers with the final outcome (after retries).
    send(ctx, body.wait === true ? 200 : 202, body.wait === true ? await queued.done : queued.delivery);
  });

  registerSimulate(open, sb);
  registerTruth(open, sb);
}
