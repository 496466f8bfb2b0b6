// Sign-in for the API: none in local mode; nested app authentication (MSAL, served by the API) inside Outlook;
// legacy Office SSO where NAA is not supported. Only the API's own scope is ever requested.
import { t } from './i18n.js';

/** A sign-in problem said in the pane's words (title and detail, like an ApiError); retry is false when trying again cannot help. */
export class SignInError extends Error {
  constructor(title, detail = '', { retry = true } = {}) {
    super(title);
    this.title = title;
    this.detail = detail;
    this.retry = retry;
  }
}

let msalLoad;

/** msal-browser is a UMD bundle copied into /lib by the build; loaded only when a token is needed. */
function loadMsal() {
  msalLoad ??= new Promise((resolve, reject) => {
    if (window.msal) { resolve(window.msal); return; }
    // A server published without it (npm ci never ran) answers 404: the administrator can fix that, the user cannot.
    const missing = () => new SignInError(t('auth.unavailable'), t('auth.libraryMissing'), { retry: false });
    const script = document.createElement('script');
    script.src = '/lib/msal-browser.min.js';
    script.onload = () => (window.msal ? resolve(window.msal) : reject(missing()));
    script.onerror = () => reject(missing());
    document.head.append(script);
  });
  return msalLoad;
}

const noAuth = { token: async () => null, challenge: async () => false, mode: 'local' };

/** config: GET /api/config. host: host.js. */
export function createAuth(config, host) {
  if (!config || config.localMode) return noAuth;
  const scopes = [config.apiScope];
  if (host.inOffice && host.supportsNaa()) return naaAuth(config, scopes);
  if (host.inOffice) return officeSsoAuth();
  return {
    mode: 'none',
    // A plain browser has no Outlook account to sign in with: say where the pane works, and call nothing.
    token: async () => { throw new SignInError(t('auth.outlookTitle'), t('auth.openFromOutlook'), { retry: false }); },
    challenge: async () => false,
  };
}

/** The signed-in Outlook user's UPN, as a login hint for MSAL; '' when the host cannot say. */
async function loginHint() {
  try {
    return (await Office.auth.getAuthContext?.())?.userPrincipalName ?? '';
  } catch {
    return '';
  }
}

/**
 * Microsoft's NAA pattern: the login hint from Office.auth.getAuthContext(); acquireTokenSilent with the cached account;
 * else ssoSilent with the hint (the host's session); only then a popup. Each success sets the active account.
 */
function naaAuth(config, scopes) {
  let pcaPromise;
  const pca = () => (pcaPromise ??= loadMsal().then(msal =>
    msal.createNestablePublicClientApplication({ auth: { clientId: config.clientId, authority: config.authority } })));
  let pending = null; // set by a 401 challenge: the next token() is interactive, with these claims
  let hintOnce; // the signed-in Outlook user does not change while the pane is open: ask the host once

  const signedIn = (app, result) => {
    if (result?.account) app.setActiveAccount(result.account);
    return result.accessToken;
  };

  function cachedAccount(app, hint) {
    const active = app.getActiveAccount();
    if (active) return active;
    if (!hint) return null;
    const lower = hint.toLowerCase();
    return app.getAllAccounts().find(a => String(a.username ?? '').toLowerCase() === lower) ?? null;
  }

  return {
    mode: 'naa',
    async token() {
      const app = await pca();
      const hint = await (hintOnce ??= loginHint());
      const withHint = hint ? { loginHint: hint } : {};
      if (pending) {
        const { claims } = pending;
        pending = null;
        return signedIn(app, await app.acquireTokenPopup({ scopes, ...withHint, ...(claims ? { claims } : {}) }));
      }
      const account = cachedAccount(app, hint);
      if (account) {
        try {
          return signedIn(app, await app.acquireTokenSilent({ scopes, account }));
        } catch {
          // Expired or revoked: the host's session may still serve one silently.
        }
      }
      try {
        return signedIn(app, await app.ssoSilent({ scopes, ...withHint }));
      } catch {
        // First use (consent) or no session in the host: ask the user once, in a popup.
      }
      return signedIn(app, await app.acquireTokenPopup({ scopes, ...withHint }));
    },
    // The API said 401: the next token() asks interactively, passing the claims (MFA, conditional access) along.
    async challenge(claims) {
      pending = { claims: claims || '' };
      return true;
    },
  };
}

function officeSsoAuth() {
  let authChallenge = '';
  return {
    mode: 'office-sso',
    token: () => new Promise((resolve, reject) => {
      const options = { allowSignInPrompt: true, allowConsentPrompt: true, ...(authChallenge ? { authChallenge } : {}) };
      authChallenge = '';
      Office.auth.getAccessToken(options).then(resolve, error => reject(new SignInError(t('auth.failed', { code: error?.code ?? '?' }))));
    }),
    async challenge(claims) {
      if (!claims) return false;
      authChallenge = claims;
      return true;
    },
  };
}
