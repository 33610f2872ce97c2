/** Path patterns of the 5.37 router (`api4/api.go`), with gorilla/mux variable syntax. */
export const USERS = '/users';
export const USER = '/users/{user_id:[A-Za-z0-9]+}';
export const USER_BY_USERNAME = '/users/username/{username:[A-Za-z0-9\\_\\-\\.]+}';
export const USER_BY_EMAIL = '/users/email/{email:.+}';
export const BOTS = '/bots';
export const BOT = '/bots/{bot_user_id:[A-Za-z0-9]+}';
export const TEAMS = '/teams';
export const TEAM = '/teams/{team_id:[A-Za-z0-9]+}';
export const CHANNEL = '/channels/{channel_id:[A-Za-z0-9]+}';
export const PLUGINS = '/plugins';
export const PLUGIN = '/plugins/{plugin_id:[A-Za-z0-9\\_\\-\\.]+}';
