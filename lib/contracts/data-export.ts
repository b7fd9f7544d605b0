import { dataDeleteBodySchema, dataScopeQuerySchema, type DataDeleted } from "@/lib/schemas/data-export";
import { route } from "./contract";

/** Full export: a zip of everything Vuedeck holds for the workspace or one creator (streamed; owner only). */
export const workspaceDataExport = route<never>()({
  method: "GET",
  path: "/api/workspaces/:workspaceId/export",
  access: "workspace",
  permission: "data:export",
  query: dataScopeQuerySchema,
  raw: true,
});

/** Deletes the stored data of the workspace or one creator, after a typed confirmation (owner only). */
export const workspaceDataDelete = route<DataDeleted>()({
  method: "DELETE",
  path: "/api/workspaces/:workspaceId/data",
  access: "workspace",
  permission: "data:delete",
  query: dataScopeQuerySchema,
  body: dataDeleteBodySchema,
});
