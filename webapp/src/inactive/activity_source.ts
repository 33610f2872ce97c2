import type {ActivitySourceName} from '../plan';

/** The activity source chosen for one server, with the status that ruled out the user report. */
export interface SourceChoice {
    source: ActivitySourceName;
    fallbackStatus?: number;
}

/**
 * Remembers, per server URL, which activity source worked, so that the user report is probed
 * once per page load. A reload probes again, which picks up an upgrade or a new permission.
 */
export class ActivitySourceCache {
    private readonly choices = new Map<string, SourceChoice>();

    get(serverUrl: string): SourceChoice | undefined {
        return this.choices.get(serverUrl);
    }

    set(serverUrl: string, choice: SourceChoice): void {
        this.choices.set(serverUrl, choice);
    }
}

/** The cache of this page load, shared by every command the page runs. */
export const pageLoadSourceCache = new ActivitySourceCache();
