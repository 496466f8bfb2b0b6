// Function commands: Remind me in 24 h / 48 h (read) and Remind me if no reply (compose). Each ends with event.completed().
import { connect } from './js/connect.js';
import { restIdOf, markRemindIfNoReply, notify } from './js/host.js';
import { when } from './js/time.js';
import { t, setLanguage } from './js/i18n.js';

let connection;
const api = async () => (connection ??= connect({ inOffice: true, supportsNaa: () => !!Office.context.requirements?.isSetSupported?.('NestedAppAuth', '1.1') })).then(c => c.api);

export async function remind(event, hours) {
  const item = Office.context.mailbox.item;
  try {
    const reminder = await (await api()).post('/api/reminders', {
      messageId: restIdOf(item), internetMessageId: item.internetMessageId || undefined, afterHours: hours,
    });
    await notify(item, t('command.reminded', { when: when(reminder.remindAt) }));
  } catch (error) {
    await notify(item, t('command.notSet', { reason: error.title ?? error.message }), true);
  } finally {
    event.completed();
  }
}

/** Remind me if no reply (compose): marks the draft with the followupRemind custom property, never a header. */
export async function markCompose(event, hours = 48) {
  const item = Office.context.mailbox.item;
  try {
    await markRemindIfNoReply(item, hours);
    await notify(item, t('command.marked', { count: hours }));
  } catch (error) {
    await notify(item, t('command.notMarked', { reason: error.message || t('outlookRefused') }), true);
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  setLanguage(Office.context?.displayLanguage || navigator.language);
  Office.actions.associate('remindIn24h', event => remind(event, 24));
  Office.actions.associate('remindIn48h', event => remind(event, 48));
  Office.actions.associate('markRemindIfNoReply', event => markCompose(event, 48));
});
