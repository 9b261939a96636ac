/**
 * Setup of the unit tier (vitest.config.ts): it starts no process, so that it stays quick and
 * needs neither LibreOffice nor tmux. A test that starts one fails here with the place it belongs.
 */
import { vi } from "vitest";

function refusing(name: string) {
  return () => {
    throw new Error(
      `child_process.${name}: unit tests start no process. ` +
        "A test that needs one belongs in test/e2e/ (README, « For maintainers »).",
    );
  };
}

async function withoutProcesses(importOriginal: () => Promise<Record<string, unknown>>) {
  const real = await importOriginal();
  const fake = Object.fromEntries(Object.entries(real).map(([key, value]) => [key, typeof value === "function" ? refusing(key) : value]));
  return { ...fake, default: fake };
}

vi.mock("node:child_process", withoutProcesses);
vi.mock("child_process", withoutProcesses);
