import { cn } from "@/lib/utils/cn";
import { initials } from "@/lib/utils/format";
import { RemoteImage } from "@/components/ui/remote-image";

const SIZES = { sm: "size-8 text-xs", md: "size-10 text-sm", lg: "size-14 text-lg" } as const;

/** Avatar image with an initials fallback (no layout shift while loading). */
export function Avatar({
  src,
  name,
  size = "md",
  className,
}: {
  src?: string | null;
  name?: string | null;
  size?: keyof typeof SIZES;
  className?: string;
}) {
  return (
    <span
      className={cn(
        "relative inline-flex shrink-0 items-center justify-center overflow-hidden rounded-full bg-zinc-200 font-semibold text-zinc-600",
        SIZES[size],
        className,
      )}
    >
      <span aria-hidden="true">{initials(name)}</span>
      {src ? <RemoteImage src={src} className="absolute inset-0 size-full object-cover" loading="lazy" /> : null}
    </span>
  );
}
