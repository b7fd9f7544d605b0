"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/select";
import { Input } from "@/components/ui/input";
import { ApiClientError } from "@/lib/queries/fetcher";
import { folderNameError } from "@/lib/schemas/media-values";
import { formatCount } from "@/lib/utils/format";

const messageOf = (err: unknown) => (err instanceof ApiClientError ? err.message : "Something went wrong. Try again.");

/** Create or rename: the name is checked here first (same rules as the
 * server), and Fanvue's refusal (409 duplicate) shows on the field. */
export function FolderNameDialog(p: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
  title: string;
  submitLabel: string;
  initial?: string;
  onSubmit: (name: string) => Promise<unknown>;
}) {
  const [name, setName] = useState(p.initial ?? "");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const invalid = folderNameError(name);
    if (invalid) return setError(invalid);
    setBusy(true);
    setError(null);
    try {
      await p.onSubmit(name.trim());
      p.onOpenChange(false);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={p.open} onOpenChange={p.onOpenChange} title={p.title} testId="folder-dialog">
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        <Field label="Folder name" htmlFor="folder-name" error={error}>
          <Input
            id="folder-name"
            autoFocus
            value={name}
            maxLength={260}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={error ? true : undefined}
          />
        </Field>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => p.onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" disabled={busy}>
            {busy ? "Saving…" : p.submitLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

export function DeleteFolderDialog(p: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
  name: string;
  count: number;
  onConfirm: () => Promise<unknown>;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await p.onConfirm();
      p.onOpenChange(false);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={p.open} onOpenChange={p.onOpenChange} title={`Delete “${p.name}”?`} testId="delete-folder-dialog">
      <p className="text-sm text-muted">
        The folder goes; its {formatCount(p.count)} {p.count === 1 ? "item stays" : "items stay"} in the vault.
      </p>
      {error ? (
        <p className="mt-3 text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
      <div className="mt-5 flex justify-end gap-2">
        <Button variant="secondary" onClick={() => p.onOpenChange(false)}>
          Cancel
        </Button>
        <Button variant="danger" onClick={confirm} disabled={busy}>
          {busy ? "Deleting…" : "Delete folder"}
        </Button>
      </div>
    </Dialog>
  );
}
