import type { CoverageFigure, CoverageShortfall, CoverageState, CoverageTargetInput, TargetScope } from '@disan/schemas';
import { foldedName, type CoverageHistory, type ElementVersion, type ItemHistory, type MediaGroup, type RecordVersion, type VersionFacts } from './history.ts';
import { emptyHoldings, ruleHolds, shortfall, type Holdings } from './rule.ts';

/** One element's standing at one moment. */
export interface ElementStanding {
  element: ItemHistory<ElementVersion>;
  /** Its version at that moment. */
  version: ElementVersion;
  state: CoverageState;
  /** Kept records documenting it. */
  records: number;
  /** What it lacks to be digitised (empty once it is). */
  missing: CoverageShortfall;
}

/** The latest version written at or before `at`, by binary search (versions are in order). */
export function versionAt<V extends VersionFacts>(versions: readonly V[], at: number): V | undefined {
  let low = 0;
  let high = versions.length - 1;
  let found: V | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (versions[middle]!.at <= at) {
      found = versions[middle];
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/**
 * The face at `at`: the latest version that published or withdrew the record (a draft
 * revision written after publication leaves the published face in place).
 */
export function faceAt<V extends VersionFacts>(versions: readonly V[], at: number): V | undefined {
  const head = versionAt(versions, at);
  if (!head) return undefined;
  for (let index = versions.indexOf(head); index >= 0; index -= 1) {
    const version = versions[index]!;
    if (version.status === 'published' || version.status === 'withdrawn') return version;
  }
  return undefined;
}

/** Whether an element, as it stood, falls in the target's scope (an empty list matches everything). */
export function inScope(version: ElementVersion, scope: TargetScope, provinceKeys: ReadonlySet<string>): boolean {
  if (scope.categories.length > 0 && (version.category === undefined || !scope.categories.includes(version.category))) return false;
  if (scope.ethnicGroups.length > 0 && !version.ethnicGroups.some((group) => (scope.ethnicGroups as string[]).includes(group))) return false;
  if (provinceKeys.size > 0 && !version.provinceKeys.some((province) => provinceKeys.has(province))) return false;
  return true;
}

export const provinceKeysOf = (scope: TargetScope): Set<string> => new Set(scope.provinces.map(foldedName));

const alive = (history: { deletedAt: number | null }, at: number): boolean => history.deletedAt === null || history.deletedAt > at;

function addMedia(held: Holdings, groups: readonly MediaGroup[] | undefined, version: number, at: number): void {
  for (const group of groups ?? []) {
    if (group.at > at || group.addedIn > version || (group.removedIn !== null && group.removedIn <= version)) continue;
    held[group.kind] += group.count;
  }
}

/**
 * Every element's standing at `at` under a target: which elements existed and were in scope
 * then, which kept records documented them then, and what those held. Records are walked once
 * per moment, so a moment costs one pass over the history.
 */
export function standingsAt(history: CoverageHistory, target: Pick<CoverageTargetInput, 'scope' | 'rule'>, at: number, provinceKeys = provinceKeysOf(target.scope)): ElementStanding[] {
  const kept = new Map<string, Holdings>();
  const shown = new Map<string, Holdings>();
  const add = (into: Map<string, Holdings>, record: ItemHistory<RecordVersion>, version: RecordVersion): void => {
    for (const elementId of version.elements) {
      let held = into.get(elementId);
      if (!held) into.set(elementId, (held = emptyHoldings()));
      held.records += 1;
      for (const lang of version.descriptionLangs) held.descriptionLangs.add(lang);
      addMedia(held, history.media.get(record.id), version.version, at);
    }
  };
  for (const record of history.records) {
    if (!alive(record, at)) continue;
    const head = versionAt(record.versions, at);
    if (!head || head.status === 'withdrawn') continue;
    add(kept, record, head);
    const face = faceAt(record.versions, at);
    if (face?.status === 'published') add(shown, record, face);
  }
  const standings: ElementStanding[] = [];
  for (const element of history.elements) {
    if (!alive(element, at)) continue;
    const version = versionAt(element.versions, at);
    if (!version || version.status === 'withdrawn' || !inScope(version, target.scope, provinceKeys)) continue;
    const held = withOwnDescription(kept.get(element.id), version);
    const missing = shortfall(target.rule, held, version.ethnicGroups);
    let state: CoverageState = held.records === 0 ? 'not-documented' : ruleHolds(missing) ? 'digitised' : 'described';
    if (state === 'digitised') {
      const face = faceAt(element.versions, at);
      const public_ = face?.status === 'published' ? withOwnDescription(shown.get(element.id), face) : undefined;
      if (public_ && ruleHolds(shortfall(target.rule, public_, face!.ethnicGroups))) state = 'published';
    }
    standings.push({ element, version, state, records: held.records, missing });
  }
  return standings;
}

/** The element's own description counts towards the rule's languages, beside its records'. */
function withOwnDescription(held: Holdings | undefined, version: ElementVersion): Holdings {
  const result = held ? { ...held, descriptionLangs: new Set(held.descriptionLangs) } : emptyHoldings();
  for (const lang of version.descriptionLangs) result.descriptionLangs.add(lang);
  return result;
}

/** Counts by state; the percentage is digitised (published included) over all in scope, one decimal. */
export function figureOf(standings: readonly ElementStanding[], at: number, year: number): CoverageFigure {
  const count = (state: CoverageState): number => standings.filter((s) => s.state === state).length;
  const digitised = count('digitised');
  const published = count('published');
  const total = standings.length;
  return {
    at: new Date(at).toISOString(),
    year,
    total,
    notDocumented: count('not-documented'),
    described: count('described'),
    digitised,
    published,
    percentage: total === 0 ? 0 : Math.round(((digitised + published) / total) * 1000) / 10,
  };
}
