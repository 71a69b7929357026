import { describe, expect, it } from 'vitest';
import { bodyText, urlOf } from '../../shared/testing';
import { authorizationUrl, base64Url, beginSignIn, codeChallenge, completeSignIn, developmentSignIn, oidcConfig, servedSignIn, tokenRequestBody } from './oidc';

const config = { authority: 'https://login.example.se/realm', clientId: 'trygghet-spa', scope: 'openid profile' };

function provider() {
  const calls: { url: string; init?: RequestInit }[] = [];
  const fetcher = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = urlOf(input);
    calls.push({ url, init });
    if (url.endsWith('/.well-known/openid-configuration')) {
      return Response.json({ authorization_endpoint: 'https://login.example.se/auth', token_endpoint: 'https://login.example.se/token' });
    }
    return Response.json({ access_token: 'header.payload.sig', expires_in: 300 });
  }) as typeof fetch;
  return { calls, fetcher };
}

describe('PKCE', () => {
  it('computes the S256 challenge of RFC 7636, appendix B', async () => {
    expect(await codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('encodes base64url without padding or + and /', () => {
    expect(base64Url(new Uint8Array([251, 255, 191]))).toBe('-_-_');
    expect(base64Url(new Uint8Array([1]))).toBe('AQ');
  });

  it('builds the authorization URL with code, S256 challenge and state', () => {
    const url = new URL(
      authorizationUrl('https://login.example.se/auth?kc=1', {
        clientId: 'trygghet-spa',
        redirectUri: 'https://trygghet.example.se/personal/logga-in',
        scope: 'openid profile',
        state: 'st4te',
        challenge: 'ch4llenge',
      }),
    );
    expect(url.origin + url.pathname).toBe('https://login.example.se/auth');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      kc: '1',
      response_type: 'code',
      client_id: 'trygghet-spa',
      redirect_uri: 'https://trygghet.example.se/personal/logga-in',
      scope: 'openid profile',
      state: 'st4te',
      code_challenge: 'ch4llenge',
      code_challenge_method: 'S256',
    });
  });

  it('sends the verifier with the code to the token endpoint', () => {
    const body = tokenRequestBody({ code: 'abc', verifier: 'v', clientId: 'c', redirectUri: 'https://x/personal/logga-in' });
    expect(body.toString()).toBe('grant_type=authorization_code&code=abc&code_verifier=v&client_id=c&redirect_uri=https%3A%2F%2Fx%2Fpersonal%2Flogga-in');
  });
});

describe('configuration', () => {
  it('needs both authority and client id, and defaults the scope', () => {
    expect(oidcConfig({})).toBeNull();
    expect(oidcConfig({ VITE_OIDC_AUTHORITY: 'https://a/' })).toBeNull();
    expect(oidcConfig({ VITE_OIDC_AUTHORITY: 'https://a/', VITE_OIDC_CLIENT_ID: 'c' })).toEqual({ authority: 'https://a', clientId: 'c', scope: 'openid profile' });
  });
});

describe('the round trip', () => {
  it('goes to the provider with a challenge of its verifier and exchanges the code on return', async () => {
    const { calls, fetcher } = provider();
    const url = new URL(await beginSignIn(config, '/personal/evenemang', fetcher));
    expect(calls[0]!.url).toBe('https://login.example.se/realm/.well-known/openid-configuration');
    const state = url.searchParams.get('state')!;
    const pending = JSON.parse(sessionStorage.getItem('trygghet.oidc')!) as { verifier: string };
    expect(url.searchParams.get('code_challenge')).toBe(await codeChallenge(pending.verifier));
    expect(pending.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const result = await completeSignIn(config, new URLSearchParams({ code: 'the-code', state }), fetcher);
    expect(result).toEqual({ tokens: { accessToken: 'header.payload.sig', expiresIn: 300 }, returnTo: '/personal/evenemang' });
    const exchange = calls.at(-1)!;
    expect(exchange.url).toBe('https://login.example.se/token');
    const sent = new URLSearchParams(bodyText(exchange.init!.body));
    expect(sent.get('code')).toBe('the-code');
    expect(sent.get('code_verifier')).toBe(pending.verifier);
    expect(sessionStorage.getItem('trygghet.oidc')).toBeNull();
  });

  it('refuses an answer whose state it did not send', async () => {
    const { calls, fetcher } = provider();
    await beginSignIn(config, '/personal', fetcher);
    const before = calls.length;
    expect(await completeSignIn(config, new URLSearchParams({ code: 'x', state: 'forged' }), fetcher)).toEqual({ error: 'state' });
    expect(calls.length).toBe(before);
  });

  it('is not involved when the address carries no answer', async () => {
    expect(await completeSignIn(config, new URLSearchParams({ till: '/personal' }))).toBeNull();
  });
});

describe('the sign-in the serving API names', () => {
  const page = (content: string) => {
    const doc = document.implementation.createHTMLDocument('app');
    const meta = doc.createElement('meta');
    meta.name = 'trygghet-sign-in';
    meta.content = content;
    doc.head.append(meta);
    return doc;
  };

  it('takes the provider from index.html over the build', () => {
    const served = servedSignIn(page('{"authority":"https://login.example.se/realms/stockholm/","clientId":"trygghet-app","scope":"openid profile trygghet"}'));
    expect(oidcConfig({ VITE_OIDC_AUTHORITY: 'https://build.example', VITE_OIDC_CLIENT_ID: 'x' }, served)).toEqual({
      authority: 'https://login.example.se/realms/stockholm', clientId: 'trygghet-app', scope: 'openid profile trygghet',
    });
    expect(developmentSignIn(served)).toBeUndefined();
  });

  it('says whether the development sign-in is there, and nothing when the page is not served by the API', () => {
    expect(developmentSignIn(servedSignIn(page('{"development":true}')))).toBe(true);
    expect(developmentSignIn(servedSignIn(page('{"development":false}')))).toBe(false);
    expect(servedSignIn(page(''))).toBeNull();
    expect(oidcConfig({}, servedSignIn(page('{"development":false}')))).toBeNull();
  });
});
