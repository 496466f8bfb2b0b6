// Sign-in for the API: none in local mode; nested app authentication (MSAL, served by the API) inside Outlook;
// legacy Office SSO where NAA is not supported. Only the API's own scope is ever requested.

let msalLoad;

/** msal-browser is a UMD bundle copied into /lib by the build; loaded only when a token is needed. */
function loadMsal() {
  msalLoad ??= new Promise((resolve, reject) => {
    if (window.msal) { resolve(window.msal); return; }
    const script = document.createElement('script');
    script.src = '/lib/msal-browser.min.js';
    script.onload = () => (window.msal ? resolve(window.msal) : reject(new Error('msal-browser did not load')));
    script.onerror = () => reject(new Error('msal-browser is not served: run npm ci before building the API'));
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
    token: async () => { throw new Error('Open Follow-ups from Outlook to sign in.'); },
    challenge: async () => false,
  };
}

function naaAuth(config, scopes) {
  let pcaPromise;
  const pca = () => (pcaPromise ??= loadMsal().then(msal =>
    msal.createNestablePublicClientApplication({ auth: { clientId: config.clientId, authority: config.authority } })));
  let pending = null; // set by a 401 challenge: the next token() is interactive, with these claims

  async function interactive(claims) {
    const app = await pca();
    const result = await app.acquireTokenPopup({ scopes, ...(claims ? { claims } : {}) });
    return result.accessToken;
  }

  return {
    mode: 'naa',
    async token() {
      const app = await pca();
      if (pending) {
        const { claims } = pending;
        pending = null;
        return interactive(claims);
      }
      try {
        return (await app.acquireTokenSilent({ scopes, account: app.getActiveAccount?.() ?? undefined })).accessToken;
      } catch {
        // Silent fails on first use (consent) or after the session expired: ask the user once, in a popup.
        return interactive('');
      }
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
      Office.auth.getAccessToken(options).then(resolve, error => reject(new Error(`Sign-in failed (${error?.code ?? 'unknown'}).`)));
    }),
    async challenge(claims) {
      if (!claims) return false;
      authChallenge = claims;
      return true;
    },
  };
}
