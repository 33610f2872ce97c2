/**
 * The web app's default "Denim" theme colours, passed as the `theme` prop to plugin
 * components. The CSS variables in `styles.css` carry the same values.
 */
export const defaultTheme = {
    type: 'Denim',
    sidebarBg: '#1e325c',
    sidebarText: '#ffffff',
    sidebarHeaderBg: '#192a4d',
    sidebarHeaderTextColor: '#ffffff',
    onlineIndicator: '#3db887',
    awayIndicator: '#ffbc1f',
    dndIndicator: '#d24b4e',
    mentionBg: '#ffffff',
    mentionColor: '#1e325c',
    centerChannelBg: '#ffffff',
    centerChannelColor: '#3f4350',
    newMessageSeparator: '#cc8f00',
    linkColor: '#386fe5',
    buttonBg: '#1c58d9',
    buttonColor: '#ffffff',
    errorTextColor: '#d24b4e',
    mentionHighlightBg: '#ffd470',
    mentionHighlightLink: '#1b1d22',
    codeTheme: 'github',
};
