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

const sessionEnded = () => new ApiError("not_found", "This upload session has ended on Fanvue. Start the upload again.");

async function mapSessionErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof FanvueError && err.kind === "not_found") throw sessionEnded();
    throw err;
  }
}

export async function startUpload(access: CreatorAccess, f: { filename: string; name: string; mimeType: string; sizeBytes: number }): Promise<UploadSession> {
  const check = checkUploadFile({ name: f.filename, type: f.mimeType, size: f.sizeBytes });
  if (!check.ok) throw new ApiError("invalid_input", check.reason, { field: "filename" });
  const s = await createUpload(clientForCreator(access), { name: f.name, filename: f.filename, mediaType: check.mediaType, sizeBytes: f.sizeBytes });
  const totalParts = Math.ceil(f.sizeBytes / s.partSize);
  if (totalParts > s.maxParts) {
    throw new ApiError("invalid_input", `${f.filename} needs ${totalParts} parts; Fanvue accepts at most ${s.maxParts}.`, { field: "filename" });
  }
  return { mediaUuid: s.mediaUuid, uploadId: s.uploadId, partSize: s.partSize, totalParts, mediaType: check.mediaType };
}

/** A fresh presigned URL for one part (asked again on every retry, so an
 * expired URL never fails a retry). */
export async function partUploadUrl(access: CreatorAccess, uploadId: string, partNumber: number) {
  return { url: await mapSessionErrors(() => getPartUrl(clientForCreator(access), uploadId, partNumber)) };
}

export async function finishUpload(access: CreatorAccess, uploadId: string, body: UploadComplete) {
  const res = await mapSessionErrors(() => completeUpload(clientForCreator(access), uploadId, body.parts));
  return { mediaUuid: body.mediaUuid, status: res.status };
}
