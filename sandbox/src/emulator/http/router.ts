import type {RequestContext} from './context';
import type {Reply} from './reply';

/**
 * Authentication of a route, after `web/handlers.go`: `session` is `APISessionRequired`,
 * `optional` is `APIHandler` (a session is read if present but not required).
 */
export type RouteAuth = 'session' | 'optional';

export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

export interface Route {
    method: string;
    pattern: string;
    auth: RouteAuth;
    /** Skips the CSRF check, like the server's `TrustRequester` handlers. */
    trustRequester?: boolean;
    /** First server version with this route; older versions return the router's 404. */
    since?: string;
    handler: Handler;
}

interface CompiledRoute extends Route {
    regex: RegExp;
    names: string[];
}

export type RouteMatch =
    | {kind: 'found'; route: Route; params: Record<string, string>}
    | {kind: 'method-not-allowed'}
    | {kind: 'not-found'};

/**
 * Turns a gorilla/mux pattern such as `/users/{user_id:[A-Za-z0-9]+}` into a regular
 * expression; a variable without its own expression matches one path segment.
 */
function compile(route: Route): CompiledRoute {
    const names: string[] = [];
    let source = '';
    let rest = route.pattern;
    while (rest.length > 0) {
        const open = rest.indexOf('{');
        if (open < 0) {
            source += escapeRegex(rest);
            break;
        }
        source += escapeRegex(rest.slice(0, open));
        const close = findClosingBrace(rest, open);
        const variable = rest.slice(open + 1, close);
        const colon = variable.indexOf(':');
        names.push(colon < 0 ? variable : variable.slice(0, colon));
        source += `(${colon < 0 ? '[^/]+' : variable.slice(colon + 1)})`;
        rest = rest.slice(close + 1);
    }
    return {...route, regex: new RegExp(`^${source}$`), names};
}

function findClosingBrace(text: string, open: number): number {
    let depth = 0;
    for (let i = open; i < text.length; i++) {
        if (text[i] === '{') {
            depth++;
        } else if (text[i] === '}') {
            depth--;
            if (depth === 0) {
                return i;
            }
        }
    }
    throw new Error(`unbalanced braces in route pattern ${text}`);
}

function escapeRegex(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Matches routes in registration order like gorilla/mux: the first route matching path and
 * method wins; a path that matched only with other methods gives 405.
 */
export class Router {
    private readonly routes: CompiledRoute[] = [];

    add(routes: Route[]): void {
        for (const route of routes) {
            this.routes.push(compile(route));
        }
    }

    match(method: string, path: string): RouteMatch {
        let pathMatched = false;
        for (const route of this.routes) {
            const result = route.regex.exec(path);
            if (!result) {
                continue;
            }
            if (route.method !== method) {
                pathMatched = true;
                continue;
            }
            const params: Record<string, string> = {};
            route.names.forEach((name, index) => {
                params[name] = result[index + 1];
            });
            return {kind: 'found', route, params};
        }
        return pathMatched ? {kind: 'method-not-allowed'} : {kind: 'not-found'};
    }
}
