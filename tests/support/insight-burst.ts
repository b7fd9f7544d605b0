// The fan-panel burst (issue 23), shared by the integration test and
// `npm run bench`: 25 clients × 20 lookups over 250 distinct fans, each fan
// asked twice, in a shuffled order; every lookup fires at its own random
// moment 0–30 ms into the burst without waiting for the others (a team
// opening panels, hovering rows, several tabs at once).
import { rng } from "./prng";

export type Ask = { fan: string; delayMs: number };

/** `clients` lists of `perClient` asks; every fan of `fans` asked `times` times. */
export function burstPlan(fans: string[], seed: number, o = { clients: 25, perClient: 20, times: 2, maxDelayMs: 30 }) {
  const r = rng(seed);
  const asks = fans.flatMap((f) => Array.from({ length: o.times }, () => f));
  for (let i = asks.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [asks[i], asks[j]] = [asks[j]!, asks[i]!];
  }
  if (asks.length !== o.clients * o.perClient) throw new Error(`${asks.length} asks for ${o.clients} clients`);
  return Array.from({ length: o.clients }, (_, c) =>
    asks
      .slice(c * o.perClient, (c + 1) * o.perClient)
      .map((fan): Ask => ({ fan, delayMs: Math.floor(r() * (o.maxDelayMs + 1)) })),
  );
}

export type BurstOutcome<T> = {
  /** Every ask's answer, in plan order (client by client). */
  answers: { fan: string; value?: T; error?: unknown }[];
  wallMs: number;
  /** Per ask, from its firing to its answer. */
  latenciesMs: number[];
};

/** Fires the plan; a failed ask is recorded, never thrown. */
export async function runBurst<T>(plan: Ask[][], ask: (fan: string) => Promise<T>): Promise<BurstOutcome<T>> {
  const started = performance.now();
  const latenciesMs: number[] = [];
  const answers = await Promise.all(
    plan.flat().map(
      ({ fan, delayMs }) =>
        new Promise<BurstOutcome<T>["answers"][number]>((resolve) =>
          setTimeout(() => {
            const t = performance.now();
            ask(fan).then(
              (value) => (latenciesMs.push(performance.now() - t), resolve({ fan, value })),
              (error) => (latenciesMs.push(performance.now() - t), resolve({ fan, error })),
            );
          }, delayMs),
        ),
    ),
  );
  return { answers, wallMs: performance.now() - started, latenciesMs };
}
