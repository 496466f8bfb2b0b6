// What the pane loads: every page of both thread lists, and every reminder with its state.

const MAX_PAGES = 10;

/** Both directions, every page (the API pages by 50 by default; the counts need them all). */
export async function fetchThreads(api, sync) {
  const query = 'direction=all&top=200';
  const first = sync ? await api.post(`/api/threads/sync?${query}`) : await api.get(`/api/threads?${query}`);
  const threads = [...(first.threads ?? [])];
  let cursor = first.nextCursor;
  for (let page = 1; cursor && page < MAX_PAGES; page++) {
    const next = await api.get(`/api/threads?${query}&cursor=${encodeURIComponent(cursor)}`);
    threads.push(...(next.threads ?? []));
    cursor = next.nextCursor;
  }
  return { ...first, threads };
}

/** Every reminder with its state (GET /api/reminders); null when this server has none, so the section stays hidden. */
export async function fetchReminders(api) {
  try {
    return (await api.get('/api/reminders')).reminders ?? [];
  } catch {
    return null; // the thread list still shows; the card says when reminders are unavailable
  }
}
