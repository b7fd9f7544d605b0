import "server-only";
import type { PostDraft } from "@/generated/prisma/client";
import { draftFormSchema, type Draft, type DraftForm } from "@/lib/schemas/posts";
import { ApiError } from "@/lib/server/api/errors";
import { db } from "@/lib/server/db";

// Composer drafts, per creator and author: only their author sees them.
// Saves carry the version they were based on, so two tabs on one draft get a
// clear conflict instead of overwriting each other.

/** A screenful in the drafts list; older ones are still reachable by link. */
const LIST_LIMIT = 20;

type Owner = { creatorId: string; authorId: string };

function toDraft(d: PostDraft): Draft {
  const form = draftFormSchema.safeParse(d.form);
  return {
    id: d.id,
    editOf: d.editOf,
    // A row written by an older version of the form: keep what still parses.
    form: form.success ? form.data : draftFormSchema.parse({}),
    publishKey: d.publishKey,
    version: d.version,
    updatedAt: d.updatedAt.toISOString(),
  };
}

export async function listDrafts(o: Owner, editOf?: string): Promise<Draft[]> {
  const rows = await db.postDraft.findMany({
    where: { creatorId: o.creatorId, authorId: o.authorId, ...(editOf ? { editOf } : {}) },
    orderBy: { updatedAt: "desc" },
    take: LIST_LIMIT,
  });
  return rows.map(toDraft);
}

export async function createDraft(
  o: Owner,
  input: { form: DraftForm; publishKey: string; editOf: string | null },
): Promise<Draft> {
  // One draft per edited post: a second tab resumes the first one's draft.
  if (input.editOf) {
    const existing = await db.postDraft.findFirst({
      where: { ...o, editOf: input.editOf },
      orderBy: { updatedAt: "desc" },
    });
    if (existing) return toDraft(existing);
  }
  const row = await db.postDraft.create({
    data: { ...o, form: input.form, publishKey: input.publishKey, editOf: input.editOf },
  });
  return toDraft(row);
}

export async function getDraft(o: Owner, id: string): Promise<Draft> {
  const row = await db.postDraft.findFirst({ where: { id, ...o } });
  if (!row) throw new ApiError("not_found", "This draft no longer exists. It may have been published or discarded.");
  return toDraft(row);
}

export async function saveDraft(o: Owner, id: string, form: DraftForm, version: number): Promise<Draft> {
  const res = await db.postDraft.updateMany({
    where: { id, ...o, version },
    data: { form, version: { increment: 1 } },
  });
  if (res.count === 0) {
    const current = await getDraft(o, id);
    throw new ApiError(
      "conflict",
      `This draft was changed in another tab or window (version ${current.version}). Reload to see the latest.`,
    );
  }
  return getDraft(o, id);
}

export async function deleteDraft(o: Owner, id: string): Promise<void> {
  await db.postDraft.deleteMany({ where: { id, ...o } });
}
