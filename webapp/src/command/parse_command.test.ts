import {vectors} from '../../test/command_vectors';
import type {VectorParse} from '../../test/command_vectors';

import {isDeactivateCommand, parseCommand} from './parse_command';
import type {ParsedCommand} from './types';

// Converts a parse result to the snake_case shape of the shared vectors file.
function toVectorShape(parsed: ParsedCommand): VectorParse {
    const shape: VectorParse = {
        command: parsed.command,
        flags: {
            dry_run: parsed.flags.dryRun,
            include_admins: parsed.flags.includeAdmins,
            include_bots: parsed.flags.includeBots,
            include_never_active: parsed.flags.includeNeverActive,
        },
    };

    switch (parsed.command) {
    case 'help':
        if (parsed.reason) {
            shape.reason = parsed.reason;
        }
        break;
    case 'users':
        shape.targets = parsed.targets;
        break;
    case 'plugins':
        shape.names = parsed.names;
        shape.text = parsed.text;
        break;
    case 'undo':
        shape.batch = parsed.batch;
        break;
    case 'inactive':
        shape.duration = parsed.duration;
        shape.days = parsed.days;
        break;
    case 'error':
        shape.error = parsed.error;
        break;
    }

    return shape;
}

describe('command vectors', () => {
    test('file has at least 60 vectors', () => {
        expect(vectors.length).toBeGreaterThanOrEqual(60);
    });

    test.each(vectors.map((vector) => [vector.name, vector] as const))('%s', (_name, vector) => {
        const isCommand = vector.is_command ?? true;
        expect(isDeactivateCommand(vector.line)).toBe(isCommand);

        if (isCommand) {
            expect(toVectorShape(parseCommand(vector.line))).toEqual(vector.parse);
        }
    });
});

describe('isDeactivateCommand', () => {
    test('empty message is not ours', () => {
        expect(isDeactivateCommand('')).toBe(false);
    });

    test('leading whitespace is trimmed', () => {
        expect(isDeactivateCommand('  \n/deactivate me')).toBe(true);
    });

    test('trigger inside text is ignored', () => {
        expect(isDeactivateCommand('please /deactivate alice')).toBe(false);
    });

    test('newline after trigger counts', () => {
        expect(isDeactivateCommand('/deactivate\nalice')).toBe(true);
    });
});

describe('parseCommand edge cases', () => {
    test('hundred targets all parsed', () => {
        const names = Array.from({length: 100}, (_, i) => `user${i}`);
        const parsed = parseCommand(`/deactivate ${names.join(', ')}`);

        expect(parsed.command === 'users' && parsed.targets.map((t) => t.value)).toEqual(names);
    });

    test('short email parsed as email', () => {
        const parsed = parseCommand('/deactivate a@b');

        expect(parsed).toMatchObject({command: 'users', targets: [{kind: 'email', value: 'a@b'}]});
    });

    test('invalid target keeps quotes removed', () => {
        const parsed = parseCommand('/deactivate "bad name"!');

        expect(parsed).toMatchObject({command: 'error', error: {code: 'invalid_target', value: 'bad name!'}});
    });

    test('flags object is fresh per call', () => {
        const first = parseCommand('/deactivate --dry-run alice');
        const second = parseCommand('/deactivate alice');

        expect(first.flags.dryRun).toBe(true);
        expect(second.flags.dryRun).toBe(false);
    });
});
