"use client";

import { FolderOpen } from "lucide-react";
import { useRouter } from "next/navigation";
import { useCallback, useMemo, useState, type ReactNode } from "react";
import { VaultPicker } from "@/components/media/vault-picker";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { postsApi } from "@/lib/queries/posts";
import type { PostView } from "@/lib/schemas/post-views";
import { MAX_MEDIA, type Draft, type DraftForm, type PostField } from "@/lib/schemas/posts";
import { mediaProblem, useAttachedMedia } from "../use-attached-media";
import { Attachments } from "./attachments";
import { ComposerHeader } from "./composer-header";
import { FieldShell } from "./field-shell";
import { errorsOfForm, fieldsOfForm } from "./form";
import { PostPreview } from "./post-preview";
import { AudienceField, PriceField } from "./price-field";
import { PublishBar } from "./publish-bar";
import { ScheduleField } from "./schedule-field";
import { TextField } from "./text-field";
import { UploadAttach } from "./upload-attach";
import { useAutosave } from "./use-autosave";
import { usePublish } from "./use-publish";
import { useNow } from "@/components/viewer/use-now";

export type ComposerInit = { form: DraftForm; draft: Draft | null; publishKey: string; original: PostView | null; restored: boolean };
export type ComposerCreator = { id: string; handle: string; displayName: string; avatarUrl: string | null; agency: boolean };

/** Re-checks "in the past" as time passes while the composer is open. */
const CLOCK_TICK_MS = 15_000;
const FIELDS: PostField[] = ["text", "media", "preview", "audience", "price", "publishAt", "expiresAt"];

export function Composer({ creator, init, tz, banner }: { creator: ComposerCreator; init: ComposerInit; tz: string; banner?: ReactNode }) {
  const [form, setForm] = useState(init.form);
  // Errors show once a field is touched (or everywhere after a publish attempt, or on a restored draft).
  const [touched, setTouched] = useState<Set<PostField>>(() => new Set(init.restored ? FIELDS : []));
  const [pickerOpen, setPickerOpen] = useState(false);
  const [refused, setRefused] = useState<string[]>([]);
  const now = useNow(CLOCK_TICK_MS);
  const router = useRouter();
  const onCreated = useCallback((d: Draft) => {
    const url = new URL(window.location.href);
    url.searchParams.set("draft", d.id);
    url.searchParams.delete("media");
    window.history.replaceState(window.history.state, "", url);
  }, []);
  const autosave = useAutosave({ creatorId: creator.id, editOf: init.original?.uuid ?? null, publishKey: init.publishKey, initial: init.draft, form, onCreated });
  const pub = usePublish({ creatorId: creator.id, original: init.original, initialKey: init.publishKey, draftId: autosave.draftId, pauseAutosave: autosave.pause, resumeAutosave: autosave.resume });
  const attached = useAttachedMedia(creator.id, form.mediaUuids);
  const mediaError = mediaProblem(form.mediaUuids, attached.byUuid, creator.handle);
  const errors = useMemo(() => errorsOfForm(form, now, mediaError), [form, now, mediaError]);
  const shown = (f: PostField) => pub.serverErrors[f] ?? (touched.has(f) ? errors[f] : undefined) ?? null;

  const update = (patch: Partial<DraftForm>, fields: PostField[]) => {
    setForm((f) => {
      const next = { ...f, ...patch };
      // A preview that is no longer attached goes with its item.
      if (next.previewUuid && !next.mediaUuids.includes(next.previewUuid)) next.previewUuid = null;
      return next;
    });
    setTouched((t) => new Set([...t, ...fields]));
    pub.clearServerErrors(fields);
  };
  const attach = useCallback((uuids: string[]) => {
    setForm((f) => ({ ...f, mediaUuids: [...f.mediaUuids, ...uuids.filter((u) => !f.mediaUuids.includes(u))].slice(0, MAX_MEDIA) }));
    setTouched((t) => new Set([...t, "media"]));
  }, []);
  const attachOne = useCallback((uuid: string) => attach([uuid]), [attach]);

  const publish = (newKey = false) => {
    if (Object.keys(errors).length) {
      setTouched(new Set(FIELDS));
      const first = FIELDS.find((f) => errors[f]);
      document.querySelector<HTMLElement>(`[data-field="${first}"]`)?.scrollIntoView({ block: "center", behavior: "smooth" });
      return;
    }
    void pub.send(form, { newKey });
  };

  const discard = async () => {
    autosave.pause();
    const id = autosave.draftId();
    if (id) await postsApi.deleteDraft(creator.id, id).catch(() => undefined);
    router.push(`/c/${creator.id}/posts`);
  };

  const { fields } = fieldsOfForm(form);
  const canSchedule = !init.original?.publishedAt;
  return (
    <div className="flex flex-col gap-5 pb-32 lg:pb-8">
      <ComposerHeader creator={creator} init={init} save={autosave.state} onOverwrite={() => void autosave.overwrite()} onDiscard={() => void discard()} />
      {banner}
      {refused.length ? (
        <Alert tone="danger" title="Not uploaded" action={<Button size="sm" variant="secondary" onClick={() => setRefused([])}>Dismiss</Button>}>
          {refused.join(" ")}
        </Alert>
      ) : null}
      <div className="flex flex-col gap-6 lg:grid lg:grid-cols-[minmax(0,1fr)_360px] lg:items-start">
        <Card className="flex flex-col gap-6 p-4 sm:p-5">
          <TextField value={form.text} onChange={(text) => update({ text }, ["text"])} error={shown("text")} />
          <FieldShell id="media" label="Media" error={shown("media") ?? shown("preview")} hint={form.mediaUuids.length ? `${form.mediaUuids.length} of ${MAX_MEDIA}. Drag to reorder, or focus the handle and use the arrow keys.` : "Pick from the vault or upload new files."}>
            <Attachments
              uuids={form.mediaUuids}
              byUuid={attached.byUuid}
              ppv={form.ppv}
              previewUuid={form.previewUuid}
              onChange={(mediaUuids) => update({ mediaUuids }, ["media"])}
              onPreview={(previewUuid) => update({ previewUuid }, ["preview"])}
            />
            {attached.error ? (
              <p className="text-sm text-amber-800" role="status">
                Could not check the attached media with Fanvue yet ({attached.error.message}).{" "}
                <button type="button" className="font-medium underline" onClick={attached.retry}>
                  Try again
                </button>
              </p>
            ) : attached.stuck.length ? (
              <p className="text-sm text-amber-800" role="status" data-testid="attached-stuck">
                {attached.stuck.length === 1 ? "1 item is" : `${attached.stuck.length} items are`} still processing on Fanvue after several minutes, so Vuedeck stopped checking.{" "}
                <button type="button" className="font-medium underline" onClick={attached.checkAgain}>
                  Check again
                </button>
              </p>
            ) : attached.isLoading ? (
              <p className="text-xs text-muted" role="status">
                Checking the attached media with Fanvue…
              </p>
            ) : null}
            <div className="flex flex-wrap gap-2">
              <Button variant="secondary" onClick={() => setPickerOpen(true)} disabled={form.mediaUuids.length >= MAX_MEDIA} data-testid="open-vault-picker">
                <FolderOpen className="size-4" aria-hidden="true" /> Add from vault
              </Button>
              <UploadAttach creatorId={creator.id} onAttach={attachOne} onRefused={setRefused} />
            </div>
          </FieldShell>
          <PriceField creatorId={creator.id} ppv={form.ppv} price={form.price} hasMedia={form.mediaUuids.length > 0} error={shown("price")} onChange={(p) => update(p, ["price"])} />
          <AudienceField value={form.audience} onChange={(audience) => update({ audience }, ["audience"])} error={shown("audience")} />
          <ScheduleField
            tz={tz}
            schedule={form.schedule}
            publishAt={form.publishAt}
            expires={form.expires}
            expiresAt={form.expiresAt}
            canSchedule={canSchedule}
            errors={{ publishAt: shown("publishAt"), expiresAt: shown("expiresAt") }}
            onChange={(p) => update(p, [...(p.schedule !== undefined || p.publishAt !== undefined ? (["publishAt"] as const) : []), ...(p.expires !== undefined || p.expiresAt !== undefined ? (["expiresAt"] as const) : [])])}
          />
        </Card>
        <aside className="flex flex-col gap-4 lg:sticky lg:top-20">
          <h2 className="text-sm font-semibold">Preview</h2>
          <PostPreview post={{ text: form.text, mediaUuids: form.mediaUuids, previewUuid: fields.previewUuid, audience: form.audience, price: fields.price, publishAt: fields.publishAt }} creator={creator} byUuid={attached.byUuid} />
          <PublishBar
            mode={init.original ? "edit" : "create"}
            original={init.original}
            publishAt={fields.publishAt}
            errorCount={FIELDS.filter((f) => shown(f)).length}
            sending={pub.sending}
            problem={pub.problem}
            onPublish={() => publish()}
            onPublishAgain={() => publish(true)}
          />
        </aside>
      </div>
      <VaultPicker creatorId={creator.id} open={pickerOpen} onOpenChange={setPickerOpen} onSelect={attach} max={MAX_MEDIA - form.mediaUuids.length} title={`Attach from @${creator.handle}'s vault`} />
    </div>
  );
}
