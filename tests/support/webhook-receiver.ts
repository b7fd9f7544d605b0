// A stand-in for the Next route handler (app/api/webhooks/fanvue/route.ts),
// which only forwards these headers and the body to receiveWebhook: the
// sandbox's signed deliveries reach the real receiver over HTTP.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export type SeenDelivery = { headers: Record<string, string>; body: string; status: number };

export async function startWebhookReceiver() {
  const { receiveWebhook } = await import("@/lib/server/live/receiver");
  const seen: SeenDelivery[] = [];
  const header = (req: IncomingMessage, name: string) => (req.headers[name] as string | undefined) ?? null;
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (d: Buffer) => (body += d.toString()));
    req.on("end", async () => {
      const r = await receiveWebhook({
        rawBody: body,
        signature: header(req, "x-fanvue-signature"),
        event: header(req, "x-fanvue-event"),
        deliveryId: header(req, "x-fanvue-delivery"),
      });
      seen.push({ headers: req.headers as Record<string, string>, body, status: r.status });
      res.writeHead(r.status, { "Content-Type": "application/json" }).end(JSON.stringify(r.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/fanvue`;
  return { url, seen, close: () => server.close() };
}
