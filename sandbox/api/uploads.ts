// §5.9 Multipart uploads: create a session, presign part URLs (PUT without
// auth to the sandbox's own "S3"), complete with the parts' ETags. The media
// item exists from the start ("created"), turns "processing" on completion and
// "ready" PROCESSING_MS later on the sandbox clock. As in Fanvue's reference,
// the session takes only name, filename and mediaType and answers only
// {mediaUuid, uploadId}: the client chooses its part size, and S3's rules
// (every part but the last at least 5 MiB, at most 10,000 parts) are checked
// when the upload is completed.
import { createHash } from "node:crypto";
import { HttpError, jsonBody, notFound, send, validation, type Ctx, type Router } from "../http";
import type { Sandbox } from "../state";
import { hashToInt } from "../world/random";
import type { CreatorWorld, Media, Upload } from "../world/types";
import {
  checkSigned,
  makeMediaLive,
  newOpaqueId,
  newUuid,
  requiredEnum,
  requiredString,
  s3Error,
  signUrl,
} from "./content-common";
import { MEDIA_TYPES, settleDimensions } from "./media-common";
import type { Api, RouteSpec } from "./registry";

/** S3's limits: 10,000 parts; every part but the last at least 5 MiB. */
export const UPLOAD_MAX_PARTS = 10_000;
export const UPLOAD_MIN_PART_SIZE = 5 * 1024 * 1024;
/** Time from completion to "ready"; short so tests and demos move on quickly. */
export const PROCESSING_MS = 3_000;
/** Presigned part URLs: long enough for a slow part, like S3's common 1 h. */
export const PART_URL_TTL_SEC = 3_600;

const UPLOAD_WRITE: RouteSpec = { subject: "creator" };

export function registerUploads(api: Api, sb: Sandbox, open: Router) {
  api.route("POST", "/media/uploads", UPLOAD_WRITE, (ctx) => {
    const body = jsonBody(ctx);
    const name = requiredString(body.name, "name", 255);
    const filename = requiredString(body.filename, "filename", 255);
    const mediaType = requiredEnum(body.mediaType, "mediaType", MEDIA_TYPES);
    const c = ctx.creator;
    const now = sb.clock.now();
    const uuid = newUuid(sb, "media");
    const media: Media = {
      uuid,
      name,
      caption: null,
      description: null,
      mediaType,
      status: "created",
      createdAt: now,
      readyAt: null,
      width: null,
      height: null,
      lengthMs: null,
      // Known once the parts are in (completion).
      sizeBytes: 0,
      recommendedPrice: null,
      usage: new Set(),
      hue: hashToInt(uuid) % 360,
    };
    makeMediaLive(sb, media);
    c.media.push(media);
    c.mediaIndex.set(uuid, media);
    const upload: Upload = {
      uploadId: newOpaqueId(sb, "upload"),
      mediaUuid: uuid,
      name,
      filename,
      mediaType,
      parts: new Map(),
      status: "open",
      createdAt: now,
    };
    c.uploads.set(upload.uploadId, upload);
    send(ctx, 200, { mediaUuid: uuid, uploadId: upload.uploadId });
  });

  api.route("GET", "/media/uploads/:uploadId/parts/:partNumber/url", UPLOAD_WRITE, (ctx) => {
    const upload = uploadOr404(ctx.creator, ctx.params.uploadId ?? "");
    const raw = ctx.params.partNumber ?? "";
    const n = /^\d{1,6}$/.test(raw) ? Number(raw) : NaN;
    if (!(n >= 1 && n <= UPLOAD_MAX_PARTS))
      throw validation(`partNumber must be an integer between 1 and ${UPLOAD_MAX_PARTS}`);
    if (upload.status !== "open") throw validation("upload is already completed");
    const url = signUrl(sb, `/__upload/${encodeURIComponent(upload.uploadId)}/${n}`, PART_URL_TTL_SEC);
    send(ctx, 200, url, { "Content-Type": "text/plain; charset=utf-8" });
  });

  api.route("PATCH", "/media/uploads/:uploadId", UPLOAD_WRITE, (ctx) => {
    const body = jsonBody(ctx);
    const parts = partsField(body.parts);
    const c = ctx.creator;
    const upload = uploadOr404(c, ctx.params.uploadId ?? "");
    const media = c.mediaIndex.get(upload.mediaUuid);
    if (!media) throw notFound("Upload not found");
    makeMediaLive(sb, media);
    if (upload.status === "completed") {
      // A retried completion (lost response) succeeds again, like S3's.
      const same =
        parts.length === upload.parts.size &&
        parts.every((p) => sameEtag(upload.parts.get(p.PartNumber)?.etag, p.ETag));
      if (!same) throw validation("upload is already completed");
      send(ctx, 200, { status: media.status });
      return;
    }
    const stored = parts.map((p) => {
      const part = upload.parts.get(p.PartNumber);
      if (!part) throw validation(`part ${p.PartNumber} was not uploaded`);
      if (!sameEtag(part.etag, p.ETag)) throw validation(`part ${p.PartNumber} ETag does not match the uploaded part`);
      return part;
    });
    stored.forEach((part, i) => {
      if (i < stored.length - 1 && part.size < UPLOAD_MIN_PART_SIZE) {
        throw validation(
          `part ${parts[i]!.PartNumber} is smaller than the minimum part size of ${UPLOAD_MIN_PART_SIZE} bytes`,
        );
      }
    });
    const total = stored.reduce((n, part) => n + part.size, 0);
    // Parts uploaded but not listed are discarded, as S3 does.
    for (const n of [...upload.parts.keys()]) if (!parts.some((p) => p.PartNumber === n)) upload.parts.delete(n);
    upload.status = "completed";
    media.sizeBytes = total;
    settleDimensions(media);
    media.status = "processing";
    media.readyAt = sb.clock.now() + PROCESSING_MS;
    send(ctx, 200, { status: "processing" });
  });

  const cors = { "Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": "ETag" };
  // The presigned PUT target: no bearer token, the signature is the auth.
  open.put("/__upload/:uploadId/:partNumber", (ctx) => {
    const found = findUpload(sb, ctx.params.uploadId ?? "");
    if (!found || found.status !== "open")
      return s3(ctx, 404, "NoSuchUpload", "The specified upload does not exist.", cors);
    const check = checkSigned(sb, ctx.path, ctx.query);
    if (check !== "ok")
      return s3(
        ctx,
        403,
        "AccessDenied",
        check === "expired" ? "Request has expired." : "Signature does not match.",
        cors,
      );
    const etag = `"${createHash("md5").update(ctx.rawBody).digest("hex")}"`;
    found.parts.set(Number(ctx.params.partNumber), { etag, size: ctx.rawBody.length });
    ctx.res.writeHead(200, { ...cors, ETag: etag, "Content-Length": "0" });
    ctx.res.end();
  });
  open.on("OPTIONS", "/__upload/:uploadId/:partNumber", (ctx) => {
    ctx.res.writeHead(204, {
      ...cors,
      "Access-Control-Allow-Methods": "PUT",
      "Access-Control-Allow-Headers": "Content-Type, Content-Length",
      "Access-Control-Max-Age": "600",
    });
    ctx.res.end();
  });
}

type PartRef = { PartNumber: number; ETag: string };

function partsField(value: unknown): PartRef[] {
  if (value === undefined || value === null) throw validation("parts is required");
  if (!Array.isArray(value) || value.length === 0) throw validation("parts must be a non-empty array");
  if (value.length > UPLOAD_MAX_PARTS) throw validation(`parts must contain at most ${UPLOAD_MAX_PARTS} items`);
  let last = 0;
  return value.map((p: unknown) => {
    const o = (p && typeof p === "object" ? p : {}) as Record<string, unknown>;
    const n = o.PartNumber;
    if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > UPLOAD_MAX_PARTS) {
      throw validation(`parts[].PartNumber must be an integer between 1 and ${UPLOAD_MAX_PARTS}`);
    }
    if (typeof o.ETag !== "string" || o.ETag.length === 0) throw validation("parts[].ETag must be a non-empty string");
    if (n <= last) throw validation("parts must be in ascending PartNumber order without duplicates");
    last = n;
    return { PartNumber: n, ETag: o.ETag };
  });
}

/** S3 accepts the ETag with or without its quotes. */
const sameEtag = (a: string | undefined, b: string) => a !== undefined && a.replace(/"/g, "") === b.replace(/"/g, "");

function uploadOr404(c: CreatorWorld, uploadId: string): Upload {
  const u = c.uploads.get(uploadId);
  if (!u) throw new HttpError(404, { message: "Upload not found" });
  return u;
}

function findUpload(sb: Sandbox, uploadId: string): Upload | undefined {
  for (const c of sb.world.creators.values()) {
    const u = c.uploads.get(uploadId);
    if (u) return u;
  }
  return undefined;
}

function s3(ctx: Ctx, status: number, code: string, message: string, headers: Record<string, string>) {
  send(ctx, status, s3Error(code, message), { ...headers, "Content-Type": "application/xml" });
}
