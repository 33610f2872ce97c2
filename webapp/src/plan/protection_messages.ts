// Texts about the protected accounts. The ids and texts are also in webapp/i18n/en.json.
export const protectionMessages = {
    unreadable: {
        id: 'deactivate.protection.unreadable',
        defaultMessage:
            'The protected accounts could not be read ({reason}), so this plan does not skip them. Check the list in System Console > Plugins > Deactivate before you confirm.',
    },
    serverPartMissing: {
        id: 'deactivate.protection.server_part_missing',
        defaultMessage: "the plugin's server part is not running",
    },
    unexpected: {
        id: 'deactivate.protection.unexpected',
        defaultMessage: 'the request failed unexpectedly',
    },
} as const;
