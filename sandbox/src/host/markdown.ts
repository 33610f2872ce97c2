import MarkdownIt from 'markdown-it';

// Raw HTML in messages is escaped (`html: false`), as the web app never renders it either.
const markdown = new MarkdownIt({html: false, linkify: true, breaks: true});

const defaultLinkOpen =
    markdown.renderer.rules.link_open ??
    ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));

markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
    tokens[index].attrSet('target', '_blank');
    tokens[index].attrSet('rel', 'noopener noreferrer');
    return defaultLinkOpen(tokens, index, options, env, self);
};

/** Renders a message's markdown to HTML, with user-typed HTML escaped. */
export function renderMarkdown(text: string): string {
    return markdown.render(text ?? '');
}

/** Renders one line of markdown without the wrapping paragraph, for labels and help text. */
export function renderInlineMarkdown(text: string): string {
    return markdown.renderInline(text ?? '');
}
