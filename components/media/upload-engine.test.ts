import { describe, expect, it } from "vitest";
import {
  PART_ATTEMPTS,
  PartFailedError,
  planParts,
  runUpload,
  sentBytes,
  type UploadJob,
  type UploadTransport,
} from "./upload-engine";

const MB = 1024 * 1024;

function fakeFile(size: number, name = "clip.mp4", type = "video/mp4") {
  return Object.assign(new Blob([new Uint8Array(size)], { type }), { name });
}

/** A transport recording every call; `failPart(n, times)` makes PUTs of part n fail. */
function fakeTransport() {
  const failures = new Map<number, number>();
  const log = {
    urls: [] as string[],
    puts: [] as { n: number; bytes: number }[],
    completed: null as null | { PartNumber: number; ETag: string }[],
  };
  let urlSeq = 0;
  const t: UploadTransport = {
    start: async (f) => ({
      mediaUuid: "m-1",
      uploadId: "up-1",
      partSize: 10 * MB,
      totalParts: Math.ceil(f.sizeBytes / (10 * MB)),
      mediaType: "video",
    }),
    partUrl: async (_id, n) => {
      const url = `https://storage.test/up-1/${n}?sig=${++urlSeq}`;
      log.urls.push(url);
      return url;
    },
    put: async (url, body, onProgress) => {
      const n = Number(new URL(url).pathname.split("/").pop());
      onProgress(body.size / 2);
      const left = failures.get(n) ?? 0;
      if (left > 0) {
        failures.set(n, left - 1);
        throw new Error("network error");
      }
      onProgress(body.size);
      log.puts.push({ n, bytes: body.size });
      return `"etag-${n}"`;
    },
    complete: async (_id, body) => {
      log.completed = body.parts;
      return { status: "processing" };
    },
    sleep: async () => undefined,
  };
  return { t, log, failPart: (n: number, times: number) => failures.set(n, times) };
}

describe("planParts", () => {
  it("splits a file into part-size slices, the last one shorter", () => {
    const parts = planParts(25 * MB, 10 * MB);
    expect(parts.map((p) => [p.n, p.end - p.start])).toEqual([
      [1, 10 * MB],
      [2, 10 * MB],
      [3, 5 * MB],
    ]);
    expect(planParts(1, 10 * MB)).toHaveLength(1);
  });
});

describe("runUpload", () => {
  it("sends every part once, in slices, and completes with the ETags in order", async () => {
    const { t, log } = fakeTransport();
    const job: UploadJob = { file: fakeFile(30 * MB), session: null, parts: [] };
    const status = await runUpload(t, job, { name: "clip.mp4" }, new AbortController().signal, () => undefined);
    expect(status).toBe("processing");
    expect(log.puts.map((p) => p.n).sort()).toEqual([1, 2, 3]);
    expect(log.puts.every((p) => p.bytes === 10 * MB)).toBe(true);
    expect(log.completed).toEqual([1, 2, 3].map((n) => ({ PartNumber: n, ETag: `"etag-${n}"` })));
    expect(sentBytes(job.parts)).toBe(30 * MB);
  });

  it("retries a failed part on its own with a fresh URL", async () => {
    const { t, log, failPart } = fakeTransport();
    failPart(2, 1);
    const job: UploadJob = { file: fakeFile(30 * MB), session: null, parts: [] };
    await runUpload(t, job, { name: "clip.mp4" }, new AbortController().signal, () => undefined);
    const part2Urls = log.urls.filter((u) => u.includes("/2?"));
    expect(part2Urls).toHaveLength(2);
    expect(new Set(part2Urls).size).toBe(2);
    expect(log.puts.filter((p) => p.n === 1)).toHaveLength(1);
  });

  it("stops after the attempts run out, keeps finished parts, and Retry resumes only the failed one", async () => {
    const { t, log, failPart } = fakeTransport();
    failPart(3, PART_ATTEMPTS);
    const job: UploadJob = { file: fakeFile(30 * MB), session: null, parts: [] };
    const err = await runUpload(t, job, { name: "clip.mp4" }, new AbortController().signal, () => undefined).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(PartFailedError);
    expect(err.message).toContain("Part 3 of 3");
    expect(log.completed).toBeNull();
    expect(job.parts.map((p) => Boolean(p.etag))).toEqual([true, true, false]);
    expect(job.parts[2]!.failed).toBe(true);
    await runUpload(t, job, { name: "clip.mp4" }, new AbortController().signal, () => undefined);
    expect(log.puts.map((p) => p.n).sort()).toEqual([1, 2, 3]);
    expect(log.completed).toHaveLength(3);
  });

  it("does not repeat a part-URL call our API says can never work", async () => {
    const { t, log } = fakeTransport();
    let asked = 0;
    const refusing: UploadTransport = {
      ...t,
      partUrl: async () => {
        asked++;
        throw Object.assign(new Error("Fanvue does not accept uploads from Vuedeck for this account."), {
          isTransient: false,
        });
      },
    };
    const job: UploadJob = { file: fakeFile(5 * MB), session: null, parts: [] };
    const err = await runUpload(
      refusing,
      job,
      { name: "clip.mp4" },
      new AbortController().signal,
      () => undefined,
    ).catch((e) => e);
    expect(asked).toBe(1);
    expect(err.message).toBe("Fanvue does not accept uploads from Vuedeck for this account.");
    expect(log.completed).toBeNull();
  });

  it("cancels: an aborted upload never completes", async () => {
    const { t, log } = fakeTransport();
    const ctl = new AbortController();
    const slow: UploadTransport = {
      ...t,
      put: (url, body, p, signal) =>
        new Promise((_, reject) => signal.addEventListener("abort", () => reject(new Error("canceled")))),
    };
    const job: UploadJob = { file: fakeFile(12 * MB), session: null, parts: [] };
    const run = runUpload(slow, job, { name: "clip.mp4" }, ctl.signal, () => undefined);
    setTimeout(() => ctl.abort(new Error("canceled")), 5);
    await expect(run).rejects.toThrow("canceled");
    expect(log.completed).toBeNull();
  });
});
