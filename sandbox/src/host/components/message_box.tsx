import React, {useRef, useState} from 'react';
import {useStore} from 'react-redux';

import type {HostStore} from '../store/store';
import {isErrorInvalidSlashCommand, submitDraft} from '../submit';
import type {EditorError} from '../submit';

function toEditorError(error: unknown, submittedMessage: string): EditorError {
    const source = (error ?? {}) as {message?: unknown; server_error_id?: unknown};
    return {
        message: typeof source.message === 'string' ? source.message : String(error),
        server_error_id:
            typeof source.server_error_id === 'string' ? source.server_error_id : undefined,
        submittedMessage,
    };
}

/**
 * Renders the centre channel's message box, reproducing the web app's `useSubmit`. Enter
 * submits. An error keeps the text and shows under the box, and a success clears it. A second
 * Enter on text that failed as an unknown command posts it as a message. Up and Down walk the
 * history of submitted messages while the box is empty or shows a history entry.
 */
export function MessageBox() {
    const store = useStore() as HostStore;
    const [draft, setDraft] = useState('');
    const [serverError, setServerError] = useState<EditorError | null>(null);
    const [submitting, setSubmitting] = useState(false);
    const history = useRef<string[]>([]);
    const historyIndex = useRef<number | null>(null);
    const textbox = useRef<HTMLTextAreaElement>(null);

    const submit = async () => {
        const message = draft;
        if (!message.trim() || submitting) {
            return;
        }

        const ignoreSlash =
            isErrorInvalidSlashCommand(serverError) && serverError?.submittedMessage === message;

        history.current.push(message);
        historyIndex.current = null;
        setSubmitting(true);
        try {
            const result = await submitDraft(store, message, {ignoreSlash});
            if (result.error) {
                throw result.error;
            }
            setDraft('');
            setServerError(null);
        } catch (error) {
            setServerError(toEditorError(error, message));
        } finally {
            setSubmitting(false);
            requestAnimationFrame(() => textbox.current?.focus());
        }
    };

    const walkHistory = (step: -1 | 1): boolean => {
        const entries = history.current;
        const index = historyIndex.current;
        const showingEntry = index !== null && entries[index] === draft;
        if (entries.length === 0 || (draft !== '' && !showingEntry)) {
            return false;
        }

        const from = historyIndex.current ?? entries.length;
        const next = Math.min(Math.max(from + step, 0), entries.length);
        historyIndex.current = next === entries.length ? null : next;
        setDraft(next === entries.length ? '' : entries[next]);
        return true;
    };

    const onKeyDown = (event: React.KeyboardEvent<HTMLTextAreaElement>) => {
        if (event.key === 'Enter' && !event.shiftKey) {
            event.preventDefault();
            submit();
            return;
        }
        if (event.key === 'ArrowUp' && walkHistory(-1)) {
            event.preventDefault();
        } else if (event.key === 'ArrowDown' && walkHistory(1)) {
            event.preventDefault();
        }
    };

    return (
        <div className='message-box'>
            <textarea
                ref={textbox}
                data-testid='post_textbox'
                aria-label='write to channel'
                placeholder='Write a message...'
                value={draft}
                disabled={submitting}
                onChange={(event) => setDraft(event.target.value)}
                onKeyDown={onKeyDown}
                rows={2}
            />
            {serverError && (
                <div
                    className='editor-error'
                    data-testid='editor-error'
                    role='alert'
                >
                    {serverError.message}
                </div>
            )}
        </div>
    );
}
