// POST /api/webhooks/fanvue – Fanvue platform events (public; authenticated by the X-Fanvue-Signature HMAC).
//
// Not wrapped in apiRoute(): Fanvue's servers send no Origin (the wrapper's
// CSRF check would refuse every delivery) and no session; the signature,
// timestamp tolerance and replay refusal in lib/server/live/receiver.ts are
// this endpoint's authentication. Listed in routes-wrapped.test.ts EXEMPT.
import type { NextRequest } from "next/server";
import { readBodyOrRefusal } from "@/lib/server/api/body";
import { receiveWebhook } from "@/lib/server/live/receiver";

/** Fanvue's events are small; anything larger is not one of them. */
const MAX_BODY_BYTES = 256 * 1024;

export async function POST(req: NextRequest) {
  // Read under the limit while it streams in: a huge body costs at most 256 KiB.
  const body = await readBodyOrRefusal(req, MAX_BODY_BYTES, "POST /api/webhooks/fanvue");
  if ("refusal" in body) return body.refusal;
  const res = await receiveWebhook({
    rawBody: body.text,
    signature: req.headers.get("x-fanvue-signature"),
    event: req.headers.get("x-fanvue-event"),
    deliveryId: req.headers.get("x-fanvue-delivery"),
  }).catch((err: unknown) => {
    console.error("[webhooks] receiver failed", err);
    // 500: Fanvue retries, and nothing was stored.
    return { status: 500, body: { error: "Could not store the event." } };
  });
  return Response.json(res.body, { status: res.status, headers: { "Cache-Control": "no-store" } });
}
