import type {RequestContext} from '../http/context';
import type {UserRecord} from '../records';

/** Mirrors `model.IsValidUsername` (5.37): 3 to 64 of `[a-z0-9.-_]`, starting with a letter. */
export function isValidUsername(username: string): boolean {
    const restricted = ['all', 'channel', 'matterbot', 'system'];
    return (
        username.length >= 3 &&
        username.length <= 64 &&
        /^[a-z0-9.\-_]+$/.test(username) &&
        /^[a-z]/.test(username) &&
        !restricted.includes(username)
    );
}

/** Mirrors `model.IsValidEmail`: one `@`, something on both sides, no spaces or angle brackets. */
export function isValidEmail(email: string): boolean {
    return /^[^\s@<>]+@[^\s@<>]+$/.test(email);
}

export function byUsername(a: UserRecord, b: UserRecord): number {
    return a.username < b.username ? -1 : a.username > b.username ? 1 : 0;
}

/**
 * Mirrors `App.GetViewUsersRestrictions`: callers without `view_members` see only users who
 * share a team with them. Returns `undefined` when nothing is restricted.
 */
export function visibleUserIds(ctx: RequestContext): Set<string> | undefined {
    if (ctx.hasPermission('view_members')) {
        return undefined;
    }
    const visible = new Set<string>([ctx.userId]);
    for (const team of ctx.store.teamsOf(ctx.userId)) {
        for (const member of ctx.store.teamMembers.get(team.id) ?? []) {
            visible.add(member);
        }
    }
    return visible;
}

export function canSeeUser(ctx: RequestContext, userId: string): boolean {
    const visible = visibleUserIds(ctx);
    return !visible || visible.has(userId);
}

export interface TermOptions {
    allowEmails: boolean;
    allowFullNames: boolean;
}

/**
 * Matches a search term like the user store's search: every word of the term, without a
 * leading `@`, is a case-insensitive prefix of the username, nickname, and, when allowed,
 * the first name, last name or e-mail.
 */
export function matchesTerm(user: UserRecord, term: string, options: TermOptions): boolean {
    const fields = [user.username, user.nickname];
    if (options.allowFullNames) {
        fields.push(user.first_name, user.last_name);
    }
    if (options.allowEmails) {
        fields.push(user.email);
    }
    const lowered = fields.map((field) => field.toLowerCase());
    const words = term.toLowerCase().split(/\s+/).filter(Boolean);
    return words.every((word) => {
        const bare = word.replace(/^@/, '');
        return lowered.some((field) => field.startsWith(bare));
    });
}
