import type {UserProfile} from '@mattermost/types/users';

/**
 * The users that the most recent batch in this browser tab deactivated. It lives in module memory,
 * so it is gone after a reload and is not shared with other tabs or devices.
 */
export class LastBatchMemory {
    private users: UserProfile[] = [];
    private command = '';

    remember(command: string, users: UserProfile[]): void {
        if (users.length === 0) {
            return;
        }
        this.command = command;
        this.users = [...users];
    }

    recall(): {command: string; users: UserProfile[]} | undefined {
        if (this.users.length === 0) {
            return undefined;
        }
        return {command: this.command, users: [...this.users]};
    }

    clear(): void {
        this.users = [];
        this.command = '';
    }
}
