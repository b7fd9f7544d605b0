// §5.5 Message templates (read-only; §6 lists no agency mirror). Templates
// are listed in seed order, which groups them by folder as the seed wrote them.
import { HttpError, send } from "../http";
import type { Sandbox } from "../state";
import type { Template } from "../world/types";
import { pageParams, paged, uuidParam } from "./common";
import type { Api } from "./registry";

const READ = { subject: "creator" as const };

const item = (t: Template) => ({
  uuid: t.uuid,
  text: t.text,
  price: t.price,
  mediaUuids: t.mediaUuids,
  folderName: t.folderName,
});

export function registerTemplates(api: Api, _sb: Sandbox) {
  api.route("GET", "/chats/templates", READ, (ctx) => {
    const p = pageParams(ctx);
    // Case-insensitive partial match, as the reference describes it.
    const folder = (ctx.query.get("folderName") ?? "").trim().toLowerCase();
    const rows = ctx.creator.templates.filter((t) => !folder || (t.folderName ?? "").toLowerCase().includes(folder));
    send(ctx, 200, paged(rows, p, item));
  });

  api.route("GET", "/chats/templates/:templateUuid", READ, (ctx) => {
    const uuid = uuidParam(ctx, "templateUuid");
    const t = ctx.creator.templates.find((x) => x.uuid === uuid);
    if (!t) throw new HttpError(404, { message: "Template not found" });
    send(ctx, 200, item(t));
  });
}
