// `npm run verify`: the README's test command — set-up (scripts/setup.mjs test), then `npm test`.
// `npm run verify -- FOLDER [--key FILE]`: checks evidence exports instead (issue #15), with no
// set-up and none of the app's data: it only needs the built checker (built here when missing).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const run = (command, commandArgs) =>
  spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;

if (args.length === 0) {
  const setup = run(process.execPath, ['scripts/setup.mjs', 'test']);
  process.exit(setup === 0 ? run('npm', ['test']) : setup);
}
const checker = path.join(root, 'out/host/verify.cjs');
if (!existsSync(checker)) {
  const built = run(process.execPath, ['scripts/build.mjs', 'node']);
  if (built !== 0) process.exit(built);
}
// The folders as the user typed them, from where npm was started (npm runs scripts from the project root).
const from = process.env.INIT_CWD ?? process.cwd();
// Folders and the key file are paths; `--lang`'s value is not.
const resolved = args.map((arg, i) =>
  arg.startsWith('--') || args[i - 1] === '--lang' ? arg : path.resolve(from, arg),
);
process.exit(run(process.execPath, [checker, ...resolved]));
