import type {Post} from '@mattermost/types/posts';

import type {WebappStore} from '../types/mattermost_webapp';

import {pluginId} from '../manifest';

/** Where an outcome is shown: the channel, or the thread when the command was typed in one. */
export interface PostLocation {
    channelId: string;
    rootId: string;
}

// mattermost-redux's PostTypes.RECEIVED_NEW_POST. The plain string keeps the posts action module
// out of the bundle, and the web app's posts reducer matches it whichever copy dispatched it.
const RECEIVED_NEW_POST = 'RECEIVED_NEW_POST';

let sequence = 0;

/** Builds a local ephemeral post that only the current user sees and that vanishes on reload. */
export function buildEphemeralPost(
    userId: string,
    location: PostLocation,
    message: string,
    now: number = Date.now(),
): Post {
    sequence += 1;
    return {
        id: `${pluginId}_${now}_${sequence}`,
        user_id: userId,
        channel_id: location.channelId,
        root_id: location.rootId,
        message,
        type: 'system_ephemeral',
        create_at: now,
        update_at: now,
        edit_at: 0,
        delete_at: 0,
        is_pinned: false,
        original_id: '',
        hashtags: '',
        pending_post_id: '',
        reply_count: 0,
        metadata: {embeds: [], emojis: [], files: [], images: {}, reactions: []},
        props: {},
    } as unknown as Post;
}

/** Shows `message` (markdown) in the channel or thread as an ephemeral post from "System". */
export function postEphemeral(store: WebappStore, userId: string, location: PostLocation, message: string): void {
    const post = buildEphemeralPost(userId, location, message);
    store.dispatch({
        type: RECEIVED_NEW_POST,
        data: post,
        channelId: location.channelId,
        features: {crtEnabled: false},
    });
}
