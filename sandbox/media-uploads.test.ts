import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { allPages, lenient, startContentSandbox, undocumentedBody, type Harness } from "./api/content-testing";
import { PROCESSING_MS, UPLOAD_MIN_PART_SIZE } from "./api/uploads";

let h: Harness;
let luna: string;
const MiB = 1024 * 1024;

beforeAll(async () => {
  h = await startContentSandbox();
  luna = await h.token("luna");
});
afterAll(() => h.close());
beforeEach(() => h.sb.state.buckets.clear());

async function start(token: string, body: Record<string, unknown>, prefix = "") {
  const res = await h.json(token, "POST", `${prefix}/media/uploads`, body);
  expect(res.status).toBe(200);
  // Exactly the reference's answer: the part size is the client's choice.
  expect(Object.keys(res.body).sort()).toEqual(["mediaUuid", "uploadId"]);
  return res.body as { mediaUuid: string; uploadId: string };
}

async function putPart(token: string, uploadId: string, n: number, bytes: Buffer, prefix = "") {
  const urlRes = await h.call(token, "GET", `${prefix}/media/uploads/${uploadId}/parts/${n}/url`);
  expect(urlRes.status).toBe(200);
  expect(urlRes.headers.get("content-type")).toMatch(/^text\/plain/);
  const url = await urlRes.text();
  const put = await fetch(url, { method: "PUT", body: new Uint8Array(bytes) });
  expect(put.status).toBe(200);
  return { url, etag: put.headers.get("etag")! };
}

describe("multipart upload", () => {
  it("uploads 6 MiB in two parts, completes, processes and lands in the vault and counts", async () => {
    const before = (await h.json(luna, "GET", "/users/me")).body.contentCounts;
    const size = 6 * MiB;
    const s = await start(luna, { name: "Beach day", filename: "beach.jpg", mediaType: "image" });
    expect(await h.json(luna, "GET", `/media/${s.mediaUuid}`)).toEqual({
      status: 200,
      body: { uuid: s.mediaUuid, status: "created" },
    });
    const data = randomBytes(size);
    const p1 = await putPart(luna, s.uploadId, 1, data.subarray(0, 5 * MiB));
    const p2 = await putPart(luna, s.uploadId, 2, data.subarray(5 * MiB));
    expect(p1.url.startsWith(`${h.sb.url}/__upload/${s.uploadId}/1?exp=`)).toBe(true);
    expect(p1.etag).toBe(
      `"${createHash("md5")
        .update(data.subarray(0, 5 * MiB))
        .digest("hex")}"`,
    );
    const done = await h.json(luna, "PATCH", `/media/uploads/${s.uploadId}`, {
      parts: [
        { PartNumber: 1, ETag: p1.etag },
        { PartNumber: 2, ETag: p2.etag },
      ],
    });
    expect(done).toEqual({ status: 200, body: { status: "processing" } });
    expect((await h.json(luna, "GET", `/media/${s.mediaUuid}`)).body).toEqual({
      uuid: s.mediaUuid,
      status: "processing",
    });
    await h.advance(PROCESSING_MS / 1000 + 1);
    const ready = await h.json(luna, "GET", `/media/${s.mediaUuid}?variants=main`);
    expect(ready.body).toMatchObject({
      uuid: s.mediaUuid,
      status: "ready",
      name: "Beach day",
      mediaType: "image",
      caption: null,
    });
    expect(ready.body.variants[0].width).toBeGreaterThan(0);
    const img = await fetch(ready.body.variants[0].url);
    expect(img.headers.get("content-type")).toBe("image/svg+xml");
    expect(h.creator("luna").mediaIndex.get(s.mediaUuid)!.sizeBytes).toBe(size);
    const vault = await allPages(h, luna, "/media?mediaType=image");
    expect(vault[0].uuid).toBe(s.mediaUuid);
    expect((await h.json(luna, "GET", "/users/me")).body.contentCounts.imageCount).toBe(before.imageCount + 1);
    // A retried completion succeeds again; the session no longer hands out URLs.
    expect(
      (
        await h.json(luna, "PATCH", `/media/uploads/${s.uploadId}`, {
          parts: [
            { PartNumber: 1, ETag: p1.etag },
            { PartNumber: 2, ETag: p2.etag },
          ],
        })
      ).status,
    ).toBe(200);
    expect((await h.call(luna, "GET", `/media/uploads/${s.uploadId}/parts/3/url`)).status).toBe(400);
    expect((await fetch(p1.url, { method: "PUT", body: "late" })).status).toBe(404);
  });

  it.each([
    [{ filename: "a.jpg", mediaType: "image" }, "name is required"],
    [{ name: "x".repeat(256), filename: "a.jpg", mediaType: "image" }, "name must be at most 255 characters"],
    [{ name: "a", filename: "", mediaType: "image" }, "filename must be at least 1 character"],
    [{ name: "a", filename: "a.gif", mediaType: "gif" }, "mediaType must be one of: image, video, audio, document"],
    [{ name: "   ", filename: "a.jpg", mediaType: "image" }, "name must not be empty"],
  ])("rejects session %j", async (body, message) => {
    expect(await h.json(luna, "POST", "/media/uploads", body)).toEqual({ status: 400, body: { errors: [message] } });
  });

  it("ignores an undocumented size (lenient) and refuses it naming it (strict)", async () => {
    const body = { name: "Clip", filename: "clip.mp4", mediaType: "video", sizeBytes: 6 * MiB };
    const { result, undocumented } = await lenient(h, () => h.json(luna, "POST", "/media/uploads", body));
    expect(result.status).toBe(200);
    expect(Object.keys(result.body).sort()).toEqual(["mediaUuid", "uploadId"]);
    expect(undocumented).toEqual(["body.sizeBytes"]);
    expect(await h.json(luna, "POST", "/media/uploads", body)).toEqual({
      status: 400,
      body: undocumentedBody(["body.sizeBytes"], "POST /media/uploads"),
    });
    // S3's own spelling is PartNumber/ETag; other spellings are not Fanvue's.
    const done = await h.json(luna, "PATCH", `/media/uploads/${result.body.uploadId}`, {
      parts: [{ PartNumber: 1, ETag: "x", etag: "x" }],
    });
    expect(done).toEqual({
      status: 400,
      body: undocumentedBody(["body.parts.0.etag"], "PATCH /media/uploads/{uploadId}"),
    });
  });

  it("validates part numbers, uploads and the completion list", async () => {
    const s = await start(luna, { name: "Clip", filename: "clip.mp4", mediaType: "video" });
    for (const n of ["0", "10001", "abc"]) {
      const res = await h.json(luna, "GET", `/media/uploads/${s.uploadId}/parts/${n}/url`);
      expect(res).toEqual({ status: 400, body: { errors: ["partNumber must be an integer between 1 and 10000"] } });
    }
    expect(await h.json(luna, "GET", "/media/uploads/nope/parts/1/url")).toEqual({
      status: 404,
      body: { message: "Upload not found" },
    });
    const small = await putPart(luna, s.uploadId, 1, randomBytes(MiB));
    const last = await putPart(luna, s.uploadId, 2, randomBytes(1000));
    const cases: [unknown, string][] = [
      [{}, "parts is required"],
      [{ parts: [] }, "parts must be a non-empty array"],
      [{ parts: [{ PartNumber: 0, ETag: small.etag }] }, "parts[].PartNumber must be an integer between 1 and 10000"],
      [{ parts: [{ PartNumber: 1 }] }, "parts[].ETag must be a non-empty string"],
      [
        {
          parts: [
            { PartNumber: 2, ETag: last.etag },
            { PartNumber: 1, ETag: small.etag },
          ],
        },
        "parts must be in ascending PartNumber order without duplicates",
      ],
      [{ parts: [{ PartNumber: 1, ETag: '"deadbeef"' }] }, "part 1 ETag does not match the uploaded part"],
      [
        {
          parts: [
            { PartNumber: 1, ETag: small.etag },
            { PartNumber: 3, ETag: last.etag },
          ],
        },
        "part 3 was not uploaded",
      ],
      [
        {
          parts: [
            { PartNumber: 1, ETag: small.etag },
            { PartNumber: 2, ETag: last.etag },
          ],
        },
        `part 1 is smaller than the minimum part size of ${UPLOAD_MIN_PART_SIZE} bytes`,
      ],
    ];
    for (const [body, message] of cases) {
      expect(await h.json(luna, "PATCH", `/media/uploads/${s.uploadId}`, body), JSON.stringify(body)).toEqual({
        status: 400,
        body: { errors: [message] },
      });
    }
    expect((await h.json(luna, "PATCH", `/media/uploads/${s.uploadId}`, "{bad")).body).toEqual({
      errors: ["body must be valid JSON"],
    });
    // A single small part is fine (it is the last one), quotes optional.
    const ok = await h.json(luna, "PATCH", `/media/uploads/${s.uploadId}`, {
      parts: [{ PartNumber: 1, ETag: small.etag.replace(/"/g, "") }],
    });
    expect(ok.body).toEqual({ status: "processing" });
    expect(h.creator("luna").mediaIndex.get(s.mediaUuid)!.lengthMs).toBeGreaterThan(0);
  });

  it("refuses a presigned PUT with a bad or expired signature", async () => {
    const s = await start(luna, { name: "Doc", filename: "a.pdf", mediaType: "document" });
    const url = await (await h.call(luna, "GET", `/media/uploads/${s.uploadId}/parts/1/url`)).text();
    const tampered = await fetch(url.replace("/1?", "/2?"), { method: "PUT", body: "x" });
    expect(tampered.status).toBe(403);
    expect(await tampered.text()).toContain("AccessDenied");
    expect((await fetch(url, { method: "PUT", body: "x" })).status).toBe(200);
    await h.advance(3 * 3600);
    expect((await fetch(url, { method: "PUT", body: "x" })).status).toBe(403);
  });
});

describe("scopes and the agency mirror", () => {
  it("needs write:media; agencies upload for managed creators with write:creator", async () => {
    const readOnly = await h.token("luna", ["read:media"]);
    expect(
      (await h.json(readOnly, "POST", "/media/uploads", { name: "a", filename: "a", mediaType: "image" })).status,
    ).toBe(403);
    const atlas = await h.token("atlas");
    const nova = h.uuidOf("nova");
    const prefix = `/creators/${nova}`;
    const s = await start(atlas, { name: "Agency upload", filename: "a.jpg", mediaType: "image" }, prefix);
    expect(h.creator("nova").mediaIndex.has(s.mediaUuid)).toBe(true);
    // Sessions are per creator: luna cannot see nova's upload.
    expect((await h.call(luna, "GET", `/media/uploads/${s.uploadId}/parts/1/url`)).status).toBe(404);
    const p = await putPart(atlas, s.uploadId, 1, randomBytes(2048), prefix);
    const done = await h.json(atlas, "PATCH", `${prefix}/media/uploads/${s.uploadId}`, {
      parts: [{ PartNumber: 1, ETag: p.etag }],
    });
    expect(done.body).toEqual({ status: "processing" });
    expect(
      await h.json(atlas, "POST", `/creators/${h.uuidOf("luna")}/media/uploads`, {
        name: "a",
        filename: "a",
        mediaType: "image",
      }),
    ).toEqual({
      status: 403,
      body: { error: "Creator is not part of your agency" },
    });
    const noWriteCreator = await h.token("atlas", ["write:media", "read:creator"]);
    const res = await h.json(noWriteCreator, "POST", `${prefix}/media/uploads`, {
      name: "a",
      filename: "a",
      mediaType: "image",
    });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatch(/write:creator/);
  });
});
