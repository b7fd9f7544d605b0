// PATCH/DELETE /api/creators/:creatorId/fans/:fanUuid/notes/:noteId – edits or deletes a note (its author, or an owner/manager).
import { z } from "zod";
import { fanUuidSchema, noteBodySchema } from "@/lib/schemas/fans";
import { apiRoute } from "@/lib/server/api/route";
import { deleteNote, updateNote } from "@/lib/server/fans/notes-tags";

const params = z.object({ creatorId: z.string(), fanUuid: fanUuidSchema, noteId: z.string().min(1).max(40) });

export const PATCH = apiRoute({
  access: "creator",
  permission: "fans:write",
  audit: "fan.note.edit",
  params,
  body: noteBodySchema,
  handler: async ({ access, params, body, user, audit }) => {
    const note = await updateNote(access, params.fanUuid, params.noteId, body.body, user);
    audit({ target: params.fanUuid, details: { op: "edit", noteId: note.id } });
    return note;
  },
});

export const DELETE = apiRoute({
  access: "creator",
  permission: "fans:write",
  audit: "fan.note.delete",
  params,
  body: z.object({}),
  handler: async ({ access, params, user, audit }) => {
    const res = await deleteNote(access, params.fanUuid, params.noteId, user);
    audit({ target: params.fanUuid, details: { op: "delete", noteId: params.noteId } });
    return res;
  },
});
