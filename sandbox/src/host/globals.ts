import PropTypes from 'prop-types';
import React from 'react';
import ReactDOM from 'react-dom';
import * as ReactIntl from 'react-intl';
import * as ReactRedux from 'react-redux';
import * as Redux from 'redux';

import {browserHistory} from './history';
import {renderInlineMarkdown, renderMarkdown} from './markdown';
import {HostActionTypes} from './store/action_types';

declare global {
    interface Window {
        React: typeof React;
        ReactDOM: typeof ReactDOM;
        Redux: typeof Redux;
        ReactRedux: typeof ReactRedux;
        PropTypes: typeof PropTypes;
        ReactIntl: typeof ReactIntl;
        PostUtils: {
            formatText: (text: string, options?: {singleline?: boolean}) => string;
            messageHtmlToComponent: (html: string, ...rest: unknown[]) => React.ReactElement;
        };
        WebappUtils: Record<string, unknown>;
        publicPath: string;
        basename: string;
    }
}

/** Turns HTML from `formatText` into an element; the HTML is the host's own, already escaped. */
function messageHtmlToComponent(html: string): React.ReactElement {
    return React.createElement('span', {
        className: 'markdown',
        dangerouslySetInnerHTML: {__html: html},
    });
}

/** Modal ids the web app exports; plugins pass their own ids too. */
const ModalIdentifiers = {PLUGIN_MODAL: 'plugin_modal'};

/**
 * Puts on `window` what the web app's `plugins/export.ts` and `root.tsx` put there: the
 * libraries plugins take as webpack externals, `PostUtils`, a subset of `WebappUtils`
 * (modals and browser history), `publicPath` and `basename`.
 */
export function installGlobals(): void {
    window.React = React;
    window.ReactDOM = ReactDOM;
    window.Redux = Redux;
    window.ReactRedux = ReactRedux;
    window.PropTypes = PropTypes;
    window.ReactIntl = ReactIntl;

    window.PostUtils = {
        formatText: (text, options) =>
            options?.singleline ? renderInlineMarkdown(text) : renderMarkdown(text),
        messageHtmlToComponent,
    };

    window.WebappUtils = {
        modals: {
            openModal: (modal: {modalId: string; dialogType: unknown; dialogProps?: unknown}) => ({
                type: HostActionTypes.MODAL_OPEN,
                ...modal,
            }),
            closeModal: (modalId: string) => ({type: HostActionTypes.MODAL_CLOSE, modalId}),
            ModalIdentifiers,
        },
        get browserHistory() {
            return browserHistory;
        },
    };

    window.publicPath = '/static/';
    window.basename = '';
}
