// `npm run audit -- verify <folder> [options]`: checks an audit journal offline and prints one line.
// Exit status: 0 every record verifies (a torn, never-acknowledged final line is reported, not a failure);
// 1 damage found — edited, deleted, inserted, reordered, truncated, bad HMAC, missing file — or the check
// could not run; 2 usage error.
//
//   --key-file <path>             the journal key, base64 as the keychain holds it (e.g. an escrowed copy)
//   --key-from-keychain           read audit-hmac-key from the OS keychain (service: --service, default clets-workstation)
//   --checkpoint-file <path>      the latest external checkpoint (JSON), to catch truncation and deleted files
//   --checkpoint-from-keychain    read this folder's checkpoint from the keychain entry audit-checkpoint (same service)
//   --json                        print the result as one JSON line instead

import { readFileSync } from 'node:fs';
import { folderScopedKeychainEntry, parseCheckpoint, type Checkpoint } from '../electron/services/audit/checkpoint';
import { describeVerifyResult, verifyJournal } from '../electron/services/audit/verify';
import { loadKeytar, openKeychain } from '../electron/services/secrets';

const USAGE =
  'usage: npm run audit -- verify <folder> (--key-file <path> | --key-from-keychain [--service <name>]) ' +
  '[--checkpoint-file <path> | --checkpoint-from-keychain] [--json]';

class UsageError extends Error {}

interface Args {
  folder: string;
  keyFile?: string;
  keyFromKeychain: boolean;
  service: string;
  checkpointFile?: string;
  checkpointFromKeychain: boolean;
  json: boolean;
}

function parseArgs(argv: string[]): Args {
  const [command, folder, ...rest] = argv;
  if (command !== 'verify' || !folder || folder.startsWith('--')) throw new UsageError(USAGE);
  const args: Args = { folder, keyFromKeychain: false, service: 'clets-workstation', checkpointFromKeychain: false, json: false };
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i]!;
    const value = () => {
      const v = rest[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value. ${USAGE}`);
      return v;
    };
    if (flag === '--key-file') args.keyFile = value();
    else if (flag === '--key-from-keychain') args.keyFromKeychain = true;
    else if (flag === '--service') args.service = value();
    else if (flag === '--checkpoint-file') args.checkpointFile = value();
    else if (flag === '--checkpoint-from-keychain') args.checkpointFromKeychain = true;
    else if (flag === '--json') args.json = true;
    else throw new UsageError(`unknown option ${flag}. ${USAGE}`);
  }
  if ((args.keyFile === undefined) === !args.keyFromKeychain) throw new UsageError(`give exactly one of --key-file and --key-from-keychain. ${USAGE}`);
  if (args.checkpointFile !== undefined && args.checkpointFromKeychain) throw new UsageError(`give at most one checkpoint source. ${USAGE}`);
  return args;
}

function decodeKey(text: string, where: string): Buffer {
  const trimmed = text.trim();
  const key = Buffer.from(trimmed, 'base64');
  if (!/^[A-Za-z0-9+/]+=*$/.test(trimmed) || key.length < 32) throw new Error(`${where} does not hold a base64 key of at least 32 bytes`);
  return key;
}

async function loadKey(args: Args): Promise<Buffer> {
  if (args.keyFile !== undefined) return decodeKey(readFileSync(args.keyFile, 'utf8'), args.keyFile);
  const store = await openKeychain({ service: args.service });
  const value = await store.get('audit-hmac-key');
  if (value === null) throw new Error(`the keychain (service ${args.service}) has no audit-hmac-key`);
  return decodeKey(value, 'the keychain entry audit-hmac-key');
}

async function loadCheckpoint(args: Args): Promise<Checkpoint | null> {
  let text: string | null = null;
  let where = '';
  if (args.checkpointFile !== undefined) {
    text = readFileSync(args.checkpointFile, 'utf8');
    where = args.checkpointFile;
  } else if (args.checkpointFromKeychain) {
    // Read-only: the entry the app's checkpoint sink uses holds one checkpoint per journal folder
    // (see electron/services/audit/README.md); this folder's is the one that counts.
    const keytar = await loadKeytar();
    const entry = folderScopedKeychainEntry(
      {
        get: () => keytar.getPassword(args.service, 'audit-checkpoint'),
        set: () => Promise.reject(new Error('the verifier never writes the keychain')),
      },
      args.folder,
    );
    text = await entry.get();
    where = `the keychain entry audit-checkpoint for ${args.folder}`;
    if (text === null) throw new Error(`${where} is empty`);
  }
  if (text === null) return null;
  const cp = parseCheckpoint(text.trim());
  if (!cp) throw new Error(`${where} does not hold an audit checkpoint`);
  return cp;
}

async function main(): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  try {
    const key = await loadKey(args);
    const externalCheckpoint = await loadCheckpoint(args);
    const result = await verifyJournal(args.folder, { key, externalCheckpoint });
    process.stdout.write(`${args.json ? JSON.stringify(result) : describeVerifyResult(result)}\n`);
    return result.ok ? 0 : 1;
  } catch (error) {
    const e = error as { code?: unknown; message?: unknown };
    const line = `ERROR: ${typeof e.code === 'string' ? `${e.code}: ` : ''}${String(e.message ?? error)}`;
    process.stdout.write(args.json ? `${JSON.stringify({ ok: false, error: line })}\n` : `${line}\n`);
    return 1;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`audit: ${String(error)}\n`);
    process.exit(1);
  },
);
