import { stat } from 'node:fs/promises';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Suites that start a whole archive, its site and Chromium (tests/support/launch.ts). */
const isBrowserSuite = (spec: TestSpecification) => spec.moduleId.includes('/tests/e2e/');

/**
 * Spreads the browser suites through the run, so that with two files at a time one lane
 * mostly runs a browser suite while the other runs the rest: two browser suites side by
 * side take longer than one after the other on two cores (the workspace journey: 58 s
 * alone, 232 s beside the review suite), and `launchArchive` lets only one archive run at
 * a time anyway. Each browser suite is placed after about an equal share of the other
 * files, weighed by their last duration when every one has one, else by their size.
 */
export default class SpreadBrowserSuites extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const browser = sorted.filter(isBrowserSuite);
    const others = sorted.filter((spec) => !isBrowserSuite(spec));
    if (browser.length === 0 || others.length === 0) return sorted;
    const weights = await this.weights(others);
    const share = weights.reduce((sum, w) => sum + w, 0) / browser.length;
    const queue: TestSpecification[] = [];
    let placed = 0;
    let weighed = 0;
    others.forEach((spec, index) => {
      // A browser suite starts each share: the first at once, while the other lane takes the rest.
      while (placed < browser.length && weighed >= share * placed) queue.push(browser[placed++]!);
      queue.push(spec);
      weighed += weights[index] ?? 0;
    });
    queue.push(...browser.slice(placed));
    return queue;
  }

  private async weights(specs: readonly TestSpecification[]): Promise<number[]> {
    const durations = specs.map((spec) => this.ctx.cache.getTestSpecificationResult(spec)?.duration);
    if (durations.every((d): d is number => d !== undefined)) return durations;
    return Promise.all(specs.map(async (spec) => (await stat(spec.moduleId)).size));
  }
}
