/** Compares two strings or numbers for `Array.prototype.sort`, ascending. */
export function compareValues(left: string | number, right: string | number): number {
    if (left < right) {
        return -1;
    }
    if (left > right) {
        return 1;
    }
    return 0;
}
