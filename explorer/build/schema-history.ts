import { execFileSync } from 'node:child_process';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { apiSchema } from './api-schema';

export type ChangeLevel = 'breaking' | 'dangerous' | 'safe';

export interface SchemaChange {
  level: ChangeLevel;
  type: string;
  message: string;
  path?: string;
}

export interface SchemaVersion {
  commit: string;
  date: string;
  subject: string;
  /** Changes from the previous committed version; empty for the first one. */
  changes: SchemaChange[];
}

const LEVEL: Record<CriticalityLevel, ChangeLevel> = {
  [CriticalityLevel.Breaking]: 'breaking',
  [CriticalityLevel.Dangerous]: 'dangerous',
  [CriticalityLevel.NonBreaking]: 'safe',
};

/** Client-visible changes between two supergraph SDLs, classified as @graphql-inspector/core does. */
export async function diffSupergraphs(before: string, after: string): Promise<SchemaChange[]> {
  const changes = await diff(apiSchema(before), apiSchema(after));
  return changes.map((c) => ({ level: LEVEL[c.criticality.level], type: c.type, message: c.message, path: c.path }));
}

/**
 * Every committed version of the supergraph file, newest first, each with its changes from the one before.
 * Built at build time from git, so the served explorer needs neither git nor the repository at run time.
 */
export async function readSchemaHistory(repoDir: string, file = 'schema/supergraph.graphql'): Promise<SchemaVersion[]> {
  const git = (...args: string[]): string => execFileSync('git', ['-C', repoDir, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  let log: string;
  try {
    // --first-parent: the versions as this branch saw them; a merged branch's own commits would interleave by date.
    log = git('log', '--first-parent', '--format=%H%x09%cI%x09%s', '--', file);
  } catch {
    return []; // Not a git checkout (e.g. an unpacked release): the view says the history is unavailable.
  }
  const commits = log
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [commit, date, ...subject] = line.split('\t');
      return { commit, date, subject: subject.join('\t') };
    })
    .reverse();
  const versions: SchemaVersion[] = [];
  let previous: string | undefined;
  for (const c of commits) {
    let sdl: string;
    try {
      sdl = git('show', `${c.commit}:${file}`);
    } catch {
      continue; // The commit deleted the file.
    }
    versions.push({ ...c, changes: previous === undefined ? [] : await diffSupergraphs(previous, sdl) });
    previous = sdl;
  }
  return versions.reverse();
}
