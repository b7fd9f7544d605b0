import { fanNoteDelete, fanNoteEdit } from "@/lib/contracts/fans";
import { apiRoute } from "@/lib/server/api/route";
import { deleteNote, updateNote } from "@/lib/server/fans/notes-tags";

export const PATCH = apiRoute(fanNoteEdit, {
  audit: "fan.note.edit",
  handler: async ({ access, params, body, user, audit }) => {
    const note = await updateNote(access, params.fanUuid, params.noteId, body.body, user);
    audit({ target: params.fanUuid, details: { op: "edit", noteId: note.id } });
    return note;
  },
});

export const DELETE = apiRoute(fanNoteDelete, {
  audit: "fan.note.delete",
  handler: async ({ access, params, user, audit }) => {
    const res = await deleteNote(access, params.fanUuid, params.noteId, user);
    audit({ target: params.fanUuid, details: { op: "delete", noteId: params.noteId } });
    return res;
  },
});
