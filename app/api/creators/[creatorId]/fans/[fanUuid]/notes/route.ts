import { fanNoteAdd } from "@/lib/contracts/fans";
import { apiRoute } from "@/lib/server/api/route";
import { addNote } from "@/lib/server/fans/notes-tags";

export const POST = apiRoute(fanNoteAdd, {
  audit: "fan.note.add",
  handler: async ({ access, params, body, user, audit }) => {
    const note = await addNote(access, params.fanUuid, body.body, user);
    audit({ target: params.fanUuid, details: { op: "add", noteId: note.id } });
    return note;
  },
});
