import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantFor, sseReader } from "../support/live";
import { startTestSandbox } from "../support/sandbox";
import { startWebhookReceiver } from "../support/webhook-receiver";
import { provisionAccount } from "../support/workspace";

// The webhook receiver against the sandbox's real signed deliveries: valid
// events are stored and pushed to open streams within 2 s; forged, stale,
// replayed and unsigned ones are refused; retries are stored once.

const SECRET = "whsec_integration_secret";
process.env.FANVUE_WEBHOOK_SECRET = SECRET;
const sb = await startTestSandbox();
const { db } = await import("@/lib/server/db");
const { openLiveStream } = await import("@/lib/server/live/stream");
const { expectedSignature } = await import("@/lib/server/live/signature");

const receiver = await startWebhookReceiver();
const { seen, url: receiverUrl } = receiver;

let p: Awaited<ReturnType<typeof provisionAccount>>;
beforeAll(async () => {
  p = await provisionAccount(sb, "luna");
  await sb.admin("/webhooks", { url: receiverUrl, secret: SECRET, retries: 2, backoffMs: 50 });
});
afterAll(async () => {
  await db.$disconnect();
  await sb.close();
  receiver.close();
});

const post = (body: string, headers: Record<string, string>) =>
  fetch(receiverUrl, { method: "POST", body, headers: { "Content-Type": "application/json", ...headers } });
const nowSec = () => Math.floor(Date.now() / 1000);

async function readEvents(stream: ReadableStream<Uint8Array>, until: (text: string) => boolean, timeoutMs: number) {
  const reader = stream.getReader();
  const dec = new TextDecoder();
  let text = "";
  const deadline = Date.now() + timeoutMs;
  while (!until(text)) {
    const left = deadline - Date.now();
    if (left <= 0) break;
    const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), left))]);
    if (!chunk || chunk.done) break;
    text += dec.decode(chunk.value);
  }
  reader.releaseLock();
  return text;
}

/** The sandbox delivers a signed new-follower event for Luna and waits for our answer. */
const deliverNewFollower = (over: { signatureTimestamp?: number } = {}) =>
  sb.admin("/webhooks/deliver", { event: "new-follower", creator: "luna", wait: true, ...over }) as Promise<{
    status: string;
    attempts: { status: number }[];
  }>;

/** What a newly opened stream's hello says about refused deliveries. */
async function helloOf(grant: Awaited<ReturnType<typeof grantFor>>) {
  const abort = new AbortController();
  const r = sseReader((await openLiveStream(grant, abort.signal, null)).body!);
  await r.until(() => r.text.includes("event: hello"), 2_000);
  abort.abort();
  return JSON.parse(r.events().find((e) => e.event === "hello")!.data) as {
    refused: { reason: string; skewSec: number } | null;
  };
}

/** A fresh cached insight for a fan, as a webhook finds it. */
async function cacheFreshInsight(creatorId: string, fanUuid: string) {
  await db.fanInsight.create({
    data: {
      creatorId,
      fanUuid,
      state: "ok",
      fetchedAt: new Date(),
      checkedAt: new Date(),
      status: "subscriber",
      totalGross: 100,
    },
  });
}

describe("Fanvue webhooks: events reach open streams", () => {
  it("a tip delivered by the sandbox is stored, invalidates the fan's insight, and reaches an open stream within 2 s", async () => {
    const luna = p.creators.luna!;
    const abort = new AbortController();
    const res = await openLiveStream(await grantFor(p.user.id, p.workspace.id), abort.signal, null);
    const stream = res.body!;
    expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
    const first = await readEvents(stream, (t) => t.includes("event: hello"), 2_000);
    expect(first).toContain('"webhooks":true');

    // A fresh cached insight for the fan who will tip.
    const c = sb.state.world.creators.get(luna.fanvueUuid)!;
    const fan = c.fans[[...c.chats.keys()][0]!]!;
    await cacheFreshInsight(luna.id, fan.uuid);

    const started = Date.now();
    await sb.admin("/simulate/tip", { creator: "luna", fan: fan.uuid, amount: 1234 });
    const text = await readEvents(stream, (t) => t.includes("tip-received"), 2_000);
    const elapsed = Date.now() - started;
    abort.abort();
    expect(text).toContain("event: live");
    const data = JSON.parse(
      text
        .split("\n")
        .find((l) => l.startsWith("data: ") && l.includes("tip-received"))!
        .slice(6),
    );
    expect(data).toMatchObject({ type: "tip-received", creatorId: luna.id, fanUuid: fan.uuid, amount: 1234 });
    expect(elapsed).toBeLessThan(2_000);

    const stored = await db.webhookEvent.findFirstOrThrow({ where: { event: "tip-received", fanUuid: fan.uuid } });
    expect(stored.recipientUuid).toBe(luna.fanvueUuid);
    const insight = await db.fanInsight.findUniqueOrThrow({
      where: { creatorId_fanUuid: { creatorId: luna.id, fanUuid: fan.uuid } },
    });
    expect(Date.now() - insight.fetchedAt!.getTime()).toBeGreaterThan(5 * 60_000);
    expect(insight.totalGross).toBe(100); // kept as the fallback until refreshed
  });

  it("does not push another creator's events to this workspace's stream", async () => {
    const abort = new AbortController();
    const stream = (await openLiveStream(await grantFor(p.user.id, p.workspace.id), abort.signal, null)).body!;
    await readEvents(stream, (t) => t.includes("event: hello"), 2_000);
    await sb.admin("/simulate/message", { creator: "mia", text: "hello from mia's fan" });
    await expect
      .poll(() =>
        db.webhookEvent.count({
          where: { event: "message-received", payload: { path: ["message", "text"], equals: "hello from mia's fan" } },
        }),
      )
      .toBe(1);
    const text = await readEvents(stream, (t) => t.includes("mia's fan"), 1_500);
    abort.abort();
    expect(text).not.toContain("mia's fan");
  });
});

describe("Fanvue webhooks: forged, unsigned and stale deliveries", () => {
  it("refuses forged, unsigned and malformed deliveries with 401 and stores nothing", async () => {
    const before = await db.webhookEvent.count();
    const body = JSON.stringify({
      price: 999,
      recipientUuid: p.creators.luna!.fanvueUuid,
      sender: { uuid: "f" },
      timestamp: new Date().toISOString(),
    });
    const t = nowSec();
    expect(
      (await post(body, { "X-Fanvue-Signature": `t=${t},v0=${expectedSignature("wrong-secret", t, body)}` })).status,
    ).toBe(401);
    expect((await post(body, {})).status).toBe(401);
    expect((await post(body, { "X-Fanvue-Signature": "nonsense" })).status).toBe(401);
    expect(await db.webhookEvent.count()).toBe(before);
  });

  it("refuses a stale signature (timestamp older than 5 minutes), even a correctly signed one", async () => {
    const before = await db.webhookEvent.count();
    const d = await deliverNewFollower({ signatureTimestamp: nowSec() - 6 * 60 });
    expect(d.status).toBe("failed");
    expect(d.attempts.every((a) => a.status === 401)).toBe(true);
    expect(await db.webhookEvent.count()).toBe(before);
  });
});

describe("Fanvue webhooks: a server clock that is off", () => {
  it("a correctly signed delivery 10 minutes old is refused, and the stream says the server clock is off (hello, then live); an accepted one clears it", async () => {
    const grant = await grantFor(p.user.id, p.workspace.id);
    const hello = () => helloOf(grant);
    // A valid delivery first: whatever earlier tests refused is over.
    expect((await deliverNewFollower()).status).toBe("delivered");
    await expect.poll(async () => (await hello()).refused).toBeNull();
    const abort = new AbortController();
    const open = sseReader((await openLiveStream(grant, abort.signal, null, { recheckMs: 200 })).body!);
    await open.until(() => open.text.includes("event: hello"), 2_000);

    // Forged with an old timestamp: refused, but it tells nothing of the clock (anyone can forge one).
    const body = JSON.stringify({ sender: { uuid: "f" }, recipientUuid: p.creators.luna!.fanvueUuid });
    const forgedT = nowSec() - 600;
    expect(
      (
        await post(body, {
          "X-Fanvue-Signature": `t=${forgedT},v0=${expectedSignature("not-our-secret", forgedT, body)}`,
        })
      ).status,
    ).toBe(401);
    await expect.poll(() => db.webhookRefusal.findUnique({ where: { reason: "bad_signature" } })).not.toBeNull();
    expect((await hello()).refused).toBeNull();

    const d = await deliverNewFollower({ signatureTimestamp: nowSec() - 600 });
    expect(d.status).toBe("failed");
    expect(d.attempts.every((a) => a.status === 401)).toBe(true);
    await expect.poll(async () => (await hello()).refused).toMatchObject({ reason: "clock_skew" });
    const refused = (await hello()).refused!;
    expect(refused.skewSec).toBeGreaterThanOrEqual(599);
    expect(refused.skewSec).toBeLessThan(610);
    // The open stream is told too (its periodic re-check carries the state).
    expect(
      await open.until(() => open.events().some((e) => e.event === "health" && e.data.includes("clock_skew")), 3_000),
    ).toBe(true);

    expect((await deliverNewFollower()).status).toBe("delivered");
    expect((await hello()).refused).toBeNull();
    expect(
      await open.until(() => open.events().some((e) => e.event === "health" && e.data === '{"refused":null}'), 3_000),
    ).toBe(true);
    abort.abort();
  });
});

describe("Fanvue webhooks: replays and reconnects", () => {
  it("refuses a replayed delivery (same signature) with 409; a retried delivery is acknowledged and stored once", async () => {
    const d = (await sb.admin("/webhooks/deliver", { event: "new-subscriber", creator: "luna", wait: true })) as {
      id: string;
      status: string;
    };
    expect(d.status).toBe("delivered");
    const original = seen.find((s) => s.headers["x-fanvue-delivery"] === d.id)!;
    const replay = await post(original.body, {
      "X-Fanvue-Signature": original.headers["x-fanvue-signature"]!,
      "X-Fanvue-Event": "new-subscriber",
      "X-Fanvue-Delivery": d.id,
    });
    expect(replay.status).toBe(409);
    // A retry of the same delivery carries a fresh timestamp and signature.
    const t = nowSec() + 1;
    const retry = await post(original.body, {
      "X-Fanvue-Signature": `t=${t},v0=${expectedSignature(SECRET, t, original.body)}`,
      "X-Fanvue-Event": "new-subscriber",
      "X-Fanvue-Delivery": d.id,
    });
    expect(retry.status).toBe(200);
    expect(await retry.json()).toMatchObject({ duplicate: true });
    expect(await db.webhookEvent.count({ where: { dedupeKey: `delivery:${d.id}` } })).toBe(1);
  });

  it("replays missed events after a reconnect (Last-Event-ID)", async () => {
    const grant = await grantFor(p.user.id, p.workspace.id);
    const last = await db.webhookEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
    await sb.admin("/simulate/message", { creator: "luna", text: "while you were away" });
    await expect
      .poll(() => db.webhookEvent.count({ where: { seq: { gt: last.seq }, event: "message-received" } }))
      .toBe(1);
    const abort = new AbortController();
    const stream = (await openLiveStream(grant, abort.signal, last.seq)).body!;
    const text = await readEvents(stream, (t) => t.includes("while you were away"), 2_000);
    abort.abort();
    expect(text).toContain("while you were away");
  });
});
