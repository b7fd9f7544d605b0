// POST /api/creators/:creatorId/fans/:fanUuid/notes – adds a note to a fan.
import { z } from "zod";
import { fanUuidSchema, noteBodySchema } from "@/lib/schemas/fans";
import { apiRoute } from "@/lib/server/api/route";
import { addNote } from "@/lib/server/fans/notes-tags";

export const POST = apiRoute({
  access: "creator",
  permission: "fans:write",
  audit: "fan.note.add",
  params: z.object({ creatorId: z.string(), fanUuid: fanUuidSchema }),
  body: noteBodySchema,
  handler: async ({ access, params, body, user, audit }) => {
    const note = await addNote(access, params.fanUuid, body.body, user);
    audit({ target: params.fanUuid, details: { op: "add", noteId: note.id } });
    return note;
  },
});
