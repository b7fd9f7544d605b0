import "server-only";
import { z } from "zod";
import type { FanvueClient } from "../client";
import { collect, pages } from "../paginate";
import { parseResponse } from "../parse";
import { nullable, pageOf } from "../schemas/common";

// GET /creators (contract §6): creators an agency token manages.
export const managedCreatorSchema = z.looseObject({
  uuid: z.string(),
  handle: z.string(),
  displayName: nullable(z.string()),
  nickname: nullable(z.string()),
  avatarUrl: nullable(z.string()),
  role: nullable(z.string()),
});
export type ManagedCreator = z.infer<typeof managedCreatorSchema>;

const listSchema = pageOf(managedCreatorSchema);

export async function listManagedCreators(client: FanvueClient): Promise<ManagedCreator[]> {
  return collect(
    pages(async (page) => {
      const res = await client.account("GET", "/creators", { query: { page, size: 50 } });
      return parseResponse(listSchema, res.body, "/creators");
    }),
    5_000,
  );
}
