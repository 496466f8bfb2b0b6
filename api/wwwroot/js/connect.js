// Config, sign-in and the API client together: what both the pane and the function commands start with.
import { createApi, ApiError } from './api.js';
import { createAuth } from './auth.js';
import { t } from './i18n.js';

export async function connect(host) {
  let config;
  try {
    const response = await fetch('/api/config', { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new ApiError(response.status);
    config = await response.json();
  } catch (error) {
    throw error instanceof ApiError ? error : new ApiError(0, { detail: t('api.checkConnection') });
  }
  const auth = createAuth(config, host);
  return { config, auth, api: createApi(auth) };
}
