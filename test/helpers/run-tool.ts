import { spawnSync, type SpawnSyncOptionsWithStringEncoding, type SpawnSyncReturns } from 'node:child_process';

/**
 * Runs one of the repository's TypeScript tools (lib/tools/…) in one Node process with tsx's loader,
 * and waits for it two minutes at most. A run still there then is killed and run once more: under
 * Node 20 such a process has been seen (once, on CI) to do its work and then never exit, deaf to
 * SIGTERM, which held the whole test run. One process, so that the kill reaches it (through the tsx
 * wrapper it would not). `beforeRetry` undoes what the first run wrote, when that matters.
 */
export function runTool(
  script: string,
  args: string[],
  options: Partial<SpawnSyncOptionsWithStringEncoding> = {},
  beforeRetry?: () => void,
): SpawnSyncReturns<string> {
  const run = () =>
    spawnSync(process.execPath, ['--import', 'tsx', `lib/tools/${script}`, ...args], { encoding: 'utf8', timeout: 120_000, killSignal: 'SIGKILL', ...options });
  const first = run();
  if ((first.error as NodeJS.ErrnoException | undefined)?.code !== 'ETIMEDOUT') return first;
  beforeRetry?.();
  return run();
}
