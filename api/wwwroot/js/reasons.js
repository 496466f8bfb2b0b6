// The reason under each row, in the reader's language. The API writes it in English from the rule engine's facts
// (api/FollowUps/ReasonText.cs); the pane reads those facts back from its fixed sentences and says them again with
// whole translated messages. A reason with a sentence this file does not know is shown as the API wrote it.
import { t, list, language, sentence } from './i18n.js';
import { ago, when as dateTime } from './time.js';

const AGE = String.raw`(?<count>\d+) (?<unit>hours?|days?)(?: \((?<hours>\d+) working hours\))? ago`;
// What the message asked (rule 9's kinds), as ReasonText says it instead of "wrote to"; "wrote" when it does not say.
const KINDS = ['question', 'request', 'proposal', 'review', 'signature', 'date', 'update'];
const THEIRS_VERBS = {
  wrote: 'wrote to .+?', question: 'asked .+? a question', request: 'sent .+? a request', proposal: 'made .+? a proposal',
  review: 'asked .+? for a review', signature: 'asked .+? for a signature', date: 'asked .+? to pick a date', update: 'asked .+? for an update',
};
const MINE_VERBS = {
  wrote: 'wrote to you', question: 'asked you a question', request: 'sent you a request', proposal: 'made you a proposal',
  review: 'asked you for a review', signature: 'asked you for a signature', date: 'asked you to pick a date', update: 'asked you for an update',
};
const either = verbs => Object.entries(verbs).map(([kind, words]) => `(?<${kind}>${words})`).join('|');
const THEIRS = new RegExp(String.raw`^(?:Not delivered to .+?: a delivery failure report came back\. )?You (?:${either(THEIRS_VERBS)}) ${AGE}; no reply since\.`);
const MINE = new RegExp(String.raw`^.+? (?:${either(MINE_VERBS)}) ${AGE}; you have not replied\.`);
const VIA_LIST = ' It came through a mailing list, but you took part in this thread.';
const NUDGES = /^ That was your (\d+)(?:st|nd|rd|th) follow-up\./;
const EVERYONE = ' Everyone replied earlier in the thread.';
const GROUP = /^ (.+?) replied earlier; still waiting on (.+?)\.(?= |$)/;
const ROUTED = /^ (.+?)\.(?= |$)/;
const HOLD = /^ You meet .+\.$/;
const TAIL = [
  [/^ (\d+) automatic repl(?:y|ies) \(such as out-of-office\) did not count as an answer\./, 'reason.autoReplies'],
  [/^ (\d+) delivery reports? ignored\./, 'reason.deliveryReports'],
  [/^ (\d+) build or tracker updates? did not count as (?:a reply|replies)\./, 'reason.listUpdates'],
];

const nameOf = p => p?.name?.trim() || p?.address || '';

/** "Ana", "Ana and Ben", "Ana and 2 others": as ReasonText names people, in the reader's language. */
function names(people) {
  if (people.length === 0) return t('reason.someone');
  if (people.length <= 2) return list(people.map(nameOf));
  return t('reason.nameAndOthers', { name: nameOf(people[0]), count: people.length - 1 });
}

/** ReasonText's "Ana", "Ana and Bob", "Ana and 2 others" read back; null when the text does not have that shape. */
function namesFromText(text) {
  const others = /^(.+) and (\d+) others$/.exec(text);
  if (others) return t('reason.nameAndOthers', { name: others[1], count: Number(others[2]) });
  const pair = /^(.+) and (.+)$/.exec(text);
  return pair ? list([pair[1], pair[2]]) : text;
}

/** How many people a ReasonText name list stands for ("Ana and 2 others": 3). */
function countFromText(text) {
  const others = /^(.+) and (\d+) others$/.exec(text);
  if (others) return Number(others[2]) + 1;
  return / and /.test(text) ? 2 : 1;
}

/** Group by a key, keeping the order of first appearance. */
function groupBy(items, key) {
  const groups = new Map();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups.values()];
}

/**
 * Who answered how in a group thread where some answered another way (the row's `answered`: a colleague, Teams, a
 * meeting), said from the row's facts: the English sentence joins them with semicolons, the pane says each alone.
 */
function routeSentences(thread) {
  const answered = thread.answered ?? [];
  const sentences = [];
  if (thread.replied?.length) sentences.push({ kind: 'group', text: t('reason.repliedEarlier', { names: names(thread.replied) }) });
  for (const group of groupBy(answered.filter(a => a.route === 'colleague' && a.by), a => a.by.address)) {
    sentences.push({ kind: 'routes', text: sentence(t('route.colleague', { name: nameOf(group[0].by), names: names(group) })) });
  }
  const teams = answered.filter(a => a.route === 'teams');
  if (teams.length) sentences.push({ kind: 'routes', text: t('reason.answeredTeams', { names: names(teams) }) });
  for (const group of groupBy(answered.filter(a => a.route === 'meeting'), a => a.at)) {
    sentences.push({ kind: 'routes', text: sentence(t('route.met', { names: names(group), when: dateTime(group[0].at) })) });
  }
  if (thread.waitingOn?.length) sentences.push({ kind: 'group', text: t('reason.stillWaiting', { names: names(thread.waitingOn) }) });
  return sentences;
}

/** The ladder's sentences ("That was your 2nd follow-up.", who answered in a group) from the start of rest. */
function ladder(rest, thread, sentences) {
  const nudges = NUDGES.exec(rest);
  if (nudges) {
    sentences.push({ kind: 'nudges', text: t('reason.nudges', { ordinal: Number(nudges[1]) }) });
    rest = rest.slice(nudges[0].length);
  }
  const routed = thread.answered?.length ? ROUTED.exec(rest) : null;
  if (routed && /answered (?:in Teams|for )|[Yy]ou met /.test(routed[1])) {
    sentences.push(...routeSentences(thread));
    return rest.slice(routed[0].length);
  }
  if (rest.startsWith(EVERYONE)) {
    sentences.push({ kind: 'group', text: t('reason.everyoneReplied') });
    return rest.slice(EVERYONE.length);
  }
  const group = GROUP.exec(rest);
  if (group) {
    // The row's replied / waitingOn lists name the same people; the text is the fallback when a row lacks them.
    const replied = thread.replied?.length ? names(thread.replied) : namesFromText(group[1]);
    const waiting = thread.waitingOn?.length ? names(thread.waitingOn) : namesFromText(group[2]);
    const count = thread.replied?.length || countFromText(group[1]);
    sentences.push({ kind: 'group', text: t('reason.groupWaiting', { replied, waiting, count }) });
    rest = rest.slice(group[0].length);
  }
  return rest;
}

/**
 * The reason's sentences in the reader's language, each with its kind: notDelivered, head (who and how long),
 * workingHours, viaList, nudges, group (who replied, who is still waited on), routes (who answered another way), tail
 * (replies and reports that did not count), hold (a meeting ahead). Null when part of it is not
 * understood here.
 */
function sentencesOf(thread, people) {
  const direction = thread.direction === 'mine' ? 'mine' : 'theirs';
  const match = (direction === 'mine' ? MINE : THEIRS).exec(thread.reason);
  if (!match) return null;
  const { count, unit, hours: workingHours } = match.groups;
  const kind = KINDS.find(k => match.groups[k]);
  const key = kind ? `reason.${direction}.${kind}` : `reason.${direction}`;
  let rest = thread.reason.slice(match[0].length);
  const sentences = [];
  const bounced = thread.notDelivered ?? [];
  if (direction === 'theirs' && bounced.length) sentences.push({ kind: 'notDelivered', text: t('reason.notDelivered', { names: names(bounced) }) });
  const when = ago(Number(count), unit.startsWith('hour') ? 'hour' : 'day');
  sentences.push({
    kind: 'head',
    text: direction === 'mine'
      ? t(key, { name: names(people.slice(0, 1)), ago: when })
      : t(key, { names: names(people), ago: when }),
  });
  if (workingHours) sentences.push({ kind: 'workingHours', text: t('reason.workingHours', { count: Number(workingHours) }) });
  if (direction === 'mine' && rest.startsWith(VIA_LIST)) {
    sentences.push({ kind: 'viaList', text: t('reason.viaList') });
    rest = rest.slice(VIA_LIST.length);
  }
  if (direction === 'theirs') rest = ladder(rest, thread, sentences);
  for (const [pattern, key] of TAIL) {
    const tail = pattern.exec(rest);
    if (!tail) continue;
    sentences.push({ kind: 'tail', text: t(key, { count: Number(tail[1]) }) });
    rest = rest.slice(tail[0].length);
  }
  if (thread.hold?.meetings?.length && HOLD.test(rest)) {
    // A meeting ahead holds the thread: said from the row's hold, in the reader's zone.
    for (const meeting of thread.hold.meetings) {
      sentences.push({ kind: 'hold', text: t('reason.meetingAhead', { names: names(meeting.with ?? []), when: dateTime(meeting.start) }) });
    }
    rest = '';
  }
  return rest.trim() ? null : sentences;
}

/**
 * { text, lang }: the reason in the reader's language, without the kinds of sentence in <paramref name="shown"/> (what
 * the row says elsewhere, e.g. head for the names and age); '' when nothing is left. lang is 'en' when the API's own
 * sentence is shown, whole, because part of it is not understood here.
 */
export function reasonText(thread, people, shown = new Set()) {
  if (!thread.reason) return { text: '', lang: null };
  const sentences = sentencesOf(thread, people);
  if (!sentences) return { text: thread.reason, lang: language() === 'en' ? null : 'en' };
  return { text: sentences.filter(s => !shown.has(s.kind)).map(s => s.text).join(' '), lang: null };
}
