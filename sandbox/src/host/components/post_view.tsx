import React, {useState} from 'react';
import {useSelector} from 'react-redux';

import type {Post} from '@mattermost/types/posts';

import {renderMarkdown} from '../markdown';
import type {PostTypeComponent} from '../store/plugins_types';
import {defaultTheme} from '../theme';

import {PluginErrorBoundary} from './plugin_error_boundary';
import {PostAttachments} from './post_attachments';
import {ProfilePopover} from './profile_popover';

const ephemeralPostType = 'system_ephemeral';

function formatTime(timestamp: number): string {
    return new Date(timestamp).toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'});
}

/**
 * Renders one post with its author, or "System" for `system_*` posts as `PostUserProfile` does.
 * Ephemeral posts get "(Only visible to you)". The message is rendered by the plugin component
 * registered for its `props.type || type`, or else as markdown.
 */
export function PostView({post}: {post: Post}) {
    const author = useSelector((state: any) => state.entities.users.profiles[post.user_id]);
    const postType = ((post.props as any)?.type as string) || post.type;
    const pluginPostType = useSelector(
        (state: any) => state.plugins.postTypes[postType] as PostTypeComponent | undefined,
    );

    const [showProfile, setShowProfile] = useState(false);
    const isSystem = post.type.startsWith('system_');
    const displayName = isSystem ? 'System' : author?.username ?? post.user_id;

    let body: React.ReactNode;
    if (pluginPostType) {
        const Component = pluginPostType.component;
        body = (
            <PluginErrorBoundary pluginId={pluginPostType.pluginId}>
                <Component
                    post={post}
                    compactDisplay={false}
                    isRHS={false}
                    theme={defaultTheme}
                />
            </PluginErrorBoundary>
        );
    } else {
        body = (
            <div
                className='post-message markdown'
                data-testid='post-message'
                dangerouslySetInnerHTML={{__html: renderMarkdown(post.message)}}
            />
        );
    }

    return (
        <div
            className={`post${post.type === ephemeralPostType ? ' post--ephemeral' : ''}`}
            data-testid='post'
            data-post-id={post.id}
            data-post-type={post.type}
        >
            <div className='post-header'>
                {isSystem || !author ? (
                    <span
                        className='post-author'
                        data-testid='post-author'
                    >
                        {displayName}
                    </span>
                ) : (
                    <button
                        type='button'
                        className='post-author post-author--link'
                        data-testid='post-author'
                        onClick={() => setShowProfile(!showProfile)}
                    >
                        {displayName}
                    </button>
                )}
                <time className='post-time'>{formatTime(post.create_at)}</time>
                {post.type === ephemeralPostType && (
                    <span
                        className='post-visibility'
                        data-testid='post-visibility'
                    >
                        {'(Only visible to you)'}
                    </span>
                )}
            </div>
            {showProfile && author && (
                <ProfilePopover
                    user={author}
                    hide={() => setShowProfile(false)}
                />
            )}
            {body}
            {Array.isArray((post.props as any)?.attachments) && (
                <PostAttachments
                    postId={post.id}
                    attachments={(post.props as any).attachments}
                />
            )}
        </div>
    );
}
