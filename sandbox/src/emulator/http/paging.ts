/** `PerPageDefault` and `PerPageMaximum` of `web/params.go`. */
const PER_PAGE_DEFAULT = 60;
const PER_PAGE_MAXIMUM = 200;

/** Reads `page` and `per_page` (alias `pageSize`) like `ParamsFromRequest`, clamping silently. */
export function readPaging(query: URLSearchParams): {page: number; perPage: number} {
    const page = Number.parseInt(query.get('page') ?? '', 10);
    const perPageText = query.get('per_page') ?? query.get('pageSize') ?? '';
    let perPage = Number.parseInt(perPageText, 10);
    if (!Number.isFinite(perPage) || perPage < 0) {
        perPage = PER_PAGE_DEFAULT;
    }
    return {
        page: Number.isFinite(page) && page > 0 ? page : 0,
        perPage: Math.min(perPage, PER_PAGE_MAXIMUM),
    };
}
