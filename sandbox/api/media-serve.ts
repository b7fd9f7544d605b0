// Serves the signed variant URLs as real files (the sandbox's "CDN"), and the
// admin switches for URL expiry and processing.
import { notFound, send, type Ctx, type Router } from "../http";
import { documentPdf, pictureSvg, toneWav, type Picture } from "../media-files";
import { videoMp4 } from "../media-files-video";
import type { Sandbox } from "../state";
import type { Media } from "../world/types";
import { checkSigned, contentState, makeMediaLive, s3Error } from "./content-common";
import {
  findMedia,
  settleDimensions,
  VARIANT_TYPES,
  variantSpec,
  variantTypesOf,
  type VariantType,
} from "./media-common";

/** Served audio is capped; `lengthMs` still reports the item's own length. */
const MAX_AUDIO_MS = 30_000;
/** Video and audio take a few ms to build; players re-request with Range. */
const FILE_CACHE_SIZE = 24;
const fileCache = new Map<string, Buffer>();

function cached(key: string, build: () => Buffer): Buffer {
  const hit = fileCache.get(key);
  if (hit) return hit;
  const body = build();
  fileCache.set(key, body);
  if (fileCache.size > FILE_CACHE_SIZE) fileCache.delete(fileCache.keys().next().value!);
  return body;
}

export function registerMediaFiles(open: Router, sb: Sandbox) {
  const serve = (ctx: Ctx) => {
    const found = findMedia(sb, ctx.params.mediaUuid ?? "");
    const [type, ext] = (ctx.params.file ?? "").split(".");
    const m = found?.media;
    if (
      !m ||
      m.status !== "ready" ||
      !(VARIANT_TYPES as readonly string[]).includes(type ?? "") ||
      !variantTypesOf(m).includes(type as VariantType)
    ) {
      return xml(ctx, 404, s3Error("NoSuchKey", "The specified key does not exist."));
    }
    const spec = variantSpec(m, type as VariantType);
    if (spec.ext !== ext) return xml(ctx, 404, s3Error("NoSuchKey", "The specified key does not exist."));
    const check = checkSigned(sb, ctx.path, ctx.query);
    if (check === "invalid") return xml(ctx, 403, s3Error("AccessDenied", "Signature does not match."));
    if (check === "expired") return xml(ctx, 403, s3Error("AccessDenied", "Request has expired."));
    const file = render(m, type as VariantType);
    const exp = Number(ctx.query.get("exp"));
    const maxAge = Math.max(0, exp - Math.floor(sb.clock.now() / 1000));
    sendBytes(ctx, file.body, file.contentType, { "Cache-Control": `private, max-age=${maxAge}` });
  };
  open.get("/__media/:mediaUuid/:file", serve);
  open.on("HEAD", "/__media/:mediaUuid/:file", serve);

  if (!sb.config.admin) return;
  // Voids every media and upload URL issued so far: clients must re-resolve.
  open.post("/__sandbox/media/expire-urls", (ctx) => {
    const s = contentState(sb);
    s.epoch++;
    send(ctx, 200, { epoch: s.epoch });
  });
  open.post("/__sandbox/media/:uuid/ready", (ctx) => {
    const found = findMedia(sb, ctx.params.uuid ?? "");
    if (!found) throw notFound("Media not found");
    const m = found.media;
    makeMediaLive(sb, m);
    if (m.status !== "ready") {
      settleDimensions(m);
      m.status = "ready";
      m.readyAt = sb.clock.now();
    }
    send(ctx, 200, { uuid: m.uuid, status: m.status });
  });
}

function render(m: Media, type: VariantType): { body: Buffer; contentType: string } {
  const title = m.caption ?? m.name ?? m.mediaType;
  const spec = variantSpec(m, type);
  const w = m.width ?? 1080;
  const h = m.height ?? 1350;
  const subtitle = `${m.mediaType.toUpperCase()} · ${w}×${h}${m.lengthMs ? ` · ${Math.round(m.lengthMs / 1000)} s` : ""}`;
  const pic: Picture = {
    width: w,
    height: h,
    hue: m.hue,
    title,
    subtitle,
    play: m.mediaType === "video" && type !== "main",
  };
  if (type === "main" && m.mediaType === "audio") {
    const ms = Math.min(MAX_AUDIO_MS, m.lengthMs ?? 5000);
    return { body: cached(`wav:${m.hue}:${ms}`, () => toneWav(m.hue, ms)), contentType: "audio/wav" };
  }
  if (type === "main" && m.mediaType === "document") {
    return { body: documentPdf(m.name ?? "Document", m.caption ?? "Sandbox document"), contentType: "application/pdf" };
  }
  if (type === "main" && m.mediaType === "video") {
    const o = { hue: m.hue, lengthMs: m.lengthMs ?? 5000, portrait: h > w };
    return { body: cached(`mp4:${o.hue}:${o.lengthMs}:${o.portrait}`, () => videoMp4(o)), contentType: "video/mp4" };
  }
  const out = {
    width: spec.width ?? w,
    height: spec.height ?? h,
    crop: type === "thumbnail_gallery",
    blur: type === "blurred",
  };
  return { body: Buffer.from(pictureSvg(pic, out)), contentType: "image/svg+xml" };
}

function xml(ctx: Ctx, status: number, body: string) {
  send(ctx, status, body, { "Content-Type": "application/xml", "Access-Control-Allow-Origin": "*" });
}

/** Bytes with single-range support: video players seek with `Range`. */
function sendBytes(ctx: Ctx, body: Buffer, contentType: string, headers: Record<string, string>) {
  const base = {
    "Content-Type": contentType,
    "Accept-Ranges": "bytes",
    "Access-Control-Allow-Origin": "*",
    ...headers,
  };
  const range = /^bytes=(\d*)-(\d*)$/.exec(ctx.req.headers.range ?? "");
  if (range && (range[1] || range[2])) {
    const size = body.length;
    let start = range[1] ? Number(range[1]) : size - Number(range[2]);
    let end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    start = Math.max(0, start);
    if (start >= size || start > end) {
      ctx.res.writeHead(416, { ...base, "Content-Range": `bytes */${size}` });
      ctx.res.end();
      return;
    }
    end = Math.min(end, size - 1);
    const part = body.subarray(start, end + 1);
    ctx.res.writeHead(206, {
      ...base,
      "Content-Range": `bytes ${start}-${end}/${size}`,
      "Content-Length": String(part.length),
    });
    ctx.res.end(part);
    return;
  }
  ctx.res.writeHead(200, { ...base, "Content-Length": String(body.length) });
  ctx.res.end(body);
}
