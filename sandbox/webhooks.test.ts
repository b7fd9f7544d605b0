import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSandbox, type RunningSandbox } from "./server";

type Received = { headers: IncomingMessage["headers"]; body: string };
let sb: RunningSandbox;
let receiver: Server;
let receiverUrl: string;
let received: Received[] = [];
/** Decides each reply; tests swap it. */
let reply: (req: Received, res: ServerResponse) => void = (_r, res) => res.writeHead(204).end();
const SECRET = "whsec_test_secret";

beforeAll(async () => {
  sb = await createSandbox({ port: 0, soloFans: 80, agencyFans: [30, 20, 20] });
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const r = { headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      received.push(r);
      reply(r, res);
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
});
afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise((r) => receiver.close(r));
  await sb.close();
});
beforeEach(async () => {
  received = [];
  reply = (_r, res) => res.writeHead(204).end();
  await admin("DELETE", "/__sandbox/webhooks/log");
  await admin("POST", "/__sandbox/webhooks", { url: receiverUrl, secret: SECRET, retries: 3, backoffMs: 20 });
});

const admin = (method: string, path: string, body?: unknown) =>
  fetch(`${sb.url}${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
async function waitFor<T>(fn: () => T | undefined, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 10));
  }
}

function verify(r: Received, secret: string) {
  const m = /^t=(\d+),v0=([0-9a-f]{64})$/.exec(String(r.headers["x-fanvue-signature"]));
  if (!m) return false;
  const expected = createHmac("sha256", secret).update(`${m[1]}.${r.body}`).digest();
  return timingSafeEqual(expected, Buffer.from(m[2]!, "hex")) && Math.abs(Number(m[1]) - Date.now() / 1000) < 300;
}

describe("webhook delivery", () => {
  it("delivers a signed tip-received event after /__sandbox/simulate/tip", async () => {
    const res = await admin("POST", "/__sandbox/simulate/tip", { creator: "luna", amount: 2500 });
    expect(res.status).toBe(201);
    const sim = await res.json();
    const r = await waitFor(() => received[0]);
    expect(verify(r, SECRET)).toBe(true);
    expect(verify(r, "wrong-secret")).toBe(false);
    expect(r.headers["content-type"]).toBe("application/json");
    expect(r.headers["x-fanvue-event"]).toBe("tip-received");
    const payload = JSON.parse(r.body);
    const luna = [...sb.state.world.creators.values()].find((c) => c.account.handle === "luna")!;
    expect(payload).toEqual({
      context: "message",
      messageUuid: sim.messageUuid,
      recipientUuid: luna.account.uuid,
      senderUuid: sim.fanUuid,
      price: 2500,
      sender: { uuid: sim.fanUuid, handle: expect.any(String), displayName: expect.any(String), avatarUrl: null },
      timestamp: expect.stringMatching(/Z$/),
    });
    const log = await (await admin("GET", "/__sandbox/webhooks")).json();
    expect(log.deliveries).toMatchObject([{ event: "tip-received", status: "delivered", attempts: [{ status: 204 }] }]);
  });

  it("does not hold the API reply while the receiver is slow", async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    reply = (_r, res) => void held.then(() => res.writeHead(200).end());
    const res = await admin("POST", "/__sandbox/simulate/message", { creator: "luna", text: "are you there?" });
    expect(res.status).toBe(201);
    const r = await waitFor(() => received[0]);
    expect(JSON.parse(r.body).message.text).toBe("are you there?");
    const pending = await (await admin("GET", "/__sandbox/webhooks")).json();
    expect(pending.deliveries[0].status).toBe("pending");
    release();
    expect((await waitForDelivery("message-received")).attempts).toMatchObject([{ status: 200 }]);
  });

  it("retries a failed delivery with backoff and logs each status", async () => {
    let n = 0;
    reply = (_r, res) => res.writeHead(++n < 3 ? 503 : 200).end();
    await admin("POST", "/__sandbox/simulate/follow", { creator: "luna" });
    const done = await waitForDelivery("new-follower");
    expect(done.status).toBe("delivered");
    expect(done.attempts.map((a: { status: number }) => a.status)).toEqual([503, 503, 200]);
    expect(received).toHaveLength(3);
    expect(new Set(received.map((r) => r.headers["x-fanvue-delivery"])).size).toBe(1);
  });

  it("gives up after the configured retries", async () => {
    await admin("POST", "/__sandbox/webhooks", { url: receiverUrl, retries: 1, backoffMs: 5 });
    reply = (_r, res) => res.writeHead(500).end();
    await admin("POST", "/__sandbox/simulate/subscribe", { creator: "luna" });
    const done = await waitForDelivery("new-subscriber");
    expect(done.status).toBe("failed");
    expect(done.attempts).toHaveLength(2);
  });

  it("records events but sends nothing without an endpoint", async () => {
    expect((await admin("DELETE", "/__sandbox/webhooks")).status).toBe(204);
    await admin("POST", "/__sandbox/simulate/follow", { creator: "mia" });
    const log = await (await admin("GET", "/__sandbox/webhooks")).json();
    expect(log).toMatchObject({ url: null, deliveries: [], events: [{ event: "new-follower" }] });
    await new Promise((r) => setTimeout(r, 50));
    expect(received).toHaveLength(0);
    const res = await admin("POST", "/__sandbox/webhooks/deliver", { event: "new-follower", creator: "luna" });
    expect(res.status).toBe(400);
  });

  it("validates the endpoint config", async () => {
    for (const body of [
      { url: "ftp://x" },
      { url: "nope" },
      { url: receiverUrl, secret: "" },
      { url: receiverUrl, retries: 99 },
    ]) {
      expect((await admin("POST", "/__sandbox/webhooks", body)).status, JSON.stringify(body)).toBe(400);
    }
  });
});

async function waitForDelivery(event: string) {
  const until = Date.now() + 5000;
  for (;;) {
    const log = await (await admin("GET", `/__sandbox/webhooks?event=${event}`)).json();
    const d = log.deliveries[0];
    if (d && d.status !== "pending") return d;
    if (Date.now() > until) throw new Error(`no finished ${event} delivery`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("POST /__sandbox/webhooks/deliver", () => {
  const shapes: Record<string, string[]> = {
    "message-received": ["isMuted", "message", "messageUuid", "recipientUuid", "sender", "timestamp"],
    "message-read": ["counterpartUuid", "readMessagesCount", "recipientUuid", "timestamp"],
    "new-follower": ["recipientUuid", "sender", "timestamp"],
    "new-subscriber": ["price", "recipientUuid", "sender", "timestamp"],
    "purchase-received": ["price", "recipientUuid", "sender", "timestamp"],
    "tip-received": ["context", "price", "recipientUuid", "sender", "senderUuid", "timestamp"],
  };

  it("sends a realistic payload for each of the six events", async () => {
    for (const [event, keys] of Object.entries(shapes)) {
      const res = await admin("POST", "/__sandbox/webhooks/deliver", { event, creator: "luna", wait: true });
      expect(res.status, event).toBe(200);
      const d = await res.json();
      expect(d.status, event).toBe("delivered");
      const r = received.find((x) => x.headers["x-fanvue-event"] === event)!;
      expect(verify(r, SECRET)).toBe(true);
      const payload = JSON.parse(r.body);
      for (const k of keys) expect(payload, `${event}.${k}`).toHaveProperty(k);
    }
  });

  it("applies overrides and a chosen signature time", async () => {
    const res = await admin("POST", "/__sandbox/webhooks/deliver", {
      event: "new-subscriber",
      creator: "luna",
      payload: { price: 1 },
      signatureTimestamp: 1000,
      wait: true,
    });
    expect(res.status).toBe(200);
    const r = received[received.length - 1]!;
    expect(JSON.parse(r.body).price).toBe(1);
    expect(String(r.headers["x-fanvue-signature"])).toMatch(/^t=1000,/);
    expect(verify(r, SECRET)).toBe(false);
  });

  it("rejects unknown events, creators and fans", async () => {
    expect((await admin("POST", "/__sandbox/webhooks/deliver", { event: "payment", creator: "luna" })).status).toBe(
      400,
    );
    expect(
      (await admin("POST", "/__sandbox/webhooks/deliver", { event: "new-follower", creator: "nobody" })).status,
    ).toBe(404);
    expect(
      (await admin("POST", "/__sandbox/webhooks/deliver", { event: "new-follower", creator: "luna", fan: "nobody" }))
        .status,
    ).toBe(404);
    expect(
      (await admin("POST", "/__sandbox/webhooks/deliver", { event: "new-follower", creator: "luna", payload: [] }))
        .status,
    ).toBe(400);
  });
});
