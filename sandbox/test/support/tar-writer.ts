import {gzipSync} from 'node:zlib';

/** A file for `writeTarGz`; a name ending in `/` is a directory. */
export interface TarInput {
    name: string;
    data?: Buffer | string;
}

function octal(value: number, width: number): string {
    return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function header(name: string, size: number, typeFlag: string): Buffer {
    const block = Buffer.alloc(512);
    block.write(name, 0, 100, 'utf8');
    block.write(octal(typeFlag === '5' ? 0o755 : 0o644, 8), 100, 'ascii');
    block.write(octal(0, 8), 108, 'ascii');
    block.write(octal(0, 8), 116, 'ascii');
    block.write(octal(size, 12), 124, 'ascii');
    block.write(octal(Math.floor(Date.now() / 1000), 12), 136, 'ascii');
    block.write('        ', 148, 'ascii');
    block.write(typeFlag, 156, 'ascii');
    block.write('ustar\0', 257, 'ascii');
    block.write('00', 263, 'ascii');
    let sum = 0;
    for (const byte of block) {
        sum += byte;
    }
    block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
    return block;
}

/** Writes a gzip-compressed ustar archive, the format of a Mattermost plugin bundle. */
export function writeTarGz(files: TarInput[]): Buffer {
    const blocks: Buffer[] = [];
    for (const file of files) {
        const directory = file.name.endsWith('/');
        const data = Buffer.from(file.data ?? '');
        blocks.push(header(file.name, directory ? 0 : data.length, directory ? '5' : '0'));
        if (!directory) {
            blocks.push(data, Buffer.alloc((512 - (data.length % 512)) % 512));
        }
    }
    blocks.push(Buffer.alloc(1024));
    return gzipSync(Buffer.concat(blocks));
}

/** Builds a webapp-only plugin bundle with one top-level folder named after the id. */
export function pluginBundle(manifest: Record<string, unknown>, webapp = 'console.log(1);\n'): Buffer {
    const id = String(manifest.id);
    return writeTarGz([
        {name: `${id}/`},
        {name: `${id}/plugin.json`, data: JSON.stringify(manifest)},
        {name: `${id}/webapp/`},
        {name: `${id}/webapp/dist/`},
        {name: `${id}/webapp/dist/main.js`, data: webapp},
    ]);
}

/** Encodes `multipart/form-data` with one file field and any number of text fields. */
export function multipartBody(
    file: {field: string; filename: string; data: Buffer},
    fields: Record<string, string> = {},
): {body: Buffer; contentType: string} {
    const boundary = `----emulator${Date.now().toString(16)}`;
    const chunks: Buffer[] = [];
    for (const [name, value] of Object.entries(fields)) {
        chunks.push(
            Buffer.from(
                `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
            ),
        );
    }
    chunks.push(
        Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; ` +
                `filename="${file.filename}"\r\nContent-Type: application/gzip\r\n\r\n`,
        ),
        file.data,
        Buffer.from(`\r\n--${boundary}--\r\n`),
    );
    return {body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}`};
}
