import { cn } from "@/lib/utils/cn";

export function Skeleton({ className }: { className?: string }) {
  return <span aria-hidden="true" className={cn("block animate-pulse rounded-md bg-zinc-200/80", className)} />;
}
