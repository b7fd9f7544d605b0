"use client";

import { Plus } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Field, Select } from "@/components/ui/select";
import { ApiClientError } from "@/lib/queries/fetcher";
import { useCreateTrackingLink } from "@/lib/queries/tracking-links";
import type { TrackingPlatform } from "@/lib/schemas/tracking-links";
import { linkNameError, PLATFORM_LABELS, TRACKING_PLATFORMS } from "@/lib/schemas/tracking-links-values";

/** Name and platform; the same schema as the server checks first, the server's refusal shown on its field. */
export function CreateLinkForm({ creatorId }: { creatorId: string }) {
  const [name, setName] = useState("");
  const [platform, setPlatform] = useState<TrackingPlatform>("instagram");
  const [local, setLocal] = useState<{ field: string; message: string } | null>(null);
  const create = useCreateTrackingLink(creatorId);
  const server = create.error instanceof ApiClientError ? create.error : null;
  const errorOf = (field: string) =>
    local?.field === field ? local.message : server?.field === field ? server.message : null;
  const submit = () => {
    const error = linkNameError(name);
    if (error) return setLocal({ field: "name", message: error });
    setLocal(null);
    create.mutate({ name: name.trim(), platform }, { onSuccess: () => setName("") });
  };
  return (
    <Card className="p-4 sm:p-5">
      <form
        className="flex flex-col gap-3 sm:flex-row sm:items-start"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        data-testid="link-create"
      >
        <div className="sm:flex-1">
          <Field label="New link name" htmlFor="link-name" error={errorOf("name")}>
            <Input
              id="link-name"
              value={name}
              placeholder="e.g. Instagram bio, spring"
              onChange={(e) => setName(e.target.value)}
              aria-invalid={errorOf("name") ? true : undefined}
              data-testid="link-name"
            />
          </Field>
        </div>
        <Field label="Platform" htmlFor="link-platform" error={errorOf("platform")}>
          <Select
            id="link-platform"
            value={platform}
            onChange={(e) => setPlatform(e.target.value as TrackingPlatform)}
            data-testid="link-platform"
          >
            {TRACKING_PLATFORMS.map((p) => (
              <option key={p} value={p}>
                {PLATFORM_LABELS[p]}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" className="sm:mt-[1.625rem]" disabled={create.isPending} data-testid="link-create-submit">
          <Plus className="size-4" aria-hidden="true" /> {create.isPending ? "Creating…" : "Create link"}
        </Button>
      </form>
      {server && !server.field ? (
        <p className="mt-2 text-sm text-red-700" role="alert">
          {server.message}
        </p>
      ) : null}
    </Card>
  );
}
