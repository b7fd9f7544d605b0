"use client";

import { FileText, Lock, Paperclip, Send } from "lucide-react";
import { useEffect, useState, type RefObject } from "react";
import { VaultPicker } from "@/components/media/vault-picker";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Input, Textarea } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useTemplates, type SendInput } from "@/lib/queries/chats";
import { MAX_MEDIA, MAX_TEXT } from "@/lib/schemas/chats";
import { centsToDecimal, checkPrice, formatMoney, parseMoney } from "@/lib/utils/money";
import { Attachments } from "./attachments";
import { newKey } from "./format";

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
function useDraft(initialMedia: string[], templates: Templates, onSend: Props["onSend"]) {
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

  function submit() {
    setTouched(true);
    if (error) return;
    const cents = priceCents(price);
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

  return { text, setText, media, setMedia, price, setPrice, template, touched, error, applyTemplate, submit };
}

/** Text, vault media, an optional price (PPV), templates; Ctrl/⌘+Enter sends. */
export function Composer({ creatorId, fanUuid, fanLabel, initialMedia, onSend, textRef, ...p }: Props) {
  const [picking, setPicking] = useState(false);
  const [asking, setAsking] = useState<string | null>(null);
  const templates = useTemplates(creatorId, true);
  const { text, setText, media, setMedia, price, setPrice, template, touched, error, applyTemplate, submit } = useDraft(
    initialMedia,
    templates.data,
    onSend,
  );
  // Sends are never blocked by a claim; the sender is asked first.
  const guarded = () => (p.heldBy && !error ? setAsking(p.heldBy) : submit());
  return (
    <form
      className="flex flex-col gap-2 border-t border-line bg-surface p-3"
      onSubmit={(e) => {
        e.preventDefault();
        guarded();
      }}
      onBlur={p.onStopTyping}
      data-testid="composer"
    >
      <Attachments creatorId={creatorId} uuids={media} onRemove={(u) => setMedia((m) => m.filter((x) => x !== u))} />
      <MessageText
        textRef={textRef}
        text={text}
        setText={(t) => (setText(t), p.onTyping?.())}
        onSubmit={guarded}
        fanLabel={fanLabel}
      />
      <div className="flex flex-wrap items-center gap-2">
        <Button
          type="button"
          variant="secondary"
          size="sm"
          onClick={() => setPicking(true)}
          disabled={media.length >= MAX_MEDIA}
          data-testid="attach-media"
        >
          <Paperclip className="size-4" aria-hidden="true" /> Vault
        </Button>
        <PriceField price={price} setPrice={setPrice} hasMedia={media.length > 0} />
        <TemplateSelect templates={templates.data} value={template} onChange={applyTemplate} />
        {template ? <FileText className="size-4 text-muted" aria-label="From a template" /> : null}
        <span className="ml-auto hidden text-xs text-muted sm:inline">Ctrl/⌘ + Enter</span>
        <Button type="submit" size="sm" data-testid="send-button">
          <Send className="size-4" aria-hidden="true" />{" "}
          {price.trim() && !error ? `Send for ${formatMoney(priceCents(price)!)}` : "Send"}
        </Button>
      </div>
      {touched && error ? (
        <p className="text-sm text-red-700" role="alert" data-testid="composer-error">
          {error}
        </p>
      ) : null}
      <VaultPicker
        creatorId={creatorId}
        open={picking}
        onOpenChange={setPicking}
        onSelect={(uuids) => setMedia((m) => [...new Set([...m, ...uuids])].slice(0, MAX_MEDIA))}
        title={`Attach for ${fanLabel}`}
        confirmLabel="Attach"
        max={MAX_MEDIA - media.length}
        initial={{ fan: fanUuid }}
        fanLabel={fanLabel}
      />
      <SendAnywayDialog holder={asking} onClose={() => setAsking(null)} onSend={submit} />
    </form>
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

function PriceField({
  price,
  setPrice,
  hasMedia,
}: {
  price: string;
  setPrice: (v: string) => void;
  hasMedia: boolean;
}) {
  return (
    <label className="flex items-center gap-1.5 text-sm">
      <Lock className="size-4 text-muted" aria-hidden="true" />
      <span className="sr-only">Price in dollars (pay to view)</span>
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
      className="h-8 max-w-44 text-xs"
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
      rows={2}
      maxLength={MAX_TEXT + 100}
      placeholder={`Message ${fanLabel}…`}
      aria-label="Message"
      className="max-h-48 min-h-16 w-full resize-y"
      data-testid="composer-text"
    />
  );
}
