import {defaultPanelSettings, readPanelSettings} from './panel_settings';

describe('readPanelSettings', () => {
    test('missing value gives defaults', () => {
        expect(readPanelSettings(undefined)).toEqual(defaultPanelSettings);
        expect(readPanelSettings('text')).toEqual(defaultPanelSettings);
    });

    test('reads a stored value', () => {
        const stored = {protected_usernames: ['@Root', 'ops', 'root', ' '], inactive_days: '90', confirm_threshold: 10, summary_channel_id: ' c1 '};
        expect(readPanelSettings(stored)).toEqual({
            protected_usernames: ['root', 'ops'],
            inactive_days: 90,
            confirm_threshold: 10,
            summary_channel_id: 'c1',
        });
    });

    test('invalid numbers fall back', () => {
        const settings = readPanelSettings({inactive_days: 0, confirm_threshold: 2.5});
        expect(settings.inactive_days).toBe(180);
        expect(settings.confirm_threshold).toBe(25);
    });
});
