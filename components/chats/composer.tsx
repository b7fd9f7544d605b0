"use client";

import { FileText, Paperclip, Send } from "lucide-react";
import { useEffect, useLayoutEffect, useState, type RefObject } from "react";
import { LazyVaultPicker } from "@/components/media/lazy-vault-picker";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Textarea } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useTemplates, type SendInput } from "@/lib/queries/chats";
import { MAX_MEDIA, MAX_TEXT } from "@/lib/schemas/chats-values";
import { centsToDecimal, checkPrice, formatMoney, parseMoney } from "@/lib/utils/money";
import { cn } from "@/lib/utils/cn";
import { Attachments } from "./attachments";
import { newKey } from "./format";
import { PpvPrice, rememberedPrice, rememberPrice } from "./ppv-price";

type Props = {
  creatorId: string;
  fanUuid: string;
  fanLabel: string;
  initialMedia: string[];
  onSend: (input: SendInput) => void;
  textRef: RefObject<HTMLTextAreaElement | null>;
  /** Another member holds this chat: ask before sending ("Kai is answering this fan — send anyway?"). */
  heldBy?: string | null;
  onTyping?: () => void;
  onStopTyping?: () => void;
};

/** Why the message cannot go yet (shown under the composer), or null. */
export function composeError(text: string, media: string[], price: string): string | null {
  if (!text.trim() && media.length === 0) return "Write a message or attach media.";
  if (text.length > MAX_TEXT) return `A message can be at most ${MAX_TEXT} characters.`;
  if (!price.trim()) return null;
  const parsed = parseMoney(price);
  if ("error" in parsed) return parsed.error;
  if (media.length === 0) return "A price needs media: attach something to unlock.";
  return checkPrice(parsed.cents);
}

/** The typed price in cents (the browser's locale), or null when empty or not money. */
export function priceCents(price: string): number | null {
  if (!price.trim()) return null;
  const parsed = parseMoney(price);
  return "cents" in parsed ? parsed.cents : null;
}

type Templates = ReturnType<typeof useTemplates>["data"];

/** The draft's state: text, media, price, template; `submit` sends it and clears it. */
function useDraft(creatorId: string, initialMedia: string[], templates: Templates, onSend: Props["onSend"]) {
  const [text, setText] = useState("");
  const [media, setMedia] = useState<string[]>(initialMedia);
  const [price, setPrice] = useState("");
  const [template, setTemplate] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);
  useEffect(() => setMedia(initialMedia), [initialMedia]);
  const error = composeError(text, media, price);

  function applyTemplate(uuid: string) {
    const t = templates?.items.find((x) => x.uuid === uuid);
    if (!t) return;
    setTemplate(t.uuid);
    if (t.text) setText(t.text);
    if (t.mediaUuids.length) setMedia(t.mediaUuids);
    setPrice(t.price !== null ? centsToDecimal(Math.round(t.price)) : "");
  }

  /** Media picked: with no price typed yet, the creator's usual PPV price (they can tap "Free"). */
  function attach(uuids: string[]) {
    setMedia((m) => [...new Set([...m, ...uuids])].slice(0, MAX_MEDIA));
    const usual = rememberedPrice(creatorId);
    if (media.length === 0 && !price.trim() && usual !== null) setPrice(centsToDecimal(usual));
  }

  function submit() {
    setTouched(true);
    if (error) return;
    const cents = priceCents(price);
    if (cents !== null) rememberPrice(creatorId, cents);
    onSend({
      idempotencyKey: newKey(),
      text: text.trim() ? text : null,
      mediaUuids: media,
      price: cents,
      templateUuid: template,
    });
    setText("");
    setMedia([]);
    setPrice("");
    setTemplate(null);
    setTouched(false);
  }

  return { text, setText, media, setMedia, attach, price, setPrice, template, touched, error, applyTemplate, submit };
}

/**
 * Text, vault media, an optional price (PPV), templates; Ctrl/⌘+Enter sends. On a phone one row at
 * the thumb: attach, the text (growing with it), Send at the bottom right; price and template above
 * it once there is something to price. On wider screens the text gets its own row above the controls.
 */
export function Composer({ creatorId, fanUuid, fanLabel, initialMedia, onSend, textRef, ...p }: Props) {
  const [picking, setPicking] = useState(false);
  const [asking, setAsking] = useState<string | null>(null);
  const templates = useTemplates(creatorId, true);
  const d = useDraft(creatorId, initialMedia, templates.data, onSend);
  const hasMedia = d.media.length > 0;
  // Sends are never blocked by a claim; the sender is asked first.
  const guarded = () => (p.heldBy && !d.error ? setAsking(p.heldBy) : d.submit());
  return (
    <form
      className="flex flex-wrap items-end gap-2 border-t border-line bg-surface p-2 pb-[max(0.5rem,env(safe-area-inset-bottom))] sm:p-3"
      onSubmit={(e) => {
        e.preventDefault();
        guarded();
      }}
      onBlur={p.onStopTyping}
      data-testid="composer"
    >
      <div className="order-0 basis-full empty:hidden">
        <Attachments
          creatorId={creatorId}
          uuids={d.media}
          onRemove={(u) => d.setMedia((m) => m.filter((x) => x !== u))}
        />
      </div>
      <PriceAndTemplate
        creatorId={creatorId}
        price={d.price}
        setPrice={d.setPrice}
        hasMedia={hasMedia}
        templates={templates.data}
        template={d.template}
        onTemplate={d.applyTemplate}
      />
      <Button
        type="button"
        variant="secondary"
        size="sm"
        onClick={() => setPicking(true)}
        disabled={d.media.length >= MAX_MEDIA}
        className="order-2"
        data-testid="attach-media"
      >
        <Paperclip className="size-4" aria-hidden="true" /> <span className="max-sm:sr-only">Vault</span>
      </Button>
      <MessageText
        textRef={textRef}
        text={d.text}
        setText={(t) => (d.setText(t), p.onTyping?.())}
        onSubmit={guarded}
        fanLabel={fanLabel}
      />
      <span className="order-4 ml-auto hidden self-center text-xs text-muted sm:inline">Ctrl/⌘ + Enter</span>
      <Button type="submit" size="sm" className="order-5" data-testid="send-button">
        <Send className="size-4" aria-hidden="true" />{" "}
        {d.price.trim() && !d.error ? (
          `Send for ${formatMoney(priceCents(d.price)!)}`
        ) : (
          <span className="max-sm:sr-only">Send</span>
        )}
      </Button>
      {d.touched && d.error ? (
        <p className="order-6 basis-full text-sm text-red-700" role="alert" data-testid="composer-error">
          {d.error}
        </p>
      ) : null}
      <LazyVaultPicker
        creatorId={creatorId}
        open={picking}
        onOpenChange={setPicking}
        onSelect={d.attach}
        title={`Attach for ${fanLabel}`}
        confirmLabel="Attach"
        max={MAX_MEDIA - d.media.length}
        initial={{ fan: fanUuid }}
        fanLabel={fanLabel}
      />
      <SendAnywayDialog holder={asking} onClose={() => setAsking(null)} onSend={d.submit} />
    </form>
  );
}

/** Price and template: above the text on a phone once media is attached (or templates exist), in
 * the control row on wider screens. */
function PriceAndTemplate(p: {
  creatorId: string;
  price: string;
  setPrice: (v: string) => void;
  hasMedia: boolean;
  templates: Templates;
  template: string | null;
  onTemplate: (uuid: string) => void;
}) {
  const hasTemplates = Boolean(p.templates?.supported && p.templates.items.length);
  return (
    <div
      className={cn(
        "order-1 flex basis-full flex-wrap items-center gap-2 sm:order-3 sm:basis-auto",
        !p.hasMedia && !hasTemplates && "max-sm:hidden",
      )}
    >
      <div className={cn("flex flex-wrap items-center gap-2", !p.hasMedia && "max-sm:hidden")}>
        <PpvPrice creatorId={p.creatorId} price={p.price} setPrice={p.setPrice} hasMedia={p.hasMedia} />
      </div>
      <TemplateSelect templates={p.templates} value={p.template} onChange={p.onTemplate} />
      {p.template ? <FileText className="size-4 text-muted" aria-label="From a template" /> : null}
    </div>
  );
}

/** "Kai is answering this fan — send anyway?" */
function SendAnywayDialog({
  holder,
  onClose,
  onSend,
}: {
  holder: string | null;
  onClose: () => void;
  onSend: () => void;
}) {
  return (
    <Dialog
      open={holder !== null}
      onOpenChange={(o) => !o && onClose()}
      title="Someone else is answering"
      testId="send-anyway"
    >
      <p className="text-sm">
        {holder} is answering this fan — send anyway? Your message goes out at once and you become the one answering
        (unless a manager assigned the chat).
      </p>
      <div className="mt-4 flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button
          type="button"
          autoFocus
          onClick={() => {
            onClose();
            onSend();
          }}
          data-testid="send-anyway-button"
        >
          Send anyway
        </Button>
      </div>
    </Dialog>
  );
}

function TemplateSelect({
  templates,
  value,
  onChange,
}: {
  templates: Templates;
  value: string | null;
  onChange: (uuid: string) => void;
}) {
  if (!templates?.supported || !templates.items.length) return null;
  return (
    <Select
      value={value ?? ""}
      onChange={(e) => onChange(e.target.value)}
      className="h-8 max-w-44 text-xs touch:h-11"
      aria-label="Template"
      data-testid="template-select"
    >
      <option value="">Template…</option>
      {templates.items.map((t) => (
        <option key={t.uuid} value={t.uuid}>
          {t.folderName ? `${t.folderName}: ` : ""}
          {(t.text ?? "Media").slice(0, 40)}
        </option>
      ))}
    </Select>
  );
}

/** The message's text; Ctrl/⌘+Enter sends. */
function MessageText({
  textRef,
  text,
  setText,
  onSubmit,
  fanLabel,
}: {
  textRef: Props["textRef"];
  text: string;
  setText: (t: string) => void;
  onSubmit: () => void;
  fanLabel: string;
}) {
  useGrowWithText(textRef, text);
  return (
    <Textarea
      ref={textRef}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          onSubmit();
        }
      }}
      rows={1}
      maxLength={MAX_TEXT + 100}
      placeholder={`Message ${fanLabel}…`}
      aria-label="Message"
      className="order-3 max-h-40 min-h-11 min-w-0 flex-1 resize-none sm:order-1 sm:max-h-48 sm:min-h-16 sm:basis-full sm:resize-y"
      data-testid="composer-text"
    />
  );
}

/** The text box grows with its text (one line empty, up to its max height, then it scrolls). */
function useGrowWithText(ref: Props["textRef"], text: string) {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = "auto";
    // The border is outside scrollHeight; the CSS max-height caps it.
    el.style.height = `${el.scrollHeight + (el.offsetHeight - el.clientHeight)}px`;
  }, [ref, text]);
}
