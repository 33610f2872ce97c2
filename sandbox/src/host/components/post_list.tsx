import React, {useEffect, useRef} from 'react';
import {useSelector} from 'react-redux';

import type {Post} from '@mattermost/types/posts';
import {getPostIdsInChannel} from 'mattermost-redux/selectors/entities/posts';

import {PostView} from './post_view';

/** Renders the current channel's posts, oldest first, scrolled to the newest. */
export function PostList({channelId}: {channelId: string}) {
    const postIds = useSelector((state: any) => getPostIdsInChannel(state, channelId)) ?? [];
    const posts = useSelector((state: any) => state.entities.posts.posts) as Record<string, Post>;
    const end = useRef<HTMLDivElement>(null);

    const ordered = [...postIds]
        .reverse()
        .map((id) => posts[id])
        .filter((post): post is Post => Boolean(post));

    useEffect(() => {
        end.current?.scrollIntoView({block: 'end'});
    }, [ordered.length]);

    return (
        <div
            className='post-list'
            data-testid='post-list'
        >
            {ordered.map((post) => (
                <PostView
                    key={post.id}
                    post={post}
                />
            ))}
            <div ref={end}/>
        </div>
    );
}
