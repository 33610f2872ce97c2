/** One entry of a tar archive. */
export interface TarEntry {
    name: string;
    type: 'file' | 'directory' | 'other';
    data: Buffer;
}

const BLOCK = 512;

function readString(block: Buffer, offset: number, length: number): string {
    const field = block.subarray(offset, offset + length);
    const end = field.indexOf(0);
    return field.subarray(0, end < 0 ? field.length : end).toString('utf8');
}

function readOctal(block: Buffer, offset: number, length: number): number {
    const field = block.subarray(offset, offset + length);
    // GNU tar writes sizes above 8 GiB in base-256 with the high bit set.
    if (field[0] & 0x80) {
        let value = 0;
        for (let i = 1; i < field.length; i++) {
            value = value * 256 + field[i];
        }
        return value;
    }
    const text = readString(block, offset, length).trim();
    return text === '' ? 0 : Number.parseInt(text, 8);
}

/** Reads the `path` record of a pax extended header (`<length> path=<value>\n`). */
function paxPath(data: Buffer): string | undefined {
    let offset = 0;
    while (offset < data.length) {
        const space = data.indexOf(0x20, offset);
        if (space < 0) {
            break;
        }
        const length = Number.parseInt(data.subarray(offset, space).toString('ascii'), 10);
        if (!Number.isFinite(length) || length <= 0) {
            break;
        }
        const record = data.subarray(space + 1, offset + length - 1).toString('utf8');
        if (record.startsWith('path=')) {
            return record.slice('path='.length);
        }
        offset += length;
    }
    return undefined;
}

function isZeroBlock(block: Buffer): boolean {
    return block.every((byte) => byte === 0);
}

/**
 * Reads a POSIX (ustar) tar archive, including pax `path` records and GNU long names.
 * Throws on a truncated archive or a header whose checksum does not match.
 */
export function readTar(archive: Buffer): TarEntry[] {
    const entries: TarEntry[] = [];
    let offset = 0;
    let longName: string | undefined;

    while (offset + BLOCK <= archive.length) {
        const header = archive.subarray(offset, offset + BLOCK);
        if (isZeroBlock(header)) {
            break;
        }
        verifyChecksum(header, offset);

        const size = readOctal(header, 124, 12);
        const typeFlag = String.fromCharCode(header[156] || 0x30);
        const dataStart = offset + BLOCK;
        if (dataStart + size > archive.length) {
            throw new Error(`tar entry at offset ${offset} is truncated`);
        }
        const data = archive.subarray(dataStart, dataStart + size);
        offset = dataStart + Math.ceil(size / BLOCK) * BLOCK;

        if (typeFlag === 'x') {
            longName = paxPath(data) ?? longName;
            continue;
        }
        if (typeFlag === 'L') {
            longName = readString(data, 0, data.length);
            continue;
        }
        if (typeFlag === 'g') {
            continue;
        }

        const prefix = header.subarray(257, 263).toString('ascii').startsWith('ustar')
            ? readString(header, 345, 155)
            : '';
        const baseName = readString(header, 0, 100);
        const name = longName ?? (prefix ? `${prefix}/${baseName}` : baseName);
        longName = undefined;

        const type = typeFlag === '0' || typeFlag === '7' ? 'file' : typeFlag === '5' ? 'directory' : 'other';
        entries.push({name, type, data: Buffer.from(data)});
    }
    return entries;
}

function verifyChecksum(header: Buffer, offset: number): void {
    const expected = readOctal(header, 148, 8);
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) {
        sum += i >= 148 && i < 156 ? 0x20 : header[i];
    }
    if (sum !== expected) {
        throw new Error(`tar header at offset ${offset} has an invalid checksum`);
    }
}
