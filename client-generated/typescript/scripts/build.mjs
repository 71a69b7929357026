// Builds dist/ (ESM, declarations, source maps) from src/. Run by `npm run build` and by npm's `prepare`, which npm
// also runs when a project installs this folder (`npm i path/to/client-generated/typescript`): there the folder's
// own devDependencies are missing, so they are installed first from the lock file.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = join(packageDir, 'node_modules', 'typescript', 'bin', 'tsc');

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: packageDir, stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(process.execPath, [join(packageDir, 'scripts', 'check-version.mjs')]);

if (!existsSync(tsc)) {
  // The installing project's npm settings (global, prefix, omit=dev, workspaces…) are not this folder's.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_(global|prefix|location|omit|include|only|production|dry_run|save|workspace|install_links)/i.test(key)));
  const npm = process.env.npm_execpath;
  const args = ['ci', '--include=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'];
  if (npm && npm.endsWith('.js')) run(process.execPath, [npm, ...args], env);
  else run(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, env);
}

rmSync(join(packageDir, 'dist'), { recursive: true, force: true });
run(process.execPath, [tsc, '-p', 'tsconfig.json']);
