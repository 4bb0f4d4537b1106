/** What the bell counts: the user's unread in-app notices (robot copies are the units' group chats'). */
export const UNREAD_IN_APP = { unread: true, channel: 'in_app' };

/** How often the bell and its open drop-down ask again: often enough that a dispatch is seen within seconds. */
export const BELL_POLL_MS = 10_000;

/** How many notices the drop-down shows; the rest are one "see all" away. */
export const BELL_LATEST = 8;

/** The notifications list filtered to the unread ones, where "see all" leads. */
export const UNREAD_LIST_PATH = `/notifications?filter=${encodeURIComponent(JSON.stringify(UNREAD_IN_APP))}`;
