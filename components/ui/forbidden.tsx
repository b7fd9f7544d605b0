import { Card } from "@/components/ui/card";

export function Forbidden({ what }: { what: string }) {
  return (
    <Card className="p-6" data-testid="forbidden">
      <h1 className="text-lg font-semibold">You don&apos;t have access to {what}</h1>
      <p className="mt-1 text-sm text-muted">
        Your role in this workspace does not include it. Ask the workspace owner if you need it.
      </p>
    </Card>
  );
}
