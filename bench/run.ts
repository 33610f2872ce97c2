import {mkdirSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import {runBaseline, runEngine} from './bulk_cases';
import type {RunMeasurement, Scenario} from './bulk_cases';
import {measureBundle, measureInitialize} from './bundle_metrics';

/**
 * The rows of `make bench`. Mattermost's defaults (10 requests per second, burst 100) make the
 * 10,000-user row take about 17 minutes for the engine alone, so that row runs at 100 per second.
 */
const SCENARIOS: Array<Scenario & {note: string}> = [
    {users: 100, perSec: 10, maxBurst: 100, latencyMs: 20, note: 'server defaults'},
    {users: 1000, perSec: 10, maxBurst: 100, latencyMs: 20, note: 'server defaults'},
    {users: 10000, perSec: 100, maxBurst: 100, latencyMs: 20, note: 'scaled: PerSec 100'},
];

interface Row {
    scenario: Scenario & {note: string};
    engine: RunMeasurement;
    baseline: RunMeasurement;
    engineToBaseline: number;
}

function parseSizes(argv: string[]): Set<number> | undefined {
    const index = argv.indexOf('--sizes');
    if (index < 0) {
        return undefined;
    }
    return new Set((argv[index + 1] ?? '').split(',').map(Number));
}

function seconds(milliseconds: number): string {
    return (milliseconds / 1000).toFixed(1);
}

function printTable(rows: Row[]): void {
    const header = ['users', 'limit', 'engine s', 'baseline s', 'ratio', 'requests e/b', '429s e/b', 'failures e/b'];
    const lines = rows.map((row) => [
        String(row.scenario.users),
        `${row.scenario.perSec}/s burst ${row.scenario.maxBurst} (${row.scenario.note})`,
        seconds(row.engine.wallMs),
        seconds(row.baseline.wallMs),
        row.engineToBaseline.toFixed(2),
        `${row.engine.requests}/${row.baseline.requests}`,
        `${row.engine.rateLimited}/${row.baseline.rateLimited}`,
        `${row.engine.failures}/${row.baseline.failures}`,
    ]);

    const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
    const format = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ');
    console.log(format(header));
    for (const line of lines) {
        console.log(format(line));
    }
}

async function main(): Promise<void> {
    const sizes = parseSizes(process.argv);
    const rows: Row[] = [];

    for (const scenario of SCENARIOS.filter((entry) => !sizes || sizes.has(entry.users))) {
        console.error(`bench: ${scenario.users} users at ${scenario.perSec}/s, engine run started`);
        const engine = await runEngine(scenario);
        console.error(`bench: ${scenario.users} users, engine ${seconds(engine.wallMs)} s; baseline run started`);
        const baseline = await runBaseline(scenario);
        console.error(`bench: ${scenario.users} users, baseline ${seconds(baseline.wallMs)} s`);
        rows.push({scenario, engine, baseline, engineToBaseline: engine.wallMs / baseline.wallMs});
    }

    const bundle = measureBundle();
    const initialize = await measureInitialize();

    printTable(rows);
    console.log(`bundle: ${bundle.minifiedBytes} bytes minified, ${bundle.gzipBytes} bytes gzip`);
    console.log(
        `initialize: ${initialize.initializeMs.toFixed(1)} ms, ` +
            `${initialize.pluginRequests.length} API requests of the plugin ${JSON.stringify(initialize.pluginRequests)}; ` +
            `the page sent ${JSON.stringify(initialize.requestsAfterInitialize)} after initialize began`,
    );

    const machine = {
        nproc: os.cpus().length,
        cpu: os.cpus()[0]?.model ?? 'unknown',
        memoryBytes: os.totalmem(),
        node: process.version,
    };
    const date = new Date().toISOString().slice(0, 10);
    const directory = path.join(__dirname, 'results');
    mkdirSync(directory, {recursive: true});
    const file = path.join(directory, `${date}-bulk.json`);
    writeFileSync(file, JSON.stringify({date: new Date().toISOString(), machine, rows, bundle, initialize}, null, 2) + '\n');
    console.log(`results written to ${path.relative(process.cwd(), file)}`);
}

main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
});
