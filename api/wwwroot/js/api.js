// The API client: JSON in and out, ProblemDetails as ApiError, and one retry after a 401 challenge the user answered.
// The API's ProblemDetails are English; the pane's own fallbacks are in the reader's language.
import { t } from './i18n.js';

export class ApiError extends Error {
  constructor(status, problem = {}) {
    super(problem.title || t('api.failed', { status }));
    this.status = status;
    this.title = problem.title || defaultTitle(status);
    this.detail = problem.detail || '';
    this.errors = problem.errors || {};
  }
}

function defaultTitle(status) {
  if (status === 0) return t('api.unreachable');
  if (status === 401 || status === 403) return t('api.signIn');
  if (status === 404) return t('api.notFound');
  if (status >= 500) return t('api.serverProblem');
  return t('api.notAccepted');
}

async function readProblem(response) {
  try {
    const body = await response.json();
    return typeof body === 'object' && body ? body : {};
  } catch {
    return {};
  }
}

/** The claims of a `WWW-Authenticate: Bearer ... claims="<base64>"` challenge, decoded; '' when it names none. */
export function challengeClaims(header) {
  const match = /claims="([^"]+)"/.exec(header ?? '');
  if (!match) return '';
  try { return atob(match[1]); } catch { return ''; }
}

/**
 * auth: { token(): Promise<string|null>, challenge(claims): Promise<boolean> } — see auth.js.
 * Tokens go in the header only; they are never logged or shown.
 */
export function createApi(auth, base = '') {
  async function call(method, path, body, retried = false) {
    const headers = { Accept: 'application/json' };
    const token = await auth.token();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response;
    try {
      response = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      throw new ApiError(0, { detail: t('api.checkConnection') });
    }
    if (response.status === 401 && !retried) {
      const claims = challengeClaims(response.headers.get('WWW-Authenticate'));
      if (await auth.challenge(claims)) return call(method, path, body, true);
    }
    if (!response.ok) throw new ApiError(response.status, await readProblem(response));
    return response.status === 204 ? null : response.json();
  }

  return {
    get: path => call('GET', path),
    post: (path, body) => call('POST', path, body),
    put: (path, body) => call('PUT', path, body),
    patch: (path, body) => call('PATCH', path, body),
    del: path => call('DELETE', path),
  };
}
