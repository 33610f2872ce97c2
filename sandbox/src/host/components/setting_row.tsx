import React from 'react';

import {renderInlineMarkdown, renderMarkdown} from '../markdown';

/** Markdown text from a manifest (header, footer, help text), rendered with HTML escaped. */
export function Markdown({text, inline}: {text?: string; inline?: boolean}) {
    if (!text) {
        return null;
    }
    const html = inline ? renderInlineMarkdown(text) : renderMarkdown(text);
    return (
        <span
            className='markdown'
            dangerouslySetInnerHTML={{__html: html}}
        />
    );
}

interface Props {
    settingKey: string;
    inputId: string;
    label?: string;
    helpText?: string;
    children: React.ReactNode;
}

/** Renders a System Console row: the label on the left, the control and help text on the right. */
export function SettingRow({settingKey, inputId, label, helpText, children}: Props) {
    return (
        <div
            className='setting-row'
            data-testid={`setting-${settingKey}`}
        >
            <label
                className='setting-label'
                htmlFor={inputId}
            >
                {label}
            </label>
            <div className='setting-control'>
                {children}
                <div className='setting-help'>
                    <Markdown text={helpText}/>
                </div>
            </div>
        </div>
    );
}
