import React, {useEffect, useState} from 'react';
import {useStore} from 'react-redux';

import type {Channel} from '@mattermost/types/channels';

import {openChannel} from '../session';
import type {HostStore} from '../store/store';

import {MessageBox} from './message_box';
import {PostList} from './post_list';

/** Renders the centre channel of `/<team>/channels/<channel>`: header, posts, message box. */
export function ChannelView({teamName, channelName}: {teamName: string; channelName: string}) {
    const store = useStore() as HostStore;
    const [channel, setChannel] = useState<Channel | null>(null);
    const [error, setError] = useState('');

    useEffect(() => {
        let cancelled = false;
        setChannel(null);
        setError('');
        openChannel(store, teamName, channelName).then(
            (opened) => !cancelled && setChannel(opened.channel),
            (caught: any) => !cancelled && setError(caught?.message || String(caught)),
        );
        return () => {
            cancelled = true;
        };
    }, [store, teamName, channelName]);

    if (error) {
        return (
            <div
                className='page-error'
                role='alert'
            >
                {`Channel ${teamName}/${channelName} failed to load: ${error}`}
            </div>
        );
    }
    if (!channel) {
        return <div className='loading'>{'Loading channel...'}</div>;
    }

    return (
        <main
            className='channel-view'
            data-testid='channel-view'
        >
            <div
                className='channel-header'
                data-testid='channel-header'
            >
                <strong>{channel.display_name || channel.name}</strong>
                {channel.purpose && <span className='channel-purpose'>{channel.purpose}</span>}
            </div>
            <PostList channelId={channel.id}/>
            <MessageBox/>
        </main>
    );
}
