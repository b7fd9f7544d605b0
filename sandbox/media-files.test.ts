import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startContentSandbox, type Harness } from "./api/content-testing";
import type { MediaType } from "./world/types";

let h: Harness;
let luna: string;

beforeAll(async () => {
  h = await startContentSandbox();
  luna = await h.token("luna");
});
afterAll(() => h.close());
beforeEach(() => h.sb.state.buckets.clear());

type Variant = { variantType: string; url: string; width: number | null; height: number | null };

async function variantsOf(type: MediaType, kinds = "main,thumbnail,thumbnail_gallery,blurred"): Promise<Variant[]> {
  let m = h.creator("luna").media.find((x) => x.mediaType === type && x.status === "ready");
  if (!m) {
    // Small worlds may lack a type: make one through an upload + admin switch.
    const up = await h.json(luna, "POST", "/media/uploads", {
      name: `A ${type}`,
      filename: "f",
      mediaType: type,
      sizeBytes: 200_000,
    });
    await fetch(`${h.sb.url}/__sandbox/media/${up.body.mediaUuid}/ready`, { method: "POST" });
    m = h.creator("luna").mediaIndex.get(up.body.mediaUuid)!;
  }
  const res = await h.json(luna, "GET", `/media/${m.uuid}?variants=${kinds}`);
  expect(res.status).toBe(200);
  return res.body.variants;
}

const byType = (vs: Variant[], t: string) => vs.find((v) => v.variantType === t)!;

describe("signed media URLs", () => {
  it("serve real SVG images at the declared sizes without any auth", async () => {
    const vs = await variantsOf("image");
    for (const v of vs) {
      const res = await fetch(v.url);
      expect(res.status, v.variantType).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/svg+xml");
      const svg = await res.text();
      expect(svg.startsWith("<svg")).toBe(true);
      expect(svg).toContain(`width="${v.width}" height="${v.height}"`);
    }
    const blurred = await (await fetch(byType(vs, "blurred").url)).text();
    expect(blurred).toContain("feGaussianBlur");
    expect(blurred).not.toContain("<text");
    expect(await (await fetch(byType(vs, "main").url)).text()).toContain("<text");
  });

  it("serve a playable MP4 for video (with Range), WAV for audio and PDF for documents", async () => {
    const video = byType(await variantsOf("video", "main"), "main");
    const mp4 = Buffer.from(await (await fetch(video.url)).arrayBuffer());
    expect(mp4.subarray(4, 8).toString("latin1")).toBe("ftyp");
    expect(mp4.includes(Buffer.from("avcC"))).toBe(true);
    const ranged = await fetch(video.url, { headers: { Range: "bytes=0-99" } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get("content-range")).toBe(`bytes 0-99/${mp4.length}`);
    expect((await ranged.arrayBuffer()).byteLength).toBe(100);
    const audio = await fetch(byType(await variantsOf("audio"), "main").url);
    expect(audio.headers.get("content-type")).toBe("audio/wav");
    const wav = Buffer.from(await audio.arrayBuffer());
    expect([wav.subarray(0, 4).toString(), wav.subarray(8, 12).toString()]).toEqual(["RIFF", "WAVE"]);
    const doc = await fetch(byType(await variantsOf("document"), "main").url);
    expect(doc.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await doc.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
  });

  it("refuse a tampered signature (403) and unknown media or variants (404)", async () => {
    const main = byType(await variantsOf("image"), "main");
    const tampered = main.url.replace(/sig=([0-9a-f])/, (_, c: string) => `sig=${c === "0" ? "1" : "0"}`);
    const denied = await fetch(tampered);
    expect(denied.status).toBe(403);
    expect(await denied.text()).toContain("<Code>AccessDenied</Code>");
    const otherType = main.url.replace("/main.svg", "/thumbnail.svg");
    expect((await fetch(otherType)).status).toBe(403);
    expect(
      (await fetch(main.url.replace(/__media\/[^/]+/, "__media/00000000-0000-4000-8000-000000000000"))).status,
    ).toBe(404);
    expect((await fetch(main.url.replace("/main.svg", "/poster.svg"))).status).toBe(404);
  });

  it("expire after mediaUrlTtlSec on the sandbox clock; a fresh URL works again", async () => {
    const url = byType(await variantsOf("image", "thumbnail"), "thumbnail").url;
    expect((await fetch(url)).status).toBe(200);
    const exp = Number(new URL(url).searchParams.get("exp"));
    expect(exp - Math.floor(h.sb.state.clock.now() / 1000)).toBe(h.sb.state.config.mediaUrlTtlSec);
    await h.advance(h.sb.state.config.mediaUrlTtlSec + 5);
    const expired = await fetch(url);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain("Request has expired.");
    const fresh = byType(await variantsOf("image", "thumbnail"), "thumbnail").url;
    expect((await fetch(fresh)).status).toBe(200);
  });

  it("all stop working after POST /__sandbox/media/expire-urls", async () => {
    const urls = (await variantsOf("image")).map((v) => v.url);
    for (const u of urls) expect((await fetch(u)).status).toBe(200);
    const res = await fetch(`${h.sb.url}/__sandbox/media/expire-urls`, { method: "POST" });
    expect(res.status).toBe(200);
    for (const u of urls) expect((await fetch(u)).status).toBe(403);
    const again = (await variantsOf("image")).map((v) => v.url);
    for (const u of again) expect((await fetch(u)).status).toBe(200);
  });

  it("the admin ready switch answers 404 for unknown media", async () => {
    const res = await fetch(`${h.sb.url}/__sandbox/media/00000000-0000-4000-8000-000000000000/ready`, {
      method: "POST",
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ message: "Media not found" });
  });
});
