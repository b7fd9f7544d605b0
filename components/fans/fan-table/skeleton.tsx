import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

export function FanTableSkeleton() {
  return (
    <Card className="flex flex-col divide-y divide-line" aria-busy="true" aria-label="Loading fans">
      {Array.from({ length: 8 }, (_, i) => (
        <div key={i} className="flex items-center gap-3 px-4 py-3">
          <Skeleton className="size-8 rounded-full" />
          <div className="flex flex-1 flex-col gap-1.5">
            <Skeleton className="h-4 w-40" />
            <Skeleton className="h-3 w-24" />
          </div>
          <Skeleton className="h-4 w-16" />
          <Skeleton className="hidden h-4 w-24 md:block" />
        </div>
      ))}
    </Card>
  );
}
