import "server-only";
import type { AuditNote } from "@/lib/server/api/route";
import type { PublishFields, UpdateFields } from "@/lib/schemas/posts";
import type { PostView, PublishResult } from "@/lib/schemas/post-views";
import { recordAudit } from "@/lib/server/workspaces/audit";
import type { CreatorAccess } from "@/lib/server/workspaces/access";
import { deleteDraft } from "./drafts";
import { publishPost } from "./publish";
import { cancelPost, editPost, publishNow } from "./update";
import { titleOf } from "./views";

// What the post routes do, with their audit records: who posted, edited,
// published or cancelled what, for which creator.

type Actor = { id: string; name: string };
type Audit = (note: AuditNote) => void;

const summary = (p: PostView) => ({
  excerpt: titleOf(p.text, p.mediaUuids.length),
  mediaCount: p.mediaUuids.length,
  price: p.price,
  audience: p.audience,
  publishAt: p.publishAt,
  expiresAt: p.expiresAt,
});

/** Publish or schedule from the composer. Audited once, by the request that
 * settled the post (a replayed double click adds no second record). */
export async function publishFromComposer(
  access: CreatorAccess,
  actor: Actor,
  input: PublishFields,
): Promise<PublishResult> {
  const res = await publishPost(access, actor, input);
  if (input.draftId) await deleteDraft({ creatorId: access.creator.id, authorId: actor.id }, input.draftId);
  if (res.settledNow) {
    await recordAudit({
      workspaceId: access.workspace.id,
      creatorId: access.creator.id,
      actor,
      action: "post.create",
      target: res.post.uuid,
      details: { ...summary(res.post), scheduled: res.post.publishAt !== null },
    });
  }
  return { post: res.post, replayed: res.replayed };
}

export async function editFromComposer(
  access: CreatorAccess,
  actor: Actor,
  uuid: string,
  input: UpdateFields,
  audit: Audit,
): Promise<PostView> {
  const { draftId, ...fields } = input;
  const { before, after } = await editPost(access, uuid, fields);
  if (draftId) await deleteDraft({ creatorId: access.creator.id, authorId: actor.id }, draftId);
  const changed = Object.keys(fields).filter((k) => fields[k as keyof typeof fields] !== undefined);
  audit({
    target: uuid,
    details: {
      changed,
      ...(fields.publishAt !== undefined ? { from: before.publishAt, to: after.publishAt } : {}),
      ...summary(after),
    },
  });
  return after;
}

export async function publishNowAudited(access: CreatorAccess, uuid: string, audit: Audit): Promise<PostView> {
  const post = await publishNow(access, uuid);
  audit({ target: uuid, details: summary(post) });
  return post;
}

export async function cancelAudited(
  access: CreatorAccess,
  actor: Actor,
  uuid: string,
  audit: Audit,
): Promise<PostView> {
  const { before, after } = await cancelPost(access, actor, uuid);
  audit({ target: uuid, details: { ...summary(before), parkedAt: after.publishAt } });
  return { ...after, publishAt: before.publishAt, expiresAt: before.expiresAt, cancelledAt: new Date().toISOString() };
}
