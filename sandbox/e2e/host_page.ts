import type {Page} from 'playwright-core';

/** Opens `path` on the sandbox and waits until the host finished starting. */
export async function openHost(page: Page, baseUrl: string, path = '/'): Promise<void> {
    await page.goto(baseUrl + path);
    await page.waitForSelector('body[data-host-ready="true"], [data-testid="boot-error"]');
    const bootError = await page.$('[data-testid="boot-error"]');
    if (bootError) {
        throw new Error(`host page failed to start: ${await bootError.textContent()}`);
    }
}

/**
 * Logs in through the host's login form and waits for the channel view. Clears the context's
 * cookies first, because a page with a live session skips the login form.
 */
export async function logIn(page: Page, baseUrl: string, loginId: string, password = 'password') {
    await page.context().clearCookies();
    await openHost(page, baseUrl, '/login');
    await page.getByTestId('login-id').fill(loginId);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('channel-view').waitFor();
}

/** Types a message into the message box and presses Enter. */
export async function sendMessage(page: Page, text: string): Promise<void> {
    const box = page.getByTestId('post_textbox');
    await box.fill(text);
    await box.press('Enter');
}

/** Returns the text of every post in the list, oldest first. */
export async function postTexts(page: Page): Promise<string[]> {
    return page.getByTestId('post').allInnerTexts();
}

/**
 * Polls `read` until it returns `expected` or `timeoutMs` passes, then returns the last value,
 * so the caller's `expect` reports what was actually there.
 */
export async function eventually<T>(
    read: () => Promise<T>,
    expected: T,
    timeoutMs = 5000,
): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let value = await read();
    while (JSON.stringify(value) !== JSON.stringify(expected) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        value = await read();
    }
    return value;
}
