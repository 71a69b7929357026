// The package's version is the contract's info.version (see "Versioning" in the README).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const read = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));

test("the package version is the contract's info.version, a semantic version", () => {
  const contract = read('../../../openapi/trygghet.v1.json').info.version;
  assert.match(contract, /^\d+\.\d+\.\d+$/);
  assert.equal(read('../package.json').version, contract);
  assert.equal(read('../package-lock.json').version, contract);
  assert.equal(read('../package-lock.json').packages[''].version, contract);
});
