// §5.9 Media: GET /media and GET /media/{uuid}, self and creator-scoped (§6).
import { notFound, send, validation } from "../http";
import type { Sandbox } from "../state";
import type { MediaStatus } from "../world/types";
import { enumParam, listParam, pageParams, paged, uuidParam } from "./common";
import { ensureLive } from "./content-common";
import {
  MEDIA_STATUSES,
  MEDIA_TYPES,
  MEDIA_USAGES,
  mediaItem,
  newestMedia,
  purchasedParam,
  variantsParam,
} from "./media-common";
import type { Api, RouteSpec } from "./registry";

export const MEDIA_READ: RouteSpec = { subject: "creator" };

export function registerMedia(api: Api, sb: Sandbox) {
  api.route("GET", "/media", MEDIA_READ, (ctx) => {
    const c = ctx.creator;
    ensureLive(sb, c);
    const p = pageParams(ctx);
    const mediaType = enumParam(ctx, "mediaType", MEDIA_TYPES);
    const usage = enumParam(ctx, "usage", MEDIA_USAGES);
    const statuses = listParam(ctx, "status");
    for (const s of statuses) {
      if (!MEDIA_STATUSES.includes(s as MediaStatus))
        throw validation(`status must contain only: ${MEDIA_STATUSES.join(", ")}`);
    }
    const variants = variantsParam(ctx);
    const purchased = purchasedParam(sb, ctx, c);
    const folderName = ctx.query.get("folderName");
    // An unknown folder filters everything out rather than failing: it is a
    // filter, and the folder routes are where a missing folder is a 404.
    const inFolder = folderName ? new Set(c.folders.find((f) => f.name === folderName)?.mediaUuids ?? []) : null;
    const items = newestMedia(c).filter(
      (m) =>
        (!mediaType || m.mediaType === mediaType) &&
        (!usage || m.usage.has(usage)) &&
        (!statuses.length || statuses.includes(m.status)) &&
        (!inFolder || inFolder.has(m.uuid)),
    );
    send(
      ctx,
      200,
      paged(items, p, (m) => mediaItem(sb, m, variants, purchased)),
    );
  });

  api.route("GET", "/media/:uuid", MEDIA_READ, (ctx) => {
    const uuid = uuidParam(ctx, "uuid");
    const c = ctx.creator;
    ensureLive(sb, c);
    const variants = variantsParam(ctx);
    const purchased = purchasedParam(sb, ctx, c);
    const m = c.mediaIndex.get(uuid);
    if (!m) throw notFound("Media not found");
    send(ctx, 200, mediaItem(sb, m, variants, purchased));
  });
}
