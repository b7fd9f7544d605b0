"use client";

import { FolderOpen } from "lucide-react";
import { useRouter } from "next/navigation";
import { useCallback, useMemo, useState, type ReactNode } from "react";
import { LazyVaultPicker } from "@/components/media/lazy-vault-picker";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { postsApi } from "@/lib/queries/posts";
import type { PostView } from "@/lib/schemas/post-views";
import type { Draft, DraftForm } from "@/lib/schemas/posts";
import { MAX_MEDIA, type FieldErrors, type PostField } from "@/lib/schemas/posts-values";
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

export type ComposerInit = {
  form: DraftForm;
  draft: Draft | null;
  publishKey: string;
  original: PostView | null;
  restored: boolean;
};
export type ComposerCreator = {
  id: string;
  handle: string;
  displayName: string;
  avatarUrl: string | null;
  agency: boolean;
};

/** Re-checks "in the past" as time passes while the composer is open. */
const CLOCK_TICK_MS = 15_000;
const FIELDS: PostField[] = ["text", "media", "preview", "audience", "price", "publishAt", "expiresAt"];

type Attached = ReturnType<typeof useAttachedMedia>;

/** Whether Fanvue has confirmed the attached media yet. */
function AttachedStatus({ attached }: { attached: Attached }) {
  if (attached.error)
    return (
      <p className="text-sm text-amber-800" role="status">
        Could not check the attached media with Fanvue yet ({attached.error.message}).{" "}
        <button type="button" className="font-medium underline" onClick={attached.retry}>
          Try again
        </button>
      </p>
    );
  if (attached.stuck.length)
    return (
      <p className="text-sm text-amber-800" role="status" data-testid="attached-stuck">
        {attached.stuck.length === 1 ? "1 item is" : `${attached.stuck.length} items are`} still processing on Fanvue
        after several minutes, so Vuedeck stopped checking.{" "}
        <button type="button" className="font-medium underline" onClick={attached.checkAgain}>
          Check again
        </button>
      </p>
    );
  if (attached.isLoading)
    return (
      <p className="text-xs text-muted" role="status">
        Checking the attached media with Fanvue…
      </p>
    );
  return null;
}

type MediaFieldProps = {
  creatorId: string;
  form: DraftForm;
  attached: Attached;
  error: string | null;
  update: (patch: Partial<DraftForm>, fields: PostField[]) => void;
  onOpenPicker: () => void;
  onAttach: (uuid: string) => void;
  onRefused: (reasons: string[]) => void;
};

/** The attachments (reorderable, one as the free preview), and ways to add more. */
function MediaField({ creatorId, form, attached, error, update, onOpenPicker, onAttach, onRefused }: MediaFieldProps) {
  return (
    <FieldShell
      id="media"
      label="Media"
      error={error}
      hint={
        form.mediaUuids.length
          ? `${form.mediaUuids.length} of ${MAX_MEDIA}. Drag to reorder, or focus the handle and use the arrow keys.`
          : "Pick from the vault or upload new files."
      }
    >
      <Attachments
        uuids={form.mediaUuids}
        byUuid={attached.byUuid}
        ppv={form.ppv}
        previewUuid={form.previewUuid}
        onChange={(mediaUuids) => update({ mediaUuids }, ["media"])}
        onPreview={(previewUuid) => update({ previewUuid }, ["preview"])}
      />
      <AttachedStatus attached={attached} />
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          onClick={onOpenPicker}
          disabled={form.mediaUuids.length >= MAX_MEDIA}
          data-testid="open-vault-picker"
        >
          <FolderOpen className="size-4" aria-hidden="true" /> Add from vault
        </Button>
        <UploadAttach creatorId={creatorId} onAttach={onAttach} onRefused={onRefused} />
      </div>
    </FieldShell>
  );
}

/** The fields a schedule change touches (for showing their errors). */
const scheduleFieldsOf = (p: Partial<DraftForm>): PostField[] => [
  ...(p.schedule !== undefined || p.publishAt !== undefined ? (["publishAt"] as const) : []),
  ...(p.expires !== undefined || p.expiresAt !== undefined ? (["expiresAt"] as const) : []),
];

type AsideProps = {
  form: DraftForm;
  creator: ComposerCreator;
  byUuid: Attached["byUuid"];
  original: PostView | null;
  errorCount: number;
  pub: ReturnType<typeof usePublish>;
  onPublish: (newKey?: boolean) => void;
};

/** Beside the form: the post as fans will see it, and the publish button. */
function ComposerAside({ form, creator, byUuid, original, errorCount, pub, onPublish }: AsideProps) {
  const { fields } = fieldsOfForm(form);
  return (
    <aside className="flex flex-col gap-4 lg:sticky lg:top-20">
      <h2 className="text-sm font-semibold">Preview</h2>
      <PostPreview
        post={{
          text: form.text,
          mediaUuids: form.mediaUuids,
          previewUuid: fields.previewUuid,
          audience: form.audience,
          price: fields.price,
          publishAt: fields.publishAt,
        }}
        creator={creator}
        byUuid={byUuid}
      />
      <PublishBar
        mode={original ? "edit" : "create"}
        original={original}
        schedule={form.schedule}
        publishAt={fields.publishAt}
        errorCount={errorCount}
        sending={pub.sending}
        problem={pub.problem}
        onPublish={() => onPublish()}
        onPublishAgain={() => onPublish(true)}
      />
    </aside>
  );
}

/** The first save made a draft: the URL names it (a reload reopens it), and no longer the media it started with. */
function onCreated(d: Draft) {
  const url = new URL(window.location.href);
  url.searchParams.set("draft", d.id);
  url.searchParams.delete("media");
  window.history.replaceState(window.history.state, "", url);
}

function RefusedAlert({ reasons, onDismiss }: { reasons: string[]; onDismiss: () => void }) {
  return (
    <Alert
      tone="danger"
      title="Not uploaded"
      action={
        <Button size="sm" variant="secondary" onClick={onDismiss}>
          Dismiss
        </Button>
      }
    >
      {reasons.join(" ")}
    </Alert>
  );
}

/** The form's state: edits mark their fields touched (errors show from then on). */
function useComposerForm(init: ComposerInit) {
  const [form, setForm] = useState(init.form);
  // Errors show once a field is touched (or everywhere after a publish attempt, or on a restored draft).
  const [touched, setTouched] = useState<Set<PostField>>(() => new Set(init.restored ? FIELDS : []));
  const edit = (patch: Partial<DraftForm>, fields: PostField[]) => {
    setForm((f) => {
      const next = { ...f, ...patch };
      // A preview that is no longer attached goes with its item.
      if (next.previewUuid && !next.mediaUuids.includes(next.previewUuid)) next.previewUuid = null;
      return next;
    });
    setTouched((t) => new Set([...t, ...fields]));
  };
  const attach = useCallback((uuids: string[]) => {
    setForm((f) => ({
      ...f,
      mediaUuids: [...f.mediaUuids, ...uuids.filter((u) => !f.mediaUuids.includes(u))].slice(0, MAX_MEDIA),
    }));
    setTouched((t) => new Set([...t, "media"]));
  }, []);
  const attachOne = useCallback((uuid: string) => attach([uuid]), [attach]);
  return { form, touched, setTouched, edit, attach, attachOne };
}

/** Autosave of the draft, and publishing (which pauses autosave while it runs). */
function useSaveAndPublish(creatorId: string, init: ComposerInit, form: DraftForm) {
  const autosave = useAutosave({
    creatorId,
    editOf: init.original?.uuid ?? null,
    publishKey: init.publishKey,
    initial: init.draft,
    form,
    onCreated,
  });
  const pub = usePublish({
    creatorId,
    original: init.original,
    initialKey: init.publishKey,
    draftId: autosave.draftId,
    pauseAutosave: autosave.pause,
    resumeAutosave: autosave.resume,
  });
  return { autosave, pub };
}

/** The form's errors (rechecked as time passes), and the one to show per field: the server's, or once touched. */
function useFieldErrors(o: {
  form: DraftForm;
  touched: Set<PostField>;
  attached: Attached;
  handle: string;
  pub: ReturnType<typeof usePublish>;
}) {
  const { form, touched, pub } = o;
  const now = useNow(CLOCK_TICK_MS);
  const mediaError = mediaProblem(form.mediaUuids, o.attached.byUuid, o.handle);
  const errors = useMemo(() => errorsOfForm(form, now, mediaError), [form, now, mediaError]);
  const shown = (f: PostField) => pub.serverErrors[f] ?? (touched.has(f) ? errors[f] : undefined) ?? null;
  return { errors, shown };
}

type Commands = {
  creatorId: string;
  form: DraftForm;
  errors: FieldErrors;
  setTouched: (t: Set<PostField>) => void;
} & ReturnType<typeof useSaveAndPublish>;

/** Publish (or point at the first error), and discard the draft. */
function useComposerCommands({ creatorId, form, errors, setTouched, autosave, pub }: Commands) {
  const router = useRouter();
  const publish = (newKey = false) => {
    if (Object.keys(errors).length) {
      setTouched(new Set(FIELDS));
      const first = FIELDS.find((f) => errors[f]);
      document
        .querySelector<HTMLElement>(`[data-field="${first}"]`)
        ?.scrollIntoView({ block: "center", behavior: "smooth" });
      return;
    }
    void pub.send(form, { newKey });
  };

  const discard = async () => {
    autosave.pause();
    const id = autosave.draftId();
    if (id) await postsApi.deleteDraft(creatorId, id).catch(() => undefined);
    router.push(`/c/${creatorId}/posts`);
  };
  return { publish, discard };
}

type FieldsProps = {
  creatorId: string;
  form: DraftForm;
  attached: Attached;
  tz: string;
  canSchedule: boolean;
  shown: (f: PostField) => string | null;
  update: (patch: Partial<DraftForm>, fields: PostField[]) => void;
  onOpenPicker: () => void;
  onAttach: (uuid: string) => void;
  onRefused: (reasons: string[]) => void;
};

/** The form: text, media, price, audience, schedule. */
function ComposerFields({ creatorId, form, tz, canSchedule, shown, update, ...media }: FieldsProps) {
  return (
    <Card className="flex flex-col gap-6 p-4 sm:p-5">
      <TextField value={form.text} onChange={(text) => update({ text }, ["text"])} error={shown("text")} />
      <MediaField
        creatorId={creatorId}
        form={form}
        attached={media.attached}
        error={shown("media") ?? shown("preview")}
        update={update}
        onOpenPicker={media.onOpenPicker}
        onAttach={media.onAttach}
        onRefused={media.onRefused}
      />
      <PriceField
        creatorId={creatorId}
        ppv={form.ppv}
        price={form.price}
        hasMedia={form.mediaUuids.length > 0}
        error={shown("price")}
        onChange={(p) => update(p, ["price"])}
      />
      <AudienceField
        value={form.audience}
        onChange={(audience) => update({ audience }, ["audience"])}
        error={shown("audience")}
      />
      <ScheduleField
        tz={tz}
        schedule={form.schedule}
        publishAt={form.publishAt}
        expires={form.expires}
        expiresAt={form.expiresAt}
        canSchedule={canSchedule}
        errors={{ publishAt: shown("publishAt"), expiresAt: shown("expiresAt") }}
        onChange={(p) => update(p, scheduleFieldsOf(p))}
      />
    </Card>
  );
}

export function Composer({
  creator,
  init,
  tz,
  banner,
}: {
  creator: ComposerCreator;
  init: ComposerInit;
  tz: string;
  banner?: ReactNode;
}) {
  const { form, touched, setTouched, edit, attach, attachOne } = useComposerForm(init);
  const [pickerOpen, setPickerOpen] = useState(false);
  const [refused, setRefused] = useState<string[]>([]);
  const { autosave, pub } = useSaveAndPublish(creator.id, init, form);
  const attached = useAttachedMedia(creator.id, form.mediaUuids);
  const { errors, shown } = useFieldErrors({ form, touched, attached, handle: creator.handle, pub });

  const update = (patch: Partial<DraftForm>, fields: PostField[]) => {
    edit(patch, fields);
    pub.clearServerErrors(fields);
  };
  const { publish, discard } = useComposerCommands({ creatorId: creator.id, form, errors, setTouched, autosave, pub });

  return (
    <div className="flex flex-col gap-5 pb-32 lg:pb-8">
      <ComposerHeader
        creator={creator}
        init={init}
        save={autosave.state}
        onOverwrite={() => void autosave.overwrite()}
        onDiscard={() => void discard()}
      />
      {banner}
      {refused.length ? <RefusedAlert reasons={refused} onDismiss={() => setRefused([])} /> : null}
      <div className="flex flex-col gap-6 lg:grid lg:grid-cols-[minmax(0,1fr)_360px] lg:items-start">
        <ComposerFields
          creatorId={creator.id}
          form={form}
          attached={attached}
          tz={tz}
          canSchedule={!init.original?.publishedAt}
          shown={shown}
          update={update}
          onOpenPicker={() => setPickerOpen(true)}
          onAttach={attachOne}
          onRefused={setRefused}
        />
        <ComposerAside
          form={form}
          creator={creator}
          byUuid={attached.byUuid}
          original={init.original}
          errorCount={FIELDS.filter((f) => shown(f)).length}
          pub={pub}
          onPublish={publish}
        />
      </div>
      <LazyVaultPicker
        creatorId={creator.id}
        open={pickerOpen}
        onOpenChange={setPickerOpen}
        onSelect={attach}
        max={MAX_MEDIA - form.mediaUuids.length}
        title={`Attach from @${creator.handle}'s vault`}
      />
    </div>
  );
}
