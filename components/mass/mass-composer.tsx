"use client";

import { Radio } from "@/components/ui/choice";
import { Paperclip } from "lucide-react";
import { useState, type Dispatch, type SetStateAction } from "react";
import { Attachments } from "@/components/chats/attachments";
import { composeError, priceCents } from "@/components/chats/composer";
import { newKey } from "@/components/chats/format";
import { LazyVaultPicker } from "@/components/media/lazy-vault-picker";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Textarea } from "@/components/ui/input";
import { Field, Select } from "@/components/ui/select";
import { useLists } from "@/lib/queries/mass-messages";
import { MAX_MEDIA } from "@/lib/schemas/chats-values";
import type { CampaignBody, CampaignView, ListRefsInput } from "@/lib/schemas/mass-messages";
import { ConfirmSend } from "./confirm-send";
import { EstimateCard } from "./estimate-card";
import { ListPicker } from "./list-picker";
import { fromDateTimeLocal, toDateTimeLocal } from "@/lib/utils/post-time";
import { zoneAbbr } from "@/lib/utils/time";
import { useViewer } from "@/components/viewer/viewer";

const EMPTY: ListRefsInput = { smart: [], custom: [] };
/** Hold-out shares offered: small enough to keep most revenue, large
 * enough to compare against. */
const HOLDOUTS = [0, 5, 10, 20];

/** What the composer hands to the review: every field set (the body schema's normalised form). */
export type Draft = Omit<CampaignBody, "idempotencyKey">;

/** Why the draft cannot be sent yet, or null. */
function draftError(
  text: string,
  media: string[],
  price: string,
  included: ListRefsInput,
  schedule: string | null,
  tz: string,
) {
  const e = composeError(text, media, price);
  if (e) return e;
  if (included.smart.length + included.custom.length === 0) return "Choose at least one list to send to.";
  if (schedule !== null) {
    const iso = fromDateTimeLocal(schedule, tz);
    if (!iso) return "Pick a date and time to schedule it.";
    if (Date.parse(iso) <= Date.now()) return "Pick a time in the future.";
  }
  return null;
}

/** Every field of the draft, the review it opens, and a reset once it is sent. */
function useMassDraft(zone: string) {
  const [text, setText] = useState("");
  const [media, setMedia] = useState<string[]>([]);
  const [price, setPrice] = useState("");
  const [included, setIncluded] = useState<ListRefsInput>(EMPTY);
  const [excluded, setExcluded] = useState<ListRefsInput>(EMPTY);
  const [holdout, setHoldout] = useState(0);
  const [schedule, setSchedule] = useState<string | null>(null);
  const [review, setReview] = useState<{ key: string; draft: Draft } | null>(null);
  const [touched, setTouched] = useState(false);
  const error = draftError(text, media, price, included, schedule, zone);

  function openReview() {
    setTouched(true);
    if (error) return;
    const draft: Draft = {
      text: text.trim() ? text : null,
      mediaUuids: media,
      price: priceCents(price),
      included,
      excluded,
      holdoutPercent: holdout,
      scheduledAt: schedule ? fromDateTimeLocal(schedule, zone) : null,
    };
    // One key per reviewed draft: a double click or a retry of the same
    // confirmation can never create a second campaign.
    setReview((r) => (r && JSON.stringify(r.draft) === JSON.stringify(draft) ? r : { key: newKey(), draft }));
  }

  function reset() {
    setReview(null);
    setText("");
    setMedia([]);
    setPrice("");
    setIncluded(EMPTY);
    setExcluded(EMPTY);
    setHoldout(0);
    setSchedule(null);
    setTouched(false);
  }

  return {
    text,
    setText,
    media,
    setMedia,
    price,
    setPrice,
    included,
    setIncluded,
    excluded,
    setExcluded,
    holdout,
    setHoldout,
    schedule,
    setSchedule,
    review,
    setReview,
    touched,
    error,
    openReview,
    reset,
  };
}

export function MassComposer({ creatorId, onCreated }: { creatorId: string; onCreated: (c: CampaignView) => void }) {
  const viewer = useViewer();
  const lists = useLists(creatorId);
  const d = useMassDraft(viewer.zone);
  const [picking, setPicking] = useState(false);
  const canHoldout = lists.data?.canEdit ?? true;
  return (
    <Card className="flex flex-col gap-5 p-5" data-testid="mass-composer">
      <MessageField text={d.text} setText={d.setText} />
      <MediaAndPrice
        creatorId={creatorId}
        media={d.media}
        setMedia={d.setMedia}
        price={d.price}
        setPrice={d.setPrice}
        onAttach={() => setPicking(true)}
      />
      <AudienceFields
        lists={lists}
        included={d.included}
        setIncluded={d.setIncluded}
        excluded={d.excluded}
        setExcluded={d.setExcluded}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <HoldoutField
          value={d.holdout}
          onChange={d.setHoldout}
          canHoldout={canHoldout}
          noCustomLists={Boolean(lists.data?.missing.custom)}
        />
        <WhenField schedule={d.schedule} setSchedule={d.setSchedule} zone={viewer.zone} />
      </div>
      <EstimateCard creatorId={creatorId} included={d.included} excluded={d.excluded} holdout={d.holdout} />
      {d.touched && d.error ? (
        <Alert tone="warning" title="Not ready to send" data-testid="mass-error">
          {d.error}
        </Alert>
      ) : null}
      <div className="flex justify-end">
        <Button onClick={d.openReview} data-testid="mass-review">
          Review and send
        </Button>
      </div>
      <LazyVaultPicker
        creatorId={creatorId}
        open={picking}
        onOpenChange={setPicking}
        onSelect={(u) => d.setMedia((m) => [...new Set([...m, ...u])].slice(0, MAX_MEDIA))}
        title="Add to the mass message"
        max={MAX_MEDIA - d.media.length}
      />
      <ConfirmSend
        creatorId={creatorId}
        review={d.review}
        lists={lists.data}
        onClose={() => d.setReview(null)}
        onCreated={(c) => {
          d.reset();
          onCreated(c);
        }}
      />
    </Card>
  );
}

function MessageField({ text, setText }: { text: string; setText: (v: string) => void }) {
  return (
    <Field label="Message" htmlFor="mass-text">
      <Textarea
        id="mass-text"
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={4}
        className="w-full"
        placeholder="What do you want to tell your fans?"
        data-testid="mass-text"
      />
    </Field>
  );
}

/** The lists to send to, and (folded away unless some are chosen) the lists to leave out. */
function AudienceFields({
  lists,
  included,
  setIncluded,
  excluded,
  setExcluded,
}: {
  lists: ReturnType<typeof useLists>;
  included: ListRefsInput;
  setIncluded: (v: ListRefsInput) => void;
  excluded: ListRefsInput;
  setExcluded: (v: ListRefsInput) => void;
}) {
  const excludedCount = excluded.smart.length + excluded.custom.length;
  return (
    <>
      <ListPicker
        label="Send to"
        lists={lists.data}
        failed={lists.isError}
        value={included}
        onChange={setIncluded}
        disabled={excluded}
        testId="include-lists"
      />
      <details className="group rounded-xl border border-line px-4 py-3" open={excludedCount > 0 || undefined}>
        <summary className="cursor-pointer text-sm font-medium" data-testid="exclude-toggle">
          Leave some fans out{excludedCount ? ` (${excludedCount} chosen)` : ""}
        </summary>
        <div className="pt-3">
          <ListPicker
            label="Leave out"
            lists={lists.data}
            failed={lists.isError}
            value={excluded}
            onChange={setExcluded}
            disabled={included}
            testId="exclude-lists"
          />
        </div>
      </details>
    </>
  );
}

function HoldoutField({
  value,
  onChange,
  canHoldout,
  noCustomLists,
}: {
  value: number;
  onChange: (h: number) => void;
  canHoldout: boolean;
  noCustomLists: boolean;
}) {
  return (
    <Field label="Hold-out group" htmlFor="mass-holdout">
      <Select
        id="mass-holdout"
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
        disabled={!canHoldout}
        data-testid="mass-holdout"
      >
        {HOLDOUTS.map((h) => (
          <option key={h} value={h}>
            {h === 0 ? "None" : `${h} % kept out, to measure the effect`}
          </option>
        ))}
      </Select>
      <p className="text-xs text-muted">
        {canHoldout
          ? "A random share of the audience does not receive it; results compare what both groups spend."
          : noCustomLists
            ? "Needs a custom list made for the campaign, and Fanvue offers no custom lists here."
            : "Needs a custom list made for the campaign, which Fanvue lets only the creator's own account create."}
      </p>
    </Field>
  );
}

function WhenField({
  schedule,
  setSchedule,
  zone,
}: {
  schedule: string | null;
  setSchedule: (s: string | null) => void;
  zone: string;
}) {
  return (
    <fieldset className="flex flex-col gap-1.5">
      <legend className="text-sm font-medium">When</legend>
      <label className="flex items-center gap-2 text-sm">
        <Radio name="when" checked={schedule === null} onChange={() => setSchedule(null)} /> Send now
      </label>
      <label className="flex flex-wrap items-center gap-2 text-sm">
        <Radio
          name="when"
          checked={schedule !== null}
          onChange={() => setSchedule(toDateTimeLocal(new Date(Date.now() + 60 * 60_000).toISOString(), zone))}
          data-testid="mass-schedule-toggle"
        />{" "}
        Schedule
        {schedule !== null ? (
          <Input
            size="sm"
            type="datetime-local"
            value={schedule}
            onChange={(e) => setSchedule(e.target.value)}
            aria-label={`Send at (${zone})`}
            data-testid="mass-schedule"
          />
        ) : null}
      </label>
      {schedule !== null ? (
        <p className="text-xs text-muted">
          Times are in your zone, {zone} ({zoneAbbr(Date.now(), zone)}). Change it under your account menu.
        </p>
      ) : null}
    </fieldset>
  );
}

/** Vault media and the pay-to-view price (mass messages, automations). */
export function MediaAndPrice(p: {
  creatorId: string;
  media: string[];
  setMedia: Dispatch<SetStateAction<string[]>> | ((f: (m: string[]) => string[]) => void);
  price: string;
  setPrice: (v: string) => void;
  onAttach: () => void;
  /** Test ids: "<prefix>-attach", "<prefix>-price". */
  testPrefix?: string;
}) {
  const { creatorId, media, setMedia, price, setPrice, onAttach, testPrefix = "mass" } = p;
  return (
    <div className="flex flex-col gap-2">
      <Attachments creatorId={creatorId} uuids={media} onRemove={(u) => setMedia((m) => m.filter((x) => x !== u))} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" variant="secondary" size="sm" onClick={onAttach} data-testid={`${testPrefix}-attach`}>
          <Paperclip className="size-4" aria-hidden="true" /> Add from vault
        </Button>
        <label className="flex items-center gap-2 text-sm">
          Price (pay to view) $
          <Input
            size="sm"
            value={price}
            onChange={(e) => setPrice(e.target.value)}
            inputMode="decimal"
            disabled={media.length === 0}
            placeholder={media.length ? "e.g. 9.99" : "needs media"}
            className="w-28"
            data-testid={`${testPrefix}-price`}
          />
        </label>
      </div>
    </div>
  );
}
