// How much of a user-typed value a reply repeats. A 3,000-name command would otherwise fill the
// screen with its own echo.
export const MAX_ECHO_LENGTH = 200;

/** Cuts text that a reply repeats back to MAX_ECHO_LENGTH characters, marking the cut with "…". */
export function shortenEcho(text: string, max: number = MAX_ECHO_LENGTH): string {
    const characters = [...text];
    return characters.length > max ? `${characters.slice(0, max).join('')}…` : text;
}
