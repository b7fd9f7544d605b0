import "server-only";
import { checkUploadFile, type UploadComplete, type UploadSession } from "@/lib/schemas/media";
import { ApiError } from "@/lib/server/api/errors";
import { clientForCreator } from "@/lib/server/creators/client";
import { FanvueError } from "@/lib/server/fanvue/errors";
import { completeUpload, createUpload, getPartUrl } from "@/lib/server/fanvue/resources/media";
import type { CreatorAccess } from "@/lib/server/workspaces/access";

// Multipart uploads (contract §5.9). Our server only opens the session, hands
// out presigned part URLs and completes; the browser PUTs the bytes straight
// to Fanvue's storage, so a 1.5 GB video never passes through (or sits in the
// memory of) this server.

const MiB = 1024 * 1024;
/** S3's multipart rules, which Fanvue's storage follows: every part but the
 * last at least 5 MiB, at most 10,000 parts. */
const MIN_PART_BYTES = 5 * MiB;
const MAX_PARTS = 10_000;
/** Our part size. Fanvue's session answer carries none, so we choose: each
 * part costs one Fanvue call for its presigned URL (the creator's 200/min
 * budget), and a failed part is sent again whole. 16 MiB makes a 1.5 GB file
 * 96 parts (96 URL calls spread over the upload) while a retry re-sends at
 * most 16 MiB; bigger files get bigger parts so they stay under 10,000. */
const PART_BYTES = 16 * MiB;

/** The part size for a file of `size` bytes: ≥ 5 MiB, ≤ 10,000 parts. */
export function partSizeFor(size: number): number {
  const fit = Math.ceil(Math.ceil(size / MAX_PARTS) / MiB) * MiB;
  return Math.max(MIN_PART_BYTES, PART_BYTES, fit);
}

type Step = "start" | "part" | "complete";

/** Fanvue's refusals, in words that say what to do. A refusal (403), a route
 * this Fanvue lacks (404/405 on opening) or an invalid file will not change
 * on retry, so those never say "try again"; a 404 after opening means the
 * session itself is gone. Outages pass through (the wrapper says to retry). */
function uploadError(err: unknown, step: Step): unknown {
  if (!(err instanceof FanvueError)) return err;
  const missing = err.kind === "unsupported" || (err.kind === "not_found" && step === "start");
  if (missing)
    return new ApiError(
      "not_found",
      "Fanvue does not accept uploads from Vuedeck for this account. Upload the file in Fanvue's app; it then shows in this vault.",
    );
  if (err.kind === "not_found")
    return new ApiError("not_found", "This upload session has ended on Fanvue. Start the upload again.");
  if (err.kind === "forbidden")
    return new ApiError(
      "forbidden",
      "Fanvue refused this upload for this account. Reconnect Fanvue and allow media uploads, or upload in Fanvue's app.",
    );
  if (err.kind === "validation" && step === "start")
    return new ApiError("invalid_input", "Fanvue did not accept this file's name or type.", { field: "filename" });
  if (err.kind === "validation")
    return new ApiError("invalid_input", "Fanvue did not accept the uploaded parts. Start the upload again.", {
      field: "parts",
    });
  return err;
}

async function step<T>(which: Step, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw uploadError(err, which);
  }
}

export async function startUpload(
  access: CreatorAccess,
  f: { filename: string; name: string; mimeType: string; sizeBytes: number },
): Promise<UploadSession> {
  const check = checkUploadFile({ name: f.filename, type: f.mimeType, size: f.sizeBytes });
  if (!check.ok) throw new ApiError("invalid_input", check.reason, { field: "filename" });
  const s = await step("start", () =>
    createUpload(clientForCreator(access), { name: f.name, filename: f.filename, mediaType: check.mediaType }),
  );
  const partSize = partSizeFor(f.sizeBytes);
  return {
    mediaUuid: s.mediaUuid,
    uploadId: s.uploadId,
    partSize,
    totalParts: Math.max(1, Math.ceil(f.sizeBytes / partSize)),
    mediaType: check.mediaType,
  };
}

/** A fresh presigned URL for one part (asked again on every retry, so an
 * expired URL never fails a retry). */
export async function partUploadUrl(access: CreatorAccess, uploadId: string, partNumber: number) {
  return { url: await step("part", () => getPartUrl(clientForCreator(access), uploadId, partNumber)) };
}

export async function finishUpload(access: CreatorAccess, uploadId: string, body: UploadComplete) {
  const res = await step("complete", () => completeUpload(clientForCreator(access), uploadId, body.parts));
  return { mediaUuid: body.mediaUuid, status: res.status };
}
