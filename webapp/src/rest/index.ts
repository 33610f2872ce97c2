export {classifyRestError, describeRestError} from './describe_error';
export type {RestErrorDescription, RestErrorKind} from './describe_error';
export {MAX_PAGE_SIZE, readRetryAfter, RestClient} from './rest_client';
export type {FetchFunction, RestClientOptions, WriteResult} from './rest_client';
export {isRestError, RestError} from './rest_error';
export type {RateLimitInfo, RestErrorFields} from './rest_error';
