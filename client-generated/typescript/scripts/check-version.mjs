// The package's version is the contract's: package.json (and its lock file) must carry openapi/trygghet.v1.json's
// info.version, a semantic version. Run by the build; exits non-zero when they differ.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const contractPath = join(packageDir, '..', '..', 'openapi', 'trygghet.v1.json');
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

/** The problems found, one sentence each; empty when the versions agree. */
export function versionProblems() {
  const contract = readJson(contractPath).info?.version;
  const pkg = readJson(join(packageDir, 'package.json')).version;
  const lockPath = join(packageDir, 'package-lock.json');
  const lock = existsSync(lockPath) ? readJson(lockPath).version : pkg;
  const problems = [];
  if (!/^\d+\.\d+\.\d+$/.test(contract ?? '')) {
    problems.push(`the contract's info.version is "${contract}", not a semantic version (MAJOR.MINOR.PATCH)`);
  }
  if (pkg !== contract) problems.push(`package.json has version ${pkg}, the contract ${contract}`);
  if (lock !== pkg) problems.push(`package-lock.json has version ${lock}, package.json ${pkg}`);
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!existsSync(contractPath)) {
    // Only when the folder was copied out of the repository: there is nothing to compare with.
    console.warn(`${contractPath} not found: the package version was not compared with the contract's.`);
    process.exit(0);
  }
  const problems = versionProblems();
  if (problems.length > 0) {
    console.error(`@trygghet/client: ${problems.join('; ')}.`);
    console.error('Raise both together: see "Versioning" in client-generated/typescript/README.md.');
    process.exit(1);
  }
}
