import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import type { Result } from 'autocannon';

export interface LoadOptions {
  url: string;
  connections: number;
  durationSeconds: number;
  /** Sent with every request (a session cookie). */
  headers?: Record<string, string>;
}

const CLI = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

/**
 * Runs autocannon as its own process: in the server's process it would share the event
 * loop with the server it measures, and a bigger answer would cost the client as much
 * as the server, which is what made in-process figures swing.
 */
export function load(options: LoadOptions): Promise<Result> {
  return new Promise((resolve, reject) => {
    const headers = Object.entries(options.headers ?? {}).flatMap(([name, value]) => ['-H', `${name}=${value}`]);
    const child = spawn(process.execPath, [CLI, '--json', '-c', String(options.connections), '-d', String(options.durationSeconds), ...headers, options.url], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code !== 0) {
        reject(new Error(`autocannon stopped with code ${code}: ${stderr}`));
        return;
      }
      try {
        resolve(JSON.parse(stdout) as Result);
      } catch (error) {
        reject(new Error(`autocannon printed no JSON: ${stdout.slice(0, 200)}`, { cause: error }));
      }
    });
  });
}
