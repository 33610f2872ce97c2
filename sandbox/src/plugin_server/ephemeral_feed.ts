/** One delivery of an ephemeral post: `posted` for a new post, `edited` for a replacement. */
export interface EphemeralEvent {
    seq: number;
    event: 'posted' | 'edited';
    post: {id: string; [field: string]: unknown};
}

/** How many events the feed keeps; older ones are dropped, so a slow page may miss some. */
const maxEvents = 1000;

/**
 * The ephemeral posts the server part sent, per user, in delivery order. The server sends
 * them over the user's websockets; the sandbox has none, so the host page polls this feed.
 */
export class EphemeralFeed {
    private events: Array<EphemeralEvent & {userId: string}> = [];
    private lastSeq = 0;

    add(userId: string, event: EphemeralEvent['event'], post: EphemeralEvent['post']): void {
        this.lastSeq += 1;
        this.events.push({seq: this.lastSeq, userId, event, post});
        if (this.events.length > maxEvents) {
            this.events = this.events.slice(-maxEvents);
        }
    }

    /** Returns the user's events after `after`, and the sequence number to poll from next. */
    since(userId: string, after: number): {events: EphemeralEvent[]; last_seq: number} {
        const events = this.events
            .filter((entry) => entry.userId === userId && entry.seq > after)
            .map(({seq, event, post}) => ({seq, event, post}));
        return {events, last_seq: this.lastSeq};
    }
}
