import type {UserProfile} from '@mattermost/types/users';

import {parseCommand} from '../command';
import {fixtureFor, vectors} from '../../test/command_vectors';
import type {Vector, VectorFixture, VectorPlanItem} from '../../test/command_vectors';

import {classifyPlugins} from './classify_plugins';
import {classifyUsers, isSystemAdmin, needsActiveAdminCount, refuseLastAdmins} from './classify_users';
import type {Caller, PlanItem} from './types';
import type {ResolvedUsers} from './users_resolved';

function toProfile(user: VectorFixture['users'][number]): UserProfile {
    return {...user, first_name: '', last_name: '', nickname: ''} as UserProfile;
}

// Mirrors the server's lookups: usernames and ids exactly, emails case-insensitively.
function resolveFromFixture(fixture: VectorFixture): ResolvedUsers {
    const users = fixture.users.map(toProfile);
    return {
        byId: new Map(users.map((user) => [user.id, user])),
        byUsername: new Map(users.map((user) => [user.username, user])),
        byEmail: new Map(users.map((user) => [user.email.toLowerCase(), user])),
    };
}

function callerFrom(fixture: VectorFixture): Caller {
    const user = fixture.users.find((candidate) => candidate.id === fixture.caller_id);
    if (!user) {
        throw new Error(`fixture caller ${fixture.caller_id} is not among the users`);
    }

    return {
        user: toProfile(user),
        permissions: new Set(fixture.caller_permissions),
        enableUserDeactivation: fixture.enable_user_deactivation,
    };
}

function planVector(vector: Vector): PlanItem[] {
    const fixture = fixtureFor(vector);
    const parsed = parseCommand(vector.line);

    if (parsed.command === 'plugins') {
        return classifyPlugins(parsed, fixture.plugins, fixture.own_plugin_id);
    }
    if (parsed.command !== 'users') {
        throw new Error(`vector ${vector.name} has a plan but parses as ${parsed.command}`);
    }

    const protectedUsernames = new Set(fixture.protected_usernames);
    const items = classifyUsers(parsed.targets, parsed.flags, resolveFromFixture(fixture), callerFrom(fixture), protectedUsernames);
    if (!needsActiveAdminCount(items)) {
        return items;
    }

    const activeAdmins = fixture.users.map(toProfile).filter((user) => user.delete_at === 0 && isSystemAdmin(user));
    return refuseLastAdmins(items, activeAdmins.length);
}

function toVectorItem(item: PlanItem): VectorPlanItem {
    const id = item.kind === 'user' ? item.user?.id : item.plugin?.id;
    if (id === undefined) {
        return {target: item.target, class: item.class, warnings: item.warnings};
    }

    return {target: item.target, class: item.class, id, warnings: item.warnings};
}

const planned = vectors.filter((vector) => vector.plan !== undefined);

describe('plan vectors', () => {
    test('every plan class is covered', () => {
        const classes = new Set(planned.flatMap((vector) => vector.plan?.map((item) => item.class) ?? []));

        expect([...classes].sort()).toEqual([
            'admin_forbidden',
            'admin_skipped',
            'already_inactive',
            'bot_skipped',
            'deactivate',
            'disable_bot',
            'disable_plugin',
            'last_admin_refused',
            'ldap_skipped',
            'not_found',
            'plugin_already_disabled',
            'plugin_ambiguous',
            'plugin_not_found',
            'protected_skipped',
            'self_disallowed',
            'self_refused',
        ]);
    });

    test('every warning is covered', () => {
        const warnings = new Set(planned.flatMap((vector) => vector.plan?.flatMap((item) => item.warnings) ?? []));

        expect([...warnings].sort()).toEqual(['self_plugin', 'sso_reactivation']);
    });

    test.each(planned.map((vector) => [vector.name, vector] as const))('%s', (_name, vector) => {
        expect(planVector(vector).map(toVectorItem)).toEqual(vector.plan);
    });
});
