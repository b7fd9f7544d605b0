"use client";

import { Lock } from "lucide-react";
import { useEffect, useState } from "react";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/utils/cn";
import { centsToDecimal, formatMoney, MIN_PRICE_CENTS, parseMoney } from "@/lib/utils/money";

/** One tap instead of typing a price on a phone's keyboard: the prices creators use most. */
const PRESETS = [500, 1000, 2000] as const;

const storageKey = (creatorId: string) => `vd:ppv-price:${creatorId}`;

/** The price last sent as PPV for this creator from this device (a creator's usual price), or null. */
export function rememberedPrice(creatorId: string): number | null {
  try {
    const n = Number(localStorage.getItem(storageKey(creatorId)));
    return Number.isInteger(n) && n >= MIN_PRICE_CENTS ? n : null;
  } catch {
    return null; // Storage refused (private mode): no preset, the price is typed.
  }
}

export function rememberPrice(creatorId: string, cents: number) {
  try {
    localStorage.setItem(storageKey(creatorId), String(cents));
  } catch {
    // Storage refused: the next PPV starts without a preset.
  }
}

const typedCents = (price: string) => {
  if (!price.trim()) return null;
  const parsed = parseMoney(price);
  return "cents" in parsed ? parsed.cents : null;
};

/** Free, the presets and the creator's usual price as chips, for attached media. */
function PriceChips({
  creatorId,
  price,
  setPrice,
}: {
  creatorId: string;
  price: string;
  setPrice: (v: string) => void;
}) {
  // Read after mounting: the server's render has no storage.
  const [usual, setUsual] = useState<number | null>(null);
  useEffect(() => setUsual(rememberedPrice(creatorId)), [creatorId]);
  const chips = [...new Set([...PRESETS, ...(usual ? [usual] : [])])].sort((a, b) => a - b);
  const current = typedCents(price);
  const chip = (pressed: boolean) =>
    cn(
      "h-8 rounded-full border px-3 text-xs font-medium touch:h-11 touch:min-w-11",
      pressed ? "border-brand-600 bg-brand-50 text-brand-800" : "border-line bg-surface text-zinc-700 hover:bg-canvas",
    );
  return (
    <div role="group" aria-label="Price presets" className="flex items-center gap-1.5">
      <button type="button" className={chip(!price.trim())} aria-pressed={!price.trim()} onClick={() => setPrice("")}>
        Free
      </button>
      {chips.map((c) => (
        <button
          key={c}
          type="button"
          className={chip(current === c)}
          aria-pressed={current === c}
          onClick={() => setPrice(centsToDecimal(c))}
          data-testid="price-preset"
          data-cents={c}
        >
          {formatMoney(c).replace(/\.00$/, "")}
        </button>
      ))}
    </div>
  );
}

/** Pay to view: the price field, with preset chips once media is attached. */
export function PpvPrice({
  creatorId,
  price,
  setPrice,
  hasMedia,
}: {
  creatorId: string;
  price: string;
  setPrice: (v: string) => void;
  hasMedia: boolean;
}) {
  return (
    <>
      <label className="flex items-center gap-1.5 text-sm">
        <Lock className="size-4 text-muted" aria-hidden="true" />
        <span aria-hidden="true" className="text-muted">
          $
        </span>
        <Input
          size="sm"
          value={price}
          onChange={(e) => setPrice(e.target.value)}
          inputMode="decimal"
          placeholder={hasMedia ? "Price" : "Free"}
          disabled={!hasMedia}
          className="w-20"
          data-testid="composer-price"
          aria-label="Price in dollars (pay to view)"
        />
      </label>
      {hasMedia ? <PriceChips creatorId={creatorId} price={price} setPrice={setPrice} /> : null}
    </>
  );
}
