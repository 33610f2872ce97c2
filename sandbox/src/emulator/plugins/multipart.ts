/** One part of a `multipart/form-data` body. */
export interface FormPart {
    name: string;
    filename?: string;
    contentType: string;
    data: Buffer;
}

function boundaryOf(contentType: string): string | undefined {
    const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
    return match ? (match[1] ?? match[2]).trim() : undefined;
}

function parseHeaders(text: string): Map<string, string> {
    const headers = new Map<string, string>();
    for (const line of text.split('\r\n')) {
        const colon = line.indexOf(':');
        if (colon > 0) {
            headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
        }
    }
    return headers;
}

function dispositionParam(disposition: string, name: string): string | undefined {
    const match = new RegExp(`;\\s*${name}="([^"]*)"`, 'i').exec(disposition);
    return match?.[1];
}

/**
 * Parses a `multipart/form-data` body. Throws with Go's `ParseMultipartForm` wording when the
 * content type is not multipart or the body is malformed.
 */
export function parseMultipart(contentType: string, body: Buffer): FormPart[] {
    if (!/^multipart\/form-data/i.test(contentType)) {
        throw new Error("request Content-Type isn't multipart/form-data");
    }
    const boundary = boundaryOf(contentType);
    if (!boundary) {
        throw new Error('no multipart boundary param in Content-Type');
    }

    const delimiter = Buffer.from(`--${boundary}`);
    const parts: FormPart[] = [];
    let position = body.indexOf(delimiter);
    if (position < 0) {
        throw new Error('multipart: NextPart: EOF');
    }
    while (position >= 0) {
        let start = position + delimiter.length;
        if (body.subarray(start, start + 2).toString() === '--') {
            break;
        }
        start += 2;
        const next = body.indexOf(delimiter, start);
        if (next < 0) {
            throw new Error('multipart: NextPart: EOF');
        }
        const part = body.subarray(start, next - 2);
        const split = part.indexOf('\r\n\r\n');
        if (split < 0) {
            throw new Error('malformed MIME header: missing blank line');
        }
        const headers = parseHeaders(part.subarray(0, split).toString('utf8'));
        const disposition = headers.get('content-disposition') ?? '';
        parts.push({
            name: dispositionParam(disposition, 'name') ?? '',
            filename: dispositionParam(disposition, 'filename'),
            contentType: headers.get('content-type') ?? 'text/plain',
            data: Buffer.from(part.subarray(split + 4)),
        });
        position = next;
    }
    return parts;
}
