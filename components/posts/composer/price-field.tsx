"use client";

import { Segmented } from "@/components/ui/segmented";
import { usePricePicks } from "@/lib/queries/posts";
import { AUDIENCES, type Audience } from "@/lib/schemas/posts-values";
import { centsToDecimal } from "@/lib/utils/money";
import { cn } from "@/lib/utils/cn";
import { AUDIENCE_LABELS } from "@/lib/utils/content-labels";
import { formatMoney } from "@/lib/utils/format";
import { FieldShell } from "./field-shell";
import { Input } from "@/components/ui/input";

export function AudienceField({
  value,
  onChange,
  error,
}: {
  value: Audience;
  onChange: (a: Audience) => void;
  error?: string | null;
}) {
  return (
    <FieldShell
      id="audience"
      label="Who sees it"
      error={error}
      hint={
        value === "subscribers"
          ? "Followers see the post locked until they subscribe."
          : "Followers see it too: a way to win new subscribers."
      }
    >
      <Segmented
        label="Who sees it"
        options={AUDIENCES.map((a) => ({ value: a, label: AUDIENCE_LABELS[a] }))}
        value={value}
        onChange={onChange}
        testId="audience"
      />
    </FieldShell>
  );
}

type PriceProps = {
  creatorId: string;
  ppv: boolean;
  price: string;
  hasMedia: boolean;
  error?: string | null;
  onChange: (patch: { ppv?: boolean; price?: string }) => void;
};

/** Free, or pay-per-view in dollars and cents with the creator's usual prices as quick picks. */
export function PriceField({ creatorId, ppv, price, hasMedia, error, onChange }: PriceProps) {
  const picks = usePricePicks(creatorId);
  return (
    <FieldShell
      id="price"
      label="Price"
      error={error}
      hint={
        ppv
          ? "Fanvue's minimum is $3.00. Pick a free preview item above to tease it."
          : hasMedia
            ? undefined
            : "Pay-per-view needs at least one media item."
      }
    >
      <Segmented
        label="Price"
        options={[
          { value: false, label: "Free" },
          { value: true, label: "Pay-per-view" },
        ]}
        value={ppv}
        onChange={(v) => onChange({ ppv: v })}
        testId="pricing"
      />
      {ppv ? (
        <div className="flex flex-wrap items-center gap-2">
          <label className="relative flex items-center">
            <span className="sr-only">Price in dollars</span>
            <span className="pointer-events-none absolute left-3 text-sm text-muted">$</span>
            <Input
              inputMode="decimal"
              autoComplete="off"
              value={price}
              onChange={(e) => onChange({ price: e.target.value })}
              placeholder="12.00"
              aria-invalid={Boolean(error)}
              aria-describedby={error ? "price-error" : undefined}
              className={cn("tabular w-32 pr-3 pl-7 text-base sm:text-sm", error ? "border-red-400" : "border-line")}
              data-testid="price-input"
            />
          </label>
          {picks.data?.prices.length ? (
            <div className="flex flex-wrap items-center gap-1.5" role="group" aria-label="Your usual prices">
              <span className="text-xs text-muted">Your usual:</span>
              {picks.data.prices.map((p) => (
                <button
                  key={p.cents}
                  type="button"
                  onClick={() => onChange({ price: centsToDecimal(p.cents) })}
                  className={cn(
                    "tabular rounded-full border px-2.5 py-1 text-xs font-medium",
                    price === centsToDecimal(p.cents)
                      ? "border-brand-600 bg-brand-50 text-brand-800"
                      : "border-line bg-surface hover:bg-canvas",
                  )}
                  title={`Used ${p.uses} time${p.uses === 1 ? "" : "s"}`}
                  data-testid="price-pick"
                >
                  {formatMoney(p.cents)}
                </button>
              ))}
            </div>
          ) : null}
        </div>
      ) : null}
    </FieldShell>
  );
}
