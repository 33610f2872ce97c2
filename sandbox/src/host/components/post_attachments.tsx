import React, {useState} from 'react';

import {Client4} from '../client';
import {renderMarkdown} from '../markdown';

interface AttachmentAction {
    id?: string;
    name?: string;
    style?: string;
    cookie?: string;
}

interface Attachment {
    pretext?: string;
    title?: string;
    text?: string;
    actions?: AttachmentAction[];
}

/**
 * Renders a post's message attachments: pretext, title and text as markdown, and each button
 * action. A click sends `POST /posts/{post_id}/actions/{action_id}` with the action's cookie,
 * as the web app's `doPostActionWithCookie` does; the server part's reply arrives as an
 * updated ephemeral post.
 */
export function PostAttachments({postId, attachments}: {postId: string; attachments: Attachment[]}) {
    const [error, setError] = useState('');

    const click = async (action: AttachmentAction) => {
        setError('');
        try {
            await Client4.doPostActionWithCookie(postId, action.id ?? '', action.cookie ?? '');
        } catch (caught: any) {
            setError(caught?.message || String(caught));
        }
    };

    return (
        <div
            className='post-attachments'
            data-testid='post-attachments'
        >
            {attachments.map((attachment, index) => (
                <div
                    className='attachment'
                    key={index}
                >
                    {[attachment.pretext, attachment.title, attachment.text]
                        .filter((text): text is string => Boolean(text))
                        .map((text, part) => (
                            <div
                                className='markdown'
                                key={part}
                                dangerouslySetInnerHTML={{__html: renderMarkdown(text)}}
                            />
                        ))}
                    <div className='attachment-actions'>
                        {(attachment.actions ?? []).map((action) => (
                            <button
                                key={action.id}
                                type='button'
                                className={`attachment-action attachment-action--${action.style || 'default'}`}
                                data-testid={`post-action-${action.id}`}
                                onClick={() => click(action)}
                            >
                                {action.name}
                            </button>
                        ))}
                    </div>
                </div>
            ))}
            {error && (
                <div
                    className='attachment-error'
                    role='alert'
                >
                    {error}
                </div>
            )}
        </div>
    );
}
