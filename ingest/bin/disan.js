#!/usr/bin/env node
// The disan command. Node 22.18+ runs the TypeScript sources directly (type stripping).

// node:sqlite (the embedded search engine) announces itself as experimental on every
// run; archivists do not need that line. Every other warning is still shown.
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.name !== 'ExperimentalWarning') console.warn(warning);
});

const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
