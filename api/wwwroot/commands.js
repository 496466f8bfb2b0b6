// Function commands: Remind me in 24 h / 48 h (read) and Remind me if no reply (compose). Each ends with event.completed().
import { connect } from './js/connect.js';
import { restIdOf, markRemindIfNoReply, notify } from './js/host.js';
import { when } from './js/time.js';

let connection;
const api = async () => (connection ??= connect({ inOffice: true, supportsNaa: () => !!Office.context.requirements?.isSetSupported?.('NestedAppAuth', '1.1') })).then(c => c.api);

export async function remind(event, hours) {
  const item = Office.context.mailbox.item;
  try {
    const reminder = await (await api()).post('/api/reminders', {
      messageId: restIdOf(item), internetMessageId: item.internetMessageId || undefined, afterHours: hours,
    });
    await notify(item, `Follow-ups will remind you ${when(reminder.remindAt)} if no one replies.`);
  } catch (error) {
    await notify(item, `The reminder was not set: ${error.title ?? error.message}`, true);
  } finally {
    event.completed();
  }
}

/** Remind me if no reply (compose): marks the draft with the followupRemind custom property, never a header. */
export async function markCompose(event, hours = 48) {
  const item = Office.context.mailbox.item;
  try {
    await markRemindIfNoReply(item, hours);
    await notify(item, `Follow-ups will remind you ${hours} h after you send this if nobody replies.`);
  } catch (error) {
    await notify(item, `This message was not marked for a reminder: ${error.message || 'Outlook refused the change.'}`, true);
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate('remindIn24h', event => remind(event, 24));
  Office.actions.associate('remindIn48h', event => remind(event, 48));
  Office.actions.associate('markRemindIfNoReply', event => markCompose(event, 48));
});
