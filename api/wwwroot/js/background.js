// What the API says about work done while the pane is closed: a sign-in that expired or a permission that is missing
// stops reminders from coming due, and the user is the only one who can fix it. Codes this pane does not know yet
// still get a clear sentence, and the code itself for the administrator.
import { t } from './i18n.js';

const SIGN_IN = /token|sign_?in|signin|consent|interaction|login|expired|unauthori[sz]ed/i;
const PERMISSION = /denied|forbidden|permission|access|_403$/i;
// Graph or the network failing for a while (graph_servererror, graph_circuitopen, graph_http_503, sync_failed…): waiting fixes it.
const OUTAGE = /^graph_|unavailable|throttl|timeout|network|outage|sync_failed/i;

/** { title, detail, action, severity, code? } for a lastErrorCode such as graph_token_rejected or token_expired. */
export function backgroundProblem(problem, localMode) {
  const code = String(problem.code ?? '');
  if (SIGN_IN.test(code)) {
    return localMode
      ? { title: t('problem.tokenTitle'), detail: t('problem.tokenLocal'), action: null, severity: 'error' } // retrying cannot help
      : { title: t('problem.signInTitle'), detail: t('problem.signIn'), action: t('problem.signInAction'), severity: 'error' };
  }
  if (PERMISSION.test(code)) return { title: t('problem.permissionTitle'), detail: t('problem.permission'), action: t('tryAgain'), severity: 'error', code };
  if (OUTAGE.test(code)) return null; // the stale banner says it: Outlook could not be reached, the list may be old
  return { title: t('problem.unknownTitle'), detail: t('problem.unknown'), action: t('tryAgain'), severity: 'warning', code };
}

/** Why the last background sync failed, when the API says: lastErrorCode today; an object with a code is read too. */
export function problemOf(body) {
  const raw = body.backgroundError ?? body.lastError ?? body.lastErrorCode ?? null;
  if (!raw) return null;
  return { code: typeof raw === 'string' ? raw : String(raw.code ?? raw.errorCode ?? 'unknown') };
}
