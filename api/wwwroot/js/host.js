// Where the pane runs: inside Outlook (office.js answered with a host) or in a plain browser against local mode.

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
  return { inOffice: false, item: () => null, userName: () => '', supportsNaa: () => false, onItemChanged() {} };
}

function mailbox() { return Office.context.mailbox; }

/** iOS and Android hand out REST ids already; everywhere else item ids are EWS ids (DESIGN.md). */
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
    supportsNaa: () => !!Office.context.requirements?.isSetSupported?.('NestedAppAuth', '1.1'),
    /** Opens a message from the REST id the API stores: displayMessageForm wants an EWS id. */
    openMessage(restId) {
      mailbox().displayMessageForm(isMobile() ? restId : mailbox().convertToEwsId(restId, Office.MailboxEnums.RestVersion.v2_0));
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
    if (result?.status === Office.AsyncResultStatus.Failed) reject(new Error(result.error?.message ?? 'Outlook refused the change.'));
    else resolve(result?.value);
  }));
}

/** Marks a draft so that the sync tracks its sent copy: an x- header (Mailbox 1.8), else a custom property. */
export async function markRemindIfNoReply(item, hours = 48) {
  if (Office.context.requirements?.isSetSupported?.('Mailbox', '1.8') && item.internetHeaders) {
    await officeCall(cb => item.internetHeaders.setAsync({ 'x-followup-remind': String(hours) }, cb));
    return 'header';
  }
  const props = await officeCall(cb => item.loadCustomPropertiesAsync(cb));
  props.set('followupRemind', String(hours));
  await officeCall(cb => props.saveAsync(cb));
  return 'property';
}

/** Shows a short result on the item (150 characters at most, per Outlook). */
export function notify(item, text, isError = false) {
  const message = text.length > 150 ? `${text.slice(0, 149)}…` : text;
  const details = isError
    ? { type: Office.MailboxEnums.ItemNotificationMessageType.ErrorMessage, message }
    : { type: Office.MailboxEnums.ItemNotificationMessageType.InformationalMessage, message, icon: 'Icon.16', persistent: false };
  return officeCall(cb => item.notificationMessages.replaceAsync('followup', details, cb)).catch(() => {});
}
