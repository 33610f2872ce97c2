import type {UserReport} from '@mattermost/types/reports';
import type {UserProfile, UserStatus} from '@mattermost/types/users';

/** `per_page` of `GET /users`; the server silently clamps larger values to 200. */
export const USER_PAGE_SIZE = 200;

/**
 * Ids per `POST /users/status/ids`. The handler (`getUserStatusesByIds` in
 * server/channels/api4/status.go) has no count limit, only a 26-character check per id, so the
 * batch is sized like the other batch lookups of this plugin.
 */
export const STATUS_BATCH_SIZE = 200;

/** `ReportingMaxPageSize` of server/public/model/report.go: larger pages are rejected with 400. */
export const REPORT_PAGE_SIZE = 100;

/** The cursor of `GET /reports/users`: the sort column value and id of the last row read. */
export interface ReportCursor {
    fromColumnValue: string;
    fromId: string;
}

/** The reads an `inactive` plan makes, all under the caller's session. RestClient has them. */
export interface ActivityReads {
    /** `GET /users?active=true&page={page}&per_page=200`: every active user, bots included. */
    getActiveUsersPage(page: number): Promise<UserProfile[]>;

    /** `POST /users/status/ids` with at most STATUS_BATCH_SIZE ids. */
    getStatusesByIds(ids: string[]): Promise<UserStatus[]>;

    /** `GET /reports/users` of active users by username, REPORT_PAGE_SIZE rows after `cursor`. */
    getUserReportPage(cursor?: ReportCursor): Promise<UserReport[]>;
}
