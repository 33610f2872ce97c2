import {MAX_ECHO_LENGTH, shortenEcho} from './shorten_echo';

describe('shortenEcho', () => {
    test('short text is unchanged', () => {
        expect(shortenEcho('/deactivate @alice')).toBe('/deactivate @alice');
    });

    test('long text is cut with an ellipsis', () => {
        const cut = shortenEcho('x'.repeat(5000));
        expect([...cut]).toHaveLength(MAX_ECHO_LENGTH + 1);
        expect(cut.endsWith('…')).toBe(true);
    });

    test('cut never splits a surrogate pair', () => {
        const cut = shortenEcho('😀'.repeat(300), 10);
        expect(cut).toBe(`${'😀'.repeat(10)}…`);
    });
});
