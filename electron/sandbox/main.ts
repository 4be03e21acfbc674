/**
 * `omi-sandbox [--port N] [--token T] [--data FILE.json] [--seed FILE.json] [--seed-random N]`
 * Prints `listening on http://127.0.0.1:PORT` once ready; SIGINT / SIGTERM flush the data file and exit.
 */
import { parseArgs } from 'node:util';
import { DataFileBusyError } from './data-lock';
import { SandboxSetupError } from './persist';
import { readSeedFile } from './seed';
import { startSandboxServer } from './server';

const HELP = `omi-sandbox — a local OMI CRM Contact API v2 for practice and tests

usage: omi-sandbox [--port N] [--token T] [--data FILE.json] [--seed FILE.json] [--seed-random N]

  --port N         port on 127.0.0.1 (default 0: a free port, printed at start)
  --token T        the accepted Bearer token (default "sandbox")
  --data FILE      keep the contacts in FILE across restarts (written atomically, at most about
                   1 s behind); FILE.lock keeps a second sandbox off the same file
  --seed FILE      load {"layout": [...], "funnels": [...], "contacts": [...]} into an empty store
  --seed-random N  seed of the fault switchboard's random draws (reproducible fault runs)
  -h, --help       this text

Endpoints: /api/v2/contact/{add,addMany,update,search,get/:id,layout/list,filterContact/list}
Admin:     GET /__sandbox/contacts · POST /__sandbox/reset · GET /__sandbox/stats · GET|POST /__sandbox/faults
`;

function fail(message: string): never {
  process.stderr.write(`omi-sandbox: ${message}\n`);
  process.exit(2);
}

function wholeNumber(raw: string | undefined, name: string, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) fail(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return n;
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        token: { type: 'string' },
        data: { type: 'string' },
        seed: { type: 'string' },
        'seed-random': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    fail(`${(e as Error).message}\n\n${HELP}`);
  }
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const port = wholeNumber(values.port, '--port', 0, 65535) ?? 0;
  const randomSeed = wholeNumber(values['seed-random'], '--seed-random', -(2 ** 31), 2 ** 32);
  if (values.token !== undefined && values.token.trim() === '') fail('--token must not be empty');

  try {
    const seed = values.seed ? await readSeedFile(values.seed) : undefined;
    const sandbox = await startSandboxServer({
      port,
      token: values.token,
      dataFile: values.data,
      seed,
      faults: randomSeed === undefined ? undefined : { randomSeed },
    });
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      sandbox.close().then(
        () => process.exit(0),
        (e: Error) => {
          process.stderr.write(`omi-sandbox: stopped on ${signal}, but the data file could not be written: ${e.message}\n`);
          process.exit(1);
        },
      );
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.stdout.write(`listening on ${sandbox.url}\n`);
  } catch (e) {
    if (e instanceof SandboxSetupError) fail(e.message);
    if (e instanceof DataFileBusyError) fail(`${e.text.vi} / ${e.text.en}`);
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') fail(`port ${port} is already in use; choose another --port or --port 0`);
    if (code === 'EACCES') fail(`not allowed to listen on port ${port}; choose a port above 1024 or --port 0`);
    fail(`could not start: ${(e as Error).message}`);
  }
}

void main();
