import { Skeleton } from "@/components/ui/skeleton";
import { GRID_CLASS, GridSkeleton } from "./media-grid";

/** While the first page streams in: the page's shape, without a layout jump. */
export function VaultSkeleton() {
  return (
    <div className="flex flex-col gap-5" aria-busy="true" aria-label="Loading the vault">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Vault</h1>
        <Skeleton className="mt-2 h-4 w-64" />
      </div>
      <div className="flex flex-col gap-4 lg:grid lg:grid-cols-[200px_minmax(0,1fr)] lg:gap-6">
        <Skeleton className="h-9 w-full lg:h-64" />
        <div className="flex flex-col gap-4">
          <Skeleton className="h-10 w-full" />
          <div className="@container">
            <ul className={GRID_CLASS}>
              <GridSkeleton count={12} />
            </ul>
          </div>
        </div>
      </div>
    </div>
  );
}
