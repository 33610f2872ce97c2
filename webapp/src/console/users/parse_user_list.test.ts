import {parseUserList} from './parse_user_list';

const ID = 'abcdefghijklmnopqrstuvwxyz';

describe('parseUserList', () => {
    test('reads one value per line', () => {
        const list = parseUserList('alice\n@bob\ncarol@example.com\n');
        expect(list.targets.map((t) => [t.kind, t.value])).toEqual([
            ['username', 'alice'],
            ['username', 'bob'],
            ['email', 'carol@example.com'],
        ]);
        expect(list.columns).toEqual([]);
    });

    test('splits values on spaces', () => {
        expect(parseUserList('alice bob, carol').targets.map((t) => t.value)).toEqual(['alice', 'bob', 'carol']);
    });

    test('reads the header column', () => {
        const list = parseUserList('\uFEFFName,Email,Team\n"Adams, Alice",alice@example.com,red\nBob,bob@example.com,blue\n');
        expect(list.columns).toEqual(['Email']);
        expect(list.targets.map((t) => t.value)).toEqual(['alice@example.com', 'bob@example.com']);
        expect(list.rejected).toEqual([]);
    });

    test('prefers the id column', () => {
        const list = parseUserList(`username,id\nalice,${ID}\n`);
        expect(list.columns).toEqual(['id', 'username']);
        expect(list.targets).toEqual([{kind: 'id', value: ID, raw: ID}]);
    });

    test('falls back to later columns', () => {
        const list = parseUserList(`id,email,username\n${ID},,\n,bob@example.com,\n,carol@example.com,carol\n`);
        expect(list.columns).toEqual(['id', 'username', 'email']);
        expect(list.targets.map((t) => [t.kind, t.value])).toEqual([
            ['id', ID],
            ['email', 'bob@example.com'],
            ['username', 'carol'],
        ]);
        expect(list.rejected).toEqual([]);
    });

    test('rejects rows without identifiers', () => {
        const list = parseUserList(`id,email,team\n${ID},,red\n,,blue\n,"",green\n`);
        expect(list.targets).toHaveLength(1);
        expect(list.rejected).toEqual([{row: 3, value: ''}, {row: 4, value: ''}]);
    });

    test('rejects an invalid first value', () => {
        const list = parseUserList('username,email\nnot/valid,dave@example.com\n');
        expect(list.targets).toEqual([]);
        expect(list.rejected).toEqual([{row: 2, value: 'not/valid'}]);
    });

    test('lists rejected values with rows', () => {
        const list = parseUserList('alice\nnot a/name\n');
        expect(list.rejected).toEqual([{row: 2, value: 'a/name'}]);
        expect(list.targets.map((t) => t.value)).toEqual(['alice', 'not']);
    });

    test('drops repeated users', () => {
        expect(parseUserList('alice\nALICE\n@alice').targets).toHaveLength(1);
    });
});
