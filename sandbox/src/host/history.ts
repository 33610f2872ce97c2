type Listener = (location: Location) => void;

/**
 * The browser history the host routes with and hands out as `WebappUtils.browserHistory`:
 * the subset of the `history` package's interface that plugins call.
 */
class BrowserHistory {
    private readonly listeners = new Set<Listener>();

    constructor() {
        window.addEventListener('popstate', () => this.notify());
    }

    get location(): Location {
        return window.location;
    }

    push(path: string): void {
        window.history.pushState(null, '', (window.basename || '') + path);
        this.notify();
    }

    replace(path: string): void {
        window.history.replaceState(null, '', (window.basename || '') + path);
        this.notify();
    }

    goBack(): void {
        window.history.back();
    }

    listen(listener: Listener): () => void {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }

    private notify(): void {
        for (const listener of this.listeners) {
            listener(window.location);
        }
    }
}

export const browserHistory = new BrowserHistory();

/** Returns the current path without `window.basename`. */
export function currentPath(): string {
    const basename = window.basename || '';
    const path = window.location.pathname;
    return path.startsWith(basename) ? path.slice(basename.length) || '/' : path;
}
