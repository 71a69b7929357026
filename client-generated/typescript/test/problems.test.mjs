// The problem helpers the package exports, against answers a stubbed fetch gives: the document the client rejects
// with for a declared status, an ApiException for an undeclared one, no answer at all, a cancelled call.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ApiException, TrygghetClient, isAbortError, isNetworkError, isOpen311Errors, isProblem, problemOf,
} from '../dist/index.js';

function answering(status, body, contentType = 'application/problem+json') {
  return new TrygghetClient('http://api.test', {
    fetch: async () => new Response(body, { status, headers: { 'Content-Type': contentType } }),
  });
}

async function rejectionOf(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('the call succeeded');
}

const notFound = { type: 'https://tools.ietf.org/html/rfc9110#section-15.5.5', title: 'Not Found', status: 404, detail: "The area 'atlantis' does not exist." };

test('a declared status rejects with the problem document itself', async () => {
  const error = await rejectionOf(answering(404, JSON.stringify(notFound)).getArea('atlantis'));
  assert.equal(isProblem(error), true);
  assert.deepEqual(problemOf(error), notFound);
  assert.equal(isNetworkError(error), false);
});

test('a validation problem carries its errors keyed by field path', async () => {
  const body = { title: 'Bad Request', status: 400, errors: { lat: ['Latitude must be between −90 and 90.'] } };
  const error = await rejectionOf(answering(400, JSON.stringify(body)).locateArea(999, 0));
  assert.deepEqual(problemOf(error)?.errors, body.errors);
});

test('an undeclared status rejects with an ApiException, and problemOf reads the problem in its body', async () => {
  const body = { title: 'Too Many Requests', status: 429, detail: 'Try again in 10 seconds.' };
  const error = await rejectionOf(answering(429, JSON.stringify(body)).getArea('fruangen'));
  assert.ok(error instanceof ApiException);
  assert.equal(isProblem(error), false, 'an ApiException is not itself a problem document');
  assert.deepEqual(problemOf(error), body);
});

test('a body that is not a problem document gives no problem', async () => {
  const html = await rejectionOf(answering(418, '<html>teapot</html>', 'text/html').getArea('fruangen'));
  assert.ok(html instanceof ApiException);
  assert.equal(problemOf(html), undefined);
  const json = await rejectionOf(answering(418, JSON.stringify({ message: 'no' }), 'application/json').getArea('fruangen'));
  assert.equal(problemOf(json), undefined);
});

test('no answer is a network error, not a problem', async () => {
  const unreachable = new TrygghetClient('http://api.test', {
    fetch: async () => { throw new TypeError('fetch failed'); },
  });
  const error = await rejectionOf(unreachable.listAreas());
  assert.equal(isNetworkError(error), true);
  assert.equal(isProblem(error), false);
  assert.equal(problemOf(error), undefined);
});

test('a cancelled call is an abort, not a problem', async () => {
  const waiting = new TrygghetClient('http://api.test', {
    fetch: (_url, init) => new Promise((_resolve, reject) => {
      init.signal.addEventListener('abort', () => reject(init.signal.reason));
    }),
  });
  const controller = new AbortController();
  const call = waiting.listAreas(controller.signal);
  controller.abort();
  const error = await rejectionOf(call);
  assert.equal(isAbortError(error), true);
  assert.equal(problemOf(error), undefined);
});

test('Open311 operations reject with their error list', async () => {
  const list = [{ code: 404, description: 'No such service request.' }];
  assert.equal(isOpen311Errors(list), true);
  assert.equal(isOpen311Errors([]), false);
  assert.equal(isOpen311Errors(notFound), false);
  assert.equal(isProblem(list), false);
});
