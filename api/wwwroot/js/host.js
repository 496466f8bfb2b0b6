// Where the pane runs: inside Outlook (office.js answered with a host) or in a plain browser against local mode.
import { t } from './i18n.js';

/** Resolves once office.js says where we are; a page without office.js (offline laptop) is a plain browser. */
export async function detectHost(timeoutMs = 4000) {
  if (!window.Office?.onReady) return browserHost();
  const info = await Promise.race([
    Office.onReady().catch(() => null),
    new Promise(resolve => setTimeout(() => resolve(null), timeoutMs)),
  ]);
  return info?.host && Office.context?.mailbox ? officeHost() : browserHost();
}

function browserHost() {
  return {
    inOffice: false, item: () => null, userName: () => '', displayLanguage: () => '', supportsNaa: () => false, onItemChanged() {},
    openUrl: url => { window.open(url, '_blank', 'noopener'); },
  };
}

function mailbox() { return Office.context.mailbox; }

/** iOS and Android hand out REST ids already; everywhere else item ids are EWS ids (docs/architecture.md). */
export function isMobile() {
  const host = mailbox().diagnostics?.hostName ?? '';
  const platform = String(Office.context.platform ?? Office.context.diagnostics?.platform ?? '');
  return /OutlookIOS|OutlookAndroid/i.test(host) || /^(iOS|Android)$/i.test(platform);
}

/** The REST (Graph) id of a read item: what the API speaks. */
export function restIdOf(item) {
  if (!item?.itemId) return null;
  return isMobile() ? item.itemId : mailbox().convertToRestId(item.itemId, Office.MailboxEnums.RestVersion.v2_0);
}

/** A read item has an itemId; a compose item does not (until saved) and has no displayReplyAllForm. */
export function isCompose(item) {
  return !!item && typeof item.displayReplyAllForm !== 'function';
}

function officeHost() {
  return {
    inOffice: true,
    item: () => mailbox().item ?? null,
    userName: () => mailbox().userProfile?.displayName ?? '',
    /** Outlook's UI language ("it-IT"): the pane speaks it when it is one of its five. */
    displayLanguage: () => Office.context.displayLanguage ?? '',
    supportsNaa: () => !!Office.context.requirements?.isSetSupported?.('NestedAppAuth', '1.1'),
    /** Opens a message from the REST id the API stores: displayMessageForm wants an EWS id. */
    openMessage(restId) {
      mailbox().displayMessageForm(isMobile() ? restId : mailbox().convertToEwsId(restId, Office.MailboxEnums.RestVersion.v2_0));
    },
    /** A link outside the add-in (a Teams chat) in the user's browser; window.open where Outlook has no openBrowserWindow. */
    openUrl(url) {
      if (typeof Office.context.ui?.openBrowserWindow === 'function') Office.context.ui.openBrowserWindow(url);
      else window.open(url, '_blank', 'noopener');
    },
    replyAll(item, htmlBody) {
      item.displayReplyAllForm({ htmlBody });
    },
    /** Pinned panes stay open while the selection changes; the new item may be null (nothing selected). */
    onItemChanged(handler) {
      mailbox().addHandlerAsync?.(Office.EventType.ItemChanged, () => handler(mailbox().item ?? null));
    },
  };
}

/** Settles an Office callback-style call as a promise. */
export function officeCall(fn) {
  return new Promise((resolve, reject) => fn(result => {
    if (result?.status === Office.AsyncResultStatus.Failed) reject(new Error(result.error?.message ?? t('outlookRefused')));
    else resolve(result?.value);
  }));
}

/** The custom property the sync reads on the sent copy (never an x- header: that would travel to every recipient). */
export const REMIND_PROPERTY = 'followupRemind';

/** The property's value: whole hours as a string ("24", "48"), or an ISO-8601 instant for a picked date. */
export function remindValue(choice) {
  if (choice instanceof Date) {
    if (Number.isNaN(choice.getTime())) throw new Error(t('compose.badDate'));
    return choice.toISOString();
  }
  const hours = Number(choice);
  if (!Number.isInteger(hours) || hours < 1) throw new Error(t('compose.badHours', { value: choice }));
  return String(hours);
}

async function customProperties(item) {
  if (typeof item?.loadCustomPropertiesAsync !== 'function') {
    throw new Error(t('compose.unsupported'));
  }
  return officeCall(cb => item.loadCustomPropertiesAsync(cb));
}

/** Marks a draft so that the sync tracks its sent copy: the followupRemind custom property, saved with the item. */
export async function markRemindIfNoReply(item, choice = 48) {
  const value = remindValue(choice);
  const props = await customProperties(item);
  props.set(REMIND_PROPERTY, value);
  await officeCall(cb => props.saveAsync(cb));
  return value;
}

/** The draft's current mark ("48", an ISO date) or null. */
export async function readRemindMark(item) {
  const props = await customProperties(item);
  return props.get?.(REMIND_PROPERTY) ?? null;
}

/** Takes the mark off the draft again. */
export async function clearRemindMark(item) {
  const props = await customProperties(item);
  props.remove(REMIND_PROPERTY);
  await officeCall(cb => props.saveAsync(cb));
}

/** Shows a short result on the item (150 characters at most, per Outlook). */
export function notify(item, text, isError = false) {
  const message = text.length > 150 ? `${text.slice(0, 149)}…` : text;
  const details = isError
    ? { type: Office.MailboxEnums.ItemNotificationMessageType.ErrorMessage, message }
    : { type: Office.MailboxEnums.ItemNotificationMessageType.InformationalMessage, message, icon: 'Icon.16', persistent: false };
  return officeCall(cb => item.notificationMessages.replaceAsync('followup', details, cb)).catch(() => {});
}
