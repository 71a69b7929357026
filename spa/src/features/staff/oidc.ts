/**
 * Sign-in through the district's OpenID Connect provider: authorization code with PKCE (RFC 7636),
 * using only the browser's WebCrypto. The API that serves the app names the provider in index.html's
 * `trygghet-sign-in` meta element (Auth__Authority, Auth__ClientId, Auth__Scope), so one build serves
 * every environment; a build served elsewhere can name it with VITE_OIDC_*. The API validates the tokens.
 */
export interface OidcConfig {
  authority: string;
  clientId: string;
  scope: string;
}

export interface OidcEndpoints {
  authorization_endpoint: string;
  token_endpoint: string;
}

export interface OidcTokens {
  accessToken: string;
  /** Seconds, as the token endpoint reports it. */
  expiresIn?: number;
}

const pendingKey = 'trygghet.oidc';

/** What the serving API says about sign-in: `{authority, clientId, scope}` or `{development: true|false}`. */
export function servedSignIn(doc: Document = document): Record<string, unknown> | null {
  const content = doc.querySelector<HTMLMetaElement>('meta[name="trygghet-sign-in"]')?.content;
  if (!content) return null;
  try {
    const value: unknown = JSON.parse(content);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** True when the serving API offers the development sign-in; undefined when it did not say. */
export function developmentSignIn(served = servedSignIn()): boolean | undefined {
  return served && typeof served.development === 'boolean' ? served.development : undefined;
}

/** The provider staff sign in with, or null when none is configured. */
export function oidcConfig(env: Record<string, unknown> = import.meta.env, served = servedSignIn()): OidcConfig | null {
  if (served && typeof served.authority === 'string' && typeof served.clientId === 'string') {
    const scope = typeof served.scope === 'string' && served.scope.trim() ? served.scope.trim() : 'openid profile';
    return { authority: served.authority.replace(/\/+$/, ''), clientId: served.clientId, scope };
  }
  const authority = typeof env.VITE_OIDC_AUTHORITY === 'string' ? env.VITE_OIDC_AUTHORITY.trim() : '';
  const clientId = typeof env.VITE_OIDC_CLIENT_ID === 'string' ? env.VITE_OIDC_CLIENT_ID.trim() : '';
  if (!authority || !clientId) return null;
  const scope = typeof env.VITE_OIDC_SCOPE === 'string' && env.VITE_OIDC_SCOPE.trim() ? env.VITE_OIDC_SCOPE.trim() : 'openid profile';
  return { authority: authority.replace(/\/+$/, ''), clientId, scope };
}

export function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A high-entropy random string in the PKCE verifier alphabet (43 characters for 32 bytes). */
export function randomToken(bytes = 32): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** The S256 code challenge: BASE64URL(SHA-256(verifier)). */
export async function codeChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

export function authorizationUrl(
  endpoint: string,
  p: { clientId: string; redirectUri: string; scope: string; state: string; challenge: string },
): string {
  const url = new URL(endpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', p.clientId);
  url.searchParams.set('redirect_uri', p.redirectUri);
  url.searchParams.set('scope', p.scope);
  url.searchParams.set('state', p.state);
  url.searchParams.set('code_challenge', p.challenge);
  url.searchParams.set('code_challenge_method', 'S256');
  return url.toString();
}

export function tokenRequestBody(p: { code: string; verifier: string; clientId: string; redirectUri: string }): URLSearchParams {
  return new URLSearchParams({
    grant_type: 'authorization_code',
    code: p.code,
    code_verifier: p.verifier,
    client_id: p.clientId,
    redirect_uri: p.redirectUri,
  });
}

/** The sign-in page is the redirect URI: it finishes the exchange when the provider sends the user back. */
export function redirectUri(): string {
  return `${window.location.origin}/personal/logga-in`;
}

// The provider is not our API, so the generated client has no operations for it: plain fetch.
export async function discover(authority: string, fetcher: typeof fetch = fetch): Promise<OidcEndpoints> {
  const response = await fetcher(`${authority}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`discovery ${response.status}`);
  const doc = (await response.json()) as Partial<OidcEndpoints>;
  if (!doc.authorization_endpoint || !doc.token_endpoint) throw new Error('discovery incomplete');
  return { authorization_endpoint: doc.authorization_endpoint, token_endpoint: doc.token_endpoint };
}

/** Remembers verifier, state and the return path for this tab, and gives the provider's URL to go to. */
export async function beginSignIn(config: OidcConfig, returnTo: string, fetcher: typeof fetch = fetch): Promise<string> {
  const endpoints = await discover(config.authority, fetcher);
  const verifier = randomToken(32);
  const state = randomToken(16);
  sessionStorage.setItem(pendingKey, JSON.stringify({ verifier, state, returnTo }));
  return authorizationUrl(endpoints.authorization_endpoint, {
    clientId: config.clientId,
    redirectUri: redirectUri(),
    scope: config.scope,
    state,
    challenge: await codeChallenge(verifier),
  });
}

export type Completion = { tokens: OidcTokens; returnTo: string } | { error: 'state' | 'provider' | 'exchange'; detail?: string };

/**
 * Finishes a sign-in when the provider has sent the user back with `code` and `state`.
 * Null when the address carries no answer from the provider.
 */
export async function completeSignIn(config: OidcConfig, params: URLSearchParams, fetcher: typeof fetch = fetch): Promise<Completion | null> {
  const code = params.get('code');
  const error = params.get('error');
  if (!code && !error) return null;
  const raw = sessionStorage.getItem(pendingKey);
  sessionStorage.removeItem(pendingKey);
  const pending = raw ? (JSON.parse(raw) as { verifier: string; state: string; returnTo: string }) : null;
  if (error) return { error: 'provider', detail: params.get('error_description') ?? error };
  if (!pending || pending.state !== params.get('state')) return { error: 'state' };
  try {
    const endpoints = await discover(config.authority, fetcher);
    const response = await fetcher(endpoints.token_endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: tokenRequestBody({ code: code!, verifier: pending.verifier, clientId: config.clientId, redirectUri: redirectUri() }),
    });
    if (!response.ok) return { error: 'exchange', detail: `HTTP ${response.status}` };
    const body = (await response.json()) as { access_token?: string; expires_in?: number };
    if (!body.access_token) return { error: 'exchange' };
    return { tokens: { accessToken: body.access_token, expiresIn: body.expires_in }, returnTo: pending.returnTo };
  } catch (e) {
    return { error: 'exchange', detail: e instanceof Error ? e.message : undefined };
  }
}
