// Config, sign-in and the API client together: what both the pane and the function commands start with.
import { createApi, ApiError } from './api.js';
import { createAuth } from './auth.js';

export async function connect(host) {
  let config;
  try {
    const response = await fetch('/api/config', { headers: { Accept: 'application/json' } });
    // An API without /api/config is a local-mode API from before it existed: no sign-in.
    config = response.ok ? await response.json() : response.status === 404 ? { localMode: true } : null;
    if (!config) throw new ApiError(response.status);
  } catch (error) {
    throw error instanceof ApiError ? error : new ApiError(0, { detail: 'Check your connection and try again.' });
  }
  const auth = createAuth(config, host);
  return { config, auth, api: createApi(auth) };
}
