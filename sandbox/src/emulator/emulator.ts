import type {IncomingMessage, ServerResponse} from 'node:http';

import {CommandRegistry} from './commands/registry';
import {mergeDeep, SERVER_VERSION, type DeepPartial, type EmulatorConfig} from './config';
import {FaultInjector, RateLimiter, type FaultOptions} from './faults';
import {Pipeline, type Middleware} from './http/pipeline';
import {Router, type Route} from './http/router';
import {authRoutes} from './routes/auth';
import {botRoutes} from './routes/bots';
import {commandRoutes} from './routes/commands';
import {configRoutes} from './routes/config';
import {pluginRoutes} from './routes/plugins';
import {reportRoutes} from './routes/reports';
import {roleRoutes} from './routes/roles';
import {teamRoutes} from './routes/teams';
import {userActivationRoutes} from './routes/user-activation';
import {listUsers} from './routes/user-list';
import {userRoutes} from './routes/users';
import {addSeedPlugin, seedDemo, type SeedPlugin} from './seed';
import {EmulatorStore} from './store';

export interface EmulatorOptions {
    /** `demo` (the default) loads the demo team, users, bots and plugins; `empty` loads nothing. */
    seed?: 'demo' | 'empty';
    config?: DeepPartial<EmulatorConfig>;
    /** Extra installed plugins, added after the seed. */
    plugins?: SeedPlugin[];
    /**
     * Latency and injected faults; `Emulator.faults.configure` changes them at run time. Rate
     * limiting follows `config.RateLimitSettings`, read on every request.
     */
    faults?: FaultOptions;
    /**
     * Version the emulator reports, `5.37.0` by default. From 9.6.0 on it also serves
     * `GET /reports/users`.
     */
    serverVersion?: string;
}

export interface Emulator {
    /** Handles one request whose path starts with /api/v4; always writes a response. */
    handle(req: IncomingMessage, res: ServerResponse): void;
    /** Typed access for tests: users, bots, plugins, sessions, config. */
    readonly store: EmulatorStore;
    /** Slash commands that `POST /commands/execute` runs; empty until something registers. */
    readonly commands: CommandRegistry;
    /** Latency and fault injection, which every request passes before the rate limiter. */
    readonly faults: FaultInjector;
    /**
     * Adds a middleware that every later request passes through, in the order added, after the
     * fault injector and the rate limiter.
     */
    use(middleware: Middleware): void;
    /**
     * Adds routes after the built-in ones, with the same authentication and CSRF checks. The
     * sandbox adds the routes a plugin server part needs this way.
     */
    addRoutes(routes: Route[]): void;
    /** Puts the store back to the seed (and options); registered commands are dropped. */
    reset(): void;
}

function buildRouter(): Router {
    const router = new Router();
    // Registration order matters where patterns overlap, as in gorilla/mux.
    router.add(authRoutes());
    router.add(userRoutes(listUsers));
    router.add(userActivationRoutes());
    router.add(teamRoutes());
    router.add(botRoutes());
    router.add(pluginRoutes());
    router.add(roleRoutes());
    router.add(reportRoutes());
    router.add(configRoutes());
    router.add(commandRoutes());
    return router;
}

/** Creates an in-memory Mattermost 5.37 REST API. */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
    const store = new EmulatorStore();
    const commands = new CommandRegistry();
    const router = buildRouter();
    const pipeline = new Pipeline(store, router, commands);
    const faults = new FaultInjector(options.faults);
    const rateLimiter = new RateLimiter();
    pipeline.use(faults.middleware);
    pipeline.use(rateLimiter.middleware);

    const load = () => {
        const fresh = new EmulatorStore();
        mergeDeep(fresh.config, options.config);
        fresh.serverVersion = options.serverVersion ?? SERVER_VERSION;
        if ((options.seed ?? 'demo') === 'demo') {
            seedDemo(fresh);
        }
        for (const plugin of options.plugins ?? []) {
            addSeedPlugin(fresh, plugin);
        }
        Object.assign(store, fresh);
        commands.clear();
        faults.configure(options.faults ?? {});
        rateLimiter.reset();
    };
    load();

    return {
        handle(req, res) {
            void pipeline.handle(req, res);
        },
        store,
        commands,
        faults,
        use(middleware) {
            pipeline.use(middleware);
        },
        addRoutes(routes) {
            router.add(routes);
        },
        reset: load,
    };
}
