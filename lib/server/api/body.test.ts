import { describe, expect, it } from "vitest";
import { readBodyText, readJsonBody } from "./body";

/** A request whose body is produced on demand, counting what was pulled. */
function streamingRequest(totalBytes: number, chunkBytes = 64 * 1024, headers: Record<string, string> = {}) {
  const pulled = { bytes: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.bytes >= totalBytes) return controller.close();
      const n = Math.min(chunkBytes, totalBytes - pulled.bytes);
      pulled.bytes += n;
      controller.enqueue(new Uint8Array(n).fill(0x61));
    },
  });
  const req = new Request("http://app.test/api/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);
  return { req, pulled };
}

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: { code?: string; extra?: { field?: string } }) => `${e.code}:${e.extra?.field}`,
  );

describe("readBodyText", () => {
  it("refuses a declared Content-Length over the limit without reading a byte", async () => {
    const { req, pulled } = streamingRequest(100 * 1024 * 1024, 64 * 1024, {
      "content-length": String(100 * 1024 * 1024),
    });
    expect(await codeOf(readBodyText(req, 64 * 1024))).toBe("payload_too_large:body");
    // (A stream fills its one-chunk queue by itself; nothing past that.)
    expect(pulled.bytes).toBeLessThanOrEqual(64 * 1024);
  });

  it("stops pulling an undeclared (chunked) body at the first chunk past the limit", async () => {
    const { req, pulled } = streamingRequest(100 * 1024 * 1024);
    expect(await codeOf(readBodyText(req, 256 * 1024))).toBe("payload_too_large:body");
    // At most the limit plus the chunks the stream queued ahead, never the 100 MiB.
    expect(pulled.bytes).toBeLessThan(512 * 1024);
  });

  it("reads a body at the limit", async () => {
    const { req } = streamingRequest(64 * 1024);
    expect((await readBodyText(req, 64 * 1024)).length).toBe(64 * 1024);
  });

  it("names the body for invalid UTF-8 and invalid JSON", async () => {
    const bad = new Request("http://app.test/", { method: "POST", body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) });
    expect(await codeOf(readBodyText(bad))).toBe("invalid_input:body");
    const notJson = new Request("http://app.test/", { method: "POST", body: "{not json" });
    expect(await codeOf(readJsonBody(notJson))).toBe("invalid_input:body");
  });

  it("parses JSON and treats an empty body as {}", async () => {
    expect(await readJsonBody(new Request("http://app.test/", { method: "POST", body: '{"a":1}' }))).toEqual({ a: 1 });
    expect(await readJsonBody(new Request("http://app.test/", { method: "POST", body: "" }))).toEqual({});
  });
});
