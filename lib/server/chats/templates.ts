import "server-only";
import type { SendBody, TemplatesView } from "@/lib/schemas/chats";
import { ApiError } from "@/lib/server/api/errors";
import { clientForCreator } from "@/lib/server/creators/client";
import type { FanvueClient } from "@/lib/server/fanvue/client";
import { FanvueError } from "@/lib/server/fanvue/errors";
import { collect, pages } from "@/lib/server/fanvue/paginate";
import { listTemplates } from "@/lib/server/fanvue/resources/chat-messages";
import { withSnapshot } from "@/lib/server/snapshots";
import type { CreatorRef } from "@/lib/server/creators/ref";

// Message templates (self routes only: Fanvue has no agency mirror, §6).

/** Templates change rarely; one read per 5 minutes per creator is plenty. */
const TEMPLATES_MAX_AGE_MS = 5 * 60_000;
/** A creator's template library: a few dozen at most in practice. */
const MAX_TEMPLATES = 500;

const readAll = (client: FanvueClient) =>
  collect(
    pages((page) => listTemplates(client, page)),
    MAX_TEMPLATES,
  );

export async function getTemplates(access: CreatorRef): Promise<TemplatesView> {
  const client = clientForCreator(access);
  if (client.mode !== "self") return { supported: false, items: [] };
  // A Fanvue without templates (404/405) is remembered like an answer: the composer simply offers none.
  const read = () =>
    readAll(client).then(
      (items) => ({ supported: true, items }),
      (err: unknown) => {
        if (err instanceof FanvueError && (err.kind === "not_found" || err.kind === "unsupported"))
          return { supported: false, items: [] };
        throw err;
      },
    );
  const snap = await withSnapshot(`chat-templates:${access.creator.id}:v2`, read, { maxAgeMs: TEMPLATES_MAX_AGE_MS });
  return {
    supported: snap.data.supported,
    items: snap.data.items.map((t) => ({
      uuid: t.uuid,
      text: t.text,
      price: t.price,
      mediaUuids: t.mediaUuids,
      folderName: t.folderName,
    })),
  };
}

/** A template fills what the message leaves out (as Fanvue does), resolved
 * here so the recorded send holds exactly what goes out (and can be found
 * in the conversation if the outcome is unclear). */
export async function resolveTemplate(
  access: CreatorRef,
  b: SendBody,
): Promise<Pick<SendBody, "text" | "mediaUuids" | "price">> {
  const { items, supported } = await getTemplates(access);
  if (!supported)
    throw new ApiError("invalid_input", "Fanvue does not offer message templates for this account.", {
      field: "templateUuid",
    });
  const t = items.find((x) => x.uuid === b.templateUuid);
  if (!t) throw new ApiError("not_found", "This template no longer exists.", { field: "templateUuid" });
  const mediaUuids = b.mediaUuids.length ? b.mediaUuids : t.mediaUuids;
  const price = b.price ?? (mediaUuids.length ? t.price : null);
  if (!b.text && !t.text && mediaUuids.length === 0)
    throw new ApiError("invalid_input", "The message is empty.", { field: "text" });
  return { text: b.text ?? t.text, mediaUuids, price };
}
