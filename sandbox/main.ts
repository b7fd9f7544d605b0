// `npm run sandbox`: the Fanvue sandbox as a standalone process.
import { configFromEnv } from "./config";
import { createSandbox } from "./server";

async function main() {
  let config;
  try {
    config = configFromEnv(process.env);
  } catch (err) {
    console.error(`[sandbox] ${(err as Error).message}`);
    process.exit(2);
  }
  const started = performance.now();
  let sandbox;
  try {
    sandbox = await createSandbox(config);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === "EADDRINUSE") {
      console.error(`[sandbox] Port ${config.port} is already in use. Set SANDBOX_PORT to a free port.`);
    } else {
      console.error("[sandbox] failed to start:", e.message);
    }
    process.exit(1);
  }
  const ms = Math.round(performance.now() - started);
  const { world } = sandbox.state;
  const fans = [...world.creators.values()].reduce((n, c) => n + c.fans.length, 0);
  // The orchestrator (scripts/dev.mjs) waits for this exact line.
  console.log(
    `[sandbox] ready on ${sandbox.url} in ${ms} ms (${world.creators.size} creators, ${fans} fans, seed "${config.seed}")`,
  );

  const stop = async () => {
    await sandbox.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

void main();
