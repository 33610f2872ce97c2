import {PostTypes} from 'mattermost-redux/action_types';

import type {HostStore} from './store/store';

/** Path of the sandbox's feed of ephemeral posts from the Go server part. */
const feedPath = '/__sandbox/ephemeral_posts';
const pollIntervalMs = 300;

interface FeedReply {
    events: Array<{seq: number; event: 'posted' | 'edited'; post: any}>;
    last_seq: number;
}

async function readFeed(after?: number): Promise<FeedReply | null> {
    const query = after === undefined ? '' : `?after=${after}`;
    const response = await fetch((window.basename || '') + feedPath + query, {
        credentials: 'same-origin',
    });
    // Without a server part the sandbox serves the host page for this path, so only a JSON
    // reply counts as the feed.
    const isJson = (response.headers.get('content-type') ?? '').startsWith('application/json');
    return response.ok && isJson ? ((await response.json()) as FeedReply) : null;
}

/**
 * Polls the ephemeral posts the server part sends, in place of the web app's websocket events:
 * a new post is dispatched like `ephemeral_message` (RECEIVED_NEW_POST), a replacement like
 * `post_edited` (RECEIVED_POST). It starts at the feed's current end and stops for good when
 * the sandbox runs no server part (the path returns no JSON feed).
 */
export function startEphemeralPoller(store: HostStore): () => void {
    let stopped = false;
    let timer: number | undefined;

    const poll = async (after: number) => {
        let next = after;
        try {
            const reply = await readFeed(after);
            for (const {event, post} of reply?.events ?? []) {
                const type = event === 'posted' ? PostTypes.RECEIVED_NEW_POST : PostTypes.RECEIVED_POST;
                store.dispatch({type, data: post});
            }
            next = reply?.last_seq ?? after;
        } catch (error) {
            console.error('sandbox host: polling ephemeral posts failed', error);
        }
        if (!stopped) {
            timer = window.setTimeout(() => poll(next), pollIntervalMs);
        }
    };

    readFeed().then(
        (first) => {
            if (first && !stopped) {
                poll(first.last_seq);
            }
        },
        (error: unknown) => console.error('sandbox host: the ephemeral post feed failed', error),
    );

    return () => {
        stopped = true;
        window.clearTimeout(timer);
    };
}
