import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { Suspense } from "react";
import { VaultBrowser } from "@/components/media/vault-browser";
import { filtersOf, parseVaultParams } from "@/components/media/vault-params";
import { VaultSkeleton } from "@/components/media/vault-skeleton";
import { Forbidden } from "@/components/ui/forbidden";
import { mediaKeys } from "@/lib/queries/media";
import { listVault } from "@/lib/server/media/vault-list";
import { hasPermission, type CreatorAccess } from "@/lib/server/workspaces/access";
import { pageCreatorAccess } from "@/lib/server/page-access";

export const metadata: Metadata = { title: "Vault" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function VaultPage({
  params,
  searchParams,
}: {
  params: Promise<{ creatorId: string }>;
  searchParams: SearchParams;
}) {
  const { creatorId } = await params;
  const { access } = await pageCreatorAccess(creatorId);
  if (!hasPermission(access, "vault:read")) return <Forbidden what="the vault" />;
  const can = {
    write: hasPermission(access, "vault:write"),
    post: hasPermission(access, "posts:write"),
    message: hasPermission(access, "chats:send"),
  };
  return (
    <Suspense fallback={<VaultSkeleton />}>
      <PrefetchedVault access={access} searchParams={searchParams}>
        <VaultBrowser creatorId={creatorId} handle={access.creator.handle} can={can} />
      </PrefetchedVault>
    </Suspense>
  );
}

/** The first page comes with the HTML (streamed): thumbnails start loading
 * before the JavaScript has even arrived. A Fanvue failure here is left to
 * the client, which shows it with a retry. */
async function PrefetchedVault({
  access,
  searchParams,
  children,
}: {
  access: CreatorAccess;
  searchParams: SearchParams;
  children: React.ReactNode;
}) {
  const raw = await searchParams;
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(raw)) if (typeof v === "string") sp.set(k, v);
  const filters = filtersOf(parseVaultParams(sp));
  const qc = new QueryClient();
  await qc.prefetchInfiniteQuery({
    queryKey: mediaKeys.list(access.creator.id, filters),
    queryFn: () => listVault(access, filters),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  return <HydrationBoundary state={dehydrate(qc)}>{children}</HydrationBoundary>;
}
