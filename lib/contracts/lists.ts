import { z } from "zod";
import { fanUuidSchema } from "@/lib/schemas/chats";
import {
  listMembersSchema,
  listNameSchema,
  type CreatedList,
  type ListMembersAdded,
  type ListMembersPage,
  type ListMembership,
  type ListsView,
} from "@/lib/schemas/mass-messages";
import { route } from "./contract";

// A creator's smart and custom lists, and custom-list management (writes on
// self-connected creators only: Fanvue has no agency list writes).

const listParams = z.object({ creatorId: z.string(), listId: fanUuidSchema });

/** Smart lists (with counts) and custom lists. */
export const lists = route<ListsView>()({
  method: "GET",
  path: "/api/creators/:creatorId/lists",
  access: "creator",
  permission: "chats:read",
});

/** Create a custom list (self-connected creators only: Fanvue has no agency write). */
export const listCreate = route<CreatedList>()({
  method: "POST",
  path: "/api/creators/:creatorId/lists",
  access: "creator",
  permission: "fans:write",
  body: listNameSchema,
});

/** `?fan=<uuid>`: which custom lists hold this fan. */
export const listMembership = route<ListMembership>()({
  method: "GET",
  path: "/api/creators/:creatorId/lists/membership",
  access: "creator",
  permission: "fans:read",
  query: z.object({ fan: fanUuidSchema }),
});

/** Rename a custom list. */
export const listRename = route<{ ok: true }>()({
  method: "PATCH",
  path: "/api/creators/:creatorId/lists/:listId",
  access: "creator",
  permission: "fans:write",
  params: listParams,
  body: listNameSchema,
});

/** Delete a custom list. */
export const listDelete = route<{ ok: true }>()({
  method: "DELETE",
  path: "/api/creators/:creatorId/lists/:listId",
  access: "creator",
  permission: "fans:write",
  params: listParams,
});

/** Members of a custom list (page style). */
export const listMembers = route<ListMembersPage>()({
  method: "GET",
  path: "/api/creators/:creatorId/lists/:listId/members",
  access: "creator",
  permission: "fans:read",
  params: listParams,
  query: z.object({ page: z.coerce.number().int().min(1).max(1000).default(1) }),
});

/** Add fans (up to 100). */
export const listMembersAdd = route<ListMembersAdded>()({
  method: "POST",
  path: "/api/creators/:creatorId/lists/:listId/members",
  access: "creator",
  permission: "fans:write",
  params: listParams,
  body: listMembersSchema,
});

/** Remove a fan from a custom list. */
export const listMemberRemove = route<{ ok: true }>()({
  method: "DELETE",
  path: "/api/creators/:creatorId/lists/:listId/members/:fanUuid",
  access: "creator",
  permission: "fans:write",
  params: z.object({ creatorId: z.string(), listId: fanUuidSchema, fanUuid: fanUuidSchema }),
});
